import { describe, expect, it } from 'vitest';
import { cellText, compareCells, isPathValue, namesFrom, nextSort, sortRows, toCsv } from './table.ts';

const ada = { id: 'person:ada', label: 'Person', name: 'Ada Example', properties: { name: 'Ada Example' } };
const post = { id: 'post:ce', label: 'Post', name: 'Chief Executive', properties: {} };
const holds = { id: 'holds:1', type: 'HOLDS', source: 'person:ada', target: 'post:ce', properties: {} };

describe('cellText', () => {
  it('shows nodes by name and relationships by their ends’ names', () => {
    const names = new Map([
      ['person:ada', 'Ada Example'],
      ['post:ce', 'Chief Executive'],
    ]);
    expect(cellText(ada)).toBe('Ada Example');
    expect(cellText(holds, names)).toBe('Ada Example –HOLDS→ Chief Executive');
    expect(cellText(holds)).toBe('person:ada –HOLDS→ post:ce');
    expect(cellText({ ...holds, target: '4:0e1c-77:86' })).toBe('person:ada –HOLDS→ …');
  });

  it('shows paths as chains in either direction', () => {
    expect(isPathValue([ada, holds, post])).toBe(true);
    expect(cellText([ada, holds, post])).toBe('Ada Example –HOLDS→ Chief Executive');
    expect(cellText([post, holds, ada])).toBe('Chief Executive ←HOLDS– Ada Example');
  });

  it('shows scalars, lists, maps and null', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(3)).toBe('3');
    expect(cellText(false)).toBe('false');
    expect(cellText(['a', 1, ada])).toBe('a; 1; Ada Example');
    expect(cellText({ who: ada, n: 2 })).toBe('{who: Ada Example, n: 2}');
  });

  it('keeps markup as text (the view puts it in as text)', () => {
    expect(cellText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('learns names from the elements and from nodes nested in rows', () => {
    const names = namesFrom([[{ list: [ada] }]], [{ data: { id: 'post:ce', name: 'Chief Executive' } }]);
    expect(names.get('person:ada')).toBe('Ada Example');
    expect(names.get('post:ce')).toBe('Chief Executive');
  });
});

describe('sorting', () => {
  const rows = [
    ['b', 10, null],
    ['a', 9, 'x'],
    ['C', 100, 'y'],
    [null, 2, 'z'],
  ];

  it('sorts numbers by value and text naturally, empty cells last either way', () => {
    expect(sortRows(rows, { column: 1, direction: 'ascending' }).map((r) => r[1])).toEqual([2, 9, 10, 100]);
    expect(sortRows(rows, { column: 0, direction: 'ascending' }).map((r) => r[0])).toEqual([
      'a',
      'b',
      'C',
      null,
    ]);
    expect(sortRows(rows, { column: 0, direction: 'descending' }).map((r) => r[0])).toEqual([
      'C',
      'b',
      'a',
      null,
    ]);
    expect(compareCells('item 2', 'item 10')).toBeLessThan(0);
  });

  it('sorts nodes by name and keeps ties in their order', () => {
    const zed = { ...ada, id: 'person:z', name: 'Zed' };
    const tied = [
      [zed, 1],
      [ada, 2],
      [ada, 3],
    ];
    expect(sortRows(tied, { column: 0, direction: 'ascending' }).map((r) => r[1])).toEqual([2, 3, 1]);
  });

  it('leaves the rows as they came without a sort, and does not change them', () => {
    const copy = structuredClone(rows);
    expect(sortRows(rows, null)).toEqual(rows);
    sortRows(rows, { column: 1, direction: 'descending' });
    expect(rows).toEqual(copy);
  });

  it('cycles a column through ascending, descending and unsorted', () => {
    expect(nextSort(null, 2)).toEqual({ column: 2, direction: 'ascending' });
    expect(nextSort({ column: 2, direction: 'ascending' }, 2)).toEqual({
      column: 2,
      direction: 'descending',
    });
    expect(nextSort({ column: 2, direction: 'descending' }, 2)).toBeNull();
    expect(nextSort({ column: 2, direction: 'descending' }, 0)).toEqual({
      column: 0,
      direction: 'ascending',
    });
  });
});

describe('toCsv', () => {
  it('writes RFC 4180 CSV with names for nodes', () => {
    const csv = toCsv(
      ['person', 'quote', 'n'],
      [
        [ada, 'She said "yes", then left\nearly', 3],
        [null, 'plain', -2],
      ],
    );
    expect(csv).toBe('person,quote,n\r\nAda Example,"She said ""yes"", then left\nearly",3\r\n,plain,-2\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    const csv = toCsv(['x'], [['=HYPERLINK("http://evil")'], ['+1+1'], ['@SUM(A1)'], ['-cmd'], ['-5']]);
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      `"'=HYPERLINK(""http://evil"")"`,
      "'+1+1",
      "'@SUM(A1)",
      "'-cmd",
      '-5',
    ]);
  });
});
