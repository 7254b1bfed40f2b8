import { describe, expect, it } from 'vitest';
import { latestDayOf, propertyProblems, sameRows } from './compare.ts';

describe('latestDayOf', () => {
  it('keeps a day and widens a month or a year to its last day', () => {
    expect(latestDayOf('2017-06-12')).toBe('2017-06-12');
    expect(latestDayOf('2024-02')).toBe('2024-02-29');
    expect(latestDayOf('2017')).toBe('2017-12-31');
  });

  it('takes the upper bound of a range', () => {
    expect(latestDayOf('2017-06-16/2017-11-21')).toBe('2017-11-21');
    expect(latestDayOf('2018-03/2024-05-09')).toBe('2024-05-09');
  });
});

describe('propertyProblems', () => {
  it('names each property that differs, and treats null as unset', () => {
    const actual = { name: 'Chair', date: '2017', list: ['a', 'b'] };
    expect(propertyProblems(actual, { name: 'Chair', list: ['a', 'b'], missing: null })).toEqual([]);
    expect(propertyProblems(actual, { date: null })).toEqual(['date is "2017", expected null']);
    expect(propertyProblems(actual, { list: ['a'] })).toHaveLength(1);
  });

  it('expects nothing when no properties are given', () => {
    expect(propertyProblems({ a: 1 }, undefined)).toEqual([]);
  });
});

describe('sameRows', () => {
  it('compares rows in any order, but each row as a whole', () => {
    expect(
      sameRows(
        [
          ['a', 1],
          ['b', 2],
        ],
        [
          ['b', 2],
          ['a', 1],
        ],
      ),
    ).toBe(true);
    expect(sameRows([['a', 1]], [['a', 2]])).toBe(false);
    expect(sameRows([], [])).toBe(true);
    expect(sameRows([['a']], [])).toBe(false);
  });
});
