import { describe, expect, it } from 'vitest';
import { perSecond, quantileSorted, round, rounds, summarize } from './stats.ts';

describe('quantileSorted', () => {
  it('interpolates between the closest ranks', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48);
  });

  it('returns the extremes at 0 and 1 and the only value of a single sample', () => {
    expect(quantileSorted([3, 5, 9], 0)).toBe(3);
    expect(quantileSorted([3, 5, 9], 1)).toBe(9);
    expect(quantileSorted([7], 0.99)).toBe(7);
  });

  it('rejects no samples and quantiles outside [0, 1]', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(/no samples/);
    expect(() => quantileSorted([1], 1.5)).toThrow(/\[0, 1\]/);
    expect(() => quantileSorted([1], Number.NaN)).toThrow(/\[0, 1\]/);
  });
});

describe('summarize', () => {
  it('sorts a copy and reports min, median, mean, tail percentiles and max', () => {
    const samples = [5, 1, 4, 2, 3];
    const summary = summarize(samples);
    expect(summary).toEqual({ count: 5, min: 1, median: 3, mean: 3, p95: 4.8, p99: 4.96, max: 5 });
    expect(samples).toEqual([5, 1, 4, 2, 3]);
  });

  it('puts p99 of 1..100 just under the maximum', () => {
    const summary = summarize(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(summary.median).toBe(50.5);
    expect(summary.p95).toBeCloseTo(95.05);
    expect(summary.p99).toBeCloseTo(99.01);
  });

  it('refuses an empty set', () => {
    expect(() => summarize([])).toThrow(/empty/);
  });
});

describe('perSecond and round', () => {
  it('turns a count and a duration into a rate', () => {
    expect(perSecond(500, 250)).toBe(2000);
    expect(() => perSecond(1, 0)).toThrow(/positive/);
  });

  it('rounds to the given decimals', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1234.5, 0)).toBe(1235);
  });
});

describe('rounds', () => {
  it('counts the longest chain of calls each waiting for an earlier answer', () => {
    expect(rounds([])).toBe(0);
    // Three at once, then one after them, then two after that one: three rounds.
    expect(
      rounds([
        { start: 0, end: 10 },
        { start: 1, end: 12 },
        { start: 2, end: 9 },
        { start: 13, end: 20 },
        { start: 21, end: 30 },
        { start: 22, end: 28 },
      ]),
    ).toBe(3);
  });

  it('does not chain calls that overlap', () => {
    expect(
      rounds([
        { start: 0, end: 10 },
        { start: 5, end: 15 },
      ]),
    ).toBe(1);
  });
});
