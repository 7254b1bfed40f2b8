import { describe, expect, it } from 'vitest';
import { formatBetween, formatDate, formatEventDate, formatSpan, precisionOf } from './dates.ts';
import { addDays, addMonths, daysBetween, firstDayOf, isDay } from './days.ts';

describe('formatDate keeps the precision of the source', () => {
  it('shows a year as a year, a month as a month and a day as a day', () => {
    expect(formatDate('2017')).toBe('2017');
    expect(formatDate('2017-06')).toBe('June 2017');
    expect(formatDate('2017-06-12')).toBe('12 June 2017');
    expect(formatDate('2017-06-12', 'short')).toBe('12 Jun 2017');
  });

  it('shows an interval as its bounds', () => {
    expect(formatDate('2017-06-16/2017-11-21')).toBe('between 16 Jun 2017 and 21 Nov 2017');
    expect(formatBetween('2017-06', '2017-06')).toBe('June 2017');
  });

  it('leaves text it does not understand alone', () => {
    expect(formatDate('sometime')).toBe('sometime');
    expect(formatDate('inspected by CQC/Ofsted in 2017')).toBe('inspected by CQC/Ofsted in 2017');
    expect(precisionOf('CQC/Ofsted')).toBeNull();
    expect(formatDate('2017-13')).toBe('2017-13');
  });

  it('says when a bounded event date is not exact', () => {
    expect(formatEventDate('2017-06', 'month')).toBe('June 2017');
    expect(formatEventDate('2017-06-16/2017-11-21', 'bounded')).toBe('between 16 Jun 2017 and 21 Nov 2017');
    expect(formatEventDate('2017-06', 'bounded')).toBe('June 2017 (exact date not known)');
  });

  it('describes spans with open ends', () => {
    expect(formatSpan('2017-06', '2019')).toBe('from June 2017 to 2019');
    expect(formatSpan(null, '2019')).toBe('until 2019');
    expect(formatSpan(null, null)).toBe('dates not given by the sources');
  });

  it('recognises precision', () => {
    expect(precisionOf('2017')).toBe('year');
    expect(precisionOf('2017-06')).toBe('month');
    expect(precisionOf('2017-06-01')).toBe('day');
    expect(precisionOf('2017/2018')).toBe('bounded');
    expect(precisionOf('June')).toBeNull();
  });
});

describe('day arithmetic', () => {
  it('rejects days that are not on the calendar', () => {
    expect(isDay('2017-02-29')).toBe(false);
    expect(isDay('2016-02-29')).toBe(true);
    expect(isDay('2017-06')).toBe(false);
  });

  it('counts and adds days across a leap year', () => {
    expect(daysBetween('2015-01-01', '2016-01-01')).toBe(365);
    expect(daysBetween('2016-01-01', '2017-01-01')).toBe(366);
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
  });

  it('clamps to the end of shorter months', () => {
    expect(addMonths('2017-01-31', 1)).toBe('2017-02-28');
    expect(addMonths('2017-12-15', 1)).toBe('2018-01-15');
    expect(addMonths('2018-01-15', -1)).toBe('2017-12-15');
  });

  it('takes the first day of a year or month only when asked', () => {
    expect(firstDayOf('2017-06')).toBe('2017-06-01');
    expect(firstDayOf('2017')).toBe('2017-01-01');
    expect(firstDayOf('2017-06-12')).toBe('2017-06-12');
    expect(firstDayOf('nope')).toBeNull();
  });
});
