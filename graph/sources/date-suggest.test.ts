import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { suggestDates } from './date-suggest.ts';

const seeds = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds', 'documents');
const text = (name: string) => readFileSync(path.join(seeds, `${name}.txt`), 'utf8');

describe('suggestDates', () => {
  it('puts the labelled date of the council press release first, with the line that prints it', () => {
    const t = text('2017-11-21-bury-council-building-a-better-bury');
    const [first] = suggestDates(t);
    expect(first).toMatchObject({
      date: '2017-11-21',
      precision: 'day',
      rule: 'labelled',
      quote: 'Issued:\u00a021 November 2017.',
    });
    // The quote is what the seed metadata records as published.quote, and it is in the text.
    expect(t.includes(first?.quote ?? '-')).toBe(true);
    expect(t.slice(first?.start, first?.end)).toBe('21 November 2017');
  });

  it('finds the day at the head of the 2024 article', () => {
    const [first] = suggestDates(text('2024-05-09-send-experience-in-bury-poor-for-too-long'));
    expect(first).toMatchObject({ date: '2024-05-09', precision: 'day', rule: 'day' });
  });

  it('offers the month of an undated article as a month, never widened into a day', () => {
    const dates = suggestDates(text('2018-03-to-2024-05-bury-send-revisit-progress'));
    expect(dates.map((d) => d.date)).toContain('2017-08');
    expect(dates.every((d) => d.precision !== 'day')).toBe(true);
  });

  it('prints nothing for a text with no date', () => {
    expect(suggestDates(text('2017-bbc-bury-two-years-behind'))).toEqual([]);
  });

  it('reads the common forms, best first and each date once', () => {
    const t =
      'Published: Tuesday, 21st November 2017\nOn 21 November 2017 the plan was accepted.\nIn June 2017 and on 2017-06-12.\nDated 03/04/2018.';
    const dates = suggestDates(t);
    expect(dates.map((d) => [d.date, d.rule])).toEqual([
      ['2017-11-21', 'labelled'],
      ['2018-04-03', 'labelled'],
      ['2017-06-12', 'iso'],
      ['2017-06', 'month'],
    ]);
  });

  it('refuses days that are not in the calendar, keeping only the month they name', () => {
    expect(suggestDates('Issued: 31 February 2017. And 2017-13-01.')).toMatchObject([
      { date: '2017-02', precision: 'month' },
    ]);
  });
});
