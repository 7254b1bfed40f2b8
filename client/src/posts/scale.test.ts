import { describe, expect, it } from 'vitest';
import { createScale, dayNumber, dayString, daysOf, fitRange, pan, ticks, zoom } from './scale.ts';

describe('time scale', () => {
  it('turns days into numbers and back without shifting', () => {
    expect(dayString(dayNumber('2017-06-12'))).toBe('2017-06-12');
    expect(dayNumber('1970-01-02')).toBe(1);
  });

  it('reads the days a date of any precision stands for', () => {
    expect(daysOf('2017')).toEqual({ start: '2017-01-01', end: '2017-12-31' });
    expect(daysOf('2016-02')).toEqual({ start: '2016-02-01', end: '2016-02-29' });
    expect(daysOf('2019-03/2019-12-31')).toEqual({ start: '2019-03-01', end: '2019-12-31' });
    expect(daysOf('CQC')).toBeNull();
  });

  it('fits the data with a margin, in whole years', () => {
    const r = fitRange({ start: '2015-04-01', end: '2023-03-31' }, '2026-01-01');
    expect(dayString(r.start)).toBe('2014-01-01');
    expect(dayString(r.end)).toBe('2023-12-31');
    const none = fitRange({ start: null, end: null }, '2026-06-01');
    expect(none.end - none.start).toBeGreaterThan(3000);
  });

  it('zooms about a day, keeping it under the same pixel, within limits', () => {
    const r = { start: 0, end: 1000 };
    const s = createScale(r, 100, 500);
    const z = zoom(r, 2, 250);
    expect(createScale(z, 100, 500).x(250)).toBeCloseTo(s.x(250), 0);
    expect(z.end - z.start).toBe(500);
    expect(zoom(r, 1000, 0).end - zoom(r, 1000, 0).start).toBe(30);
    expect(pan(r, 10)).toEqual({ start: 10, end: 1010 });
  });

  it('labels years when zoomed out and months when a year is wide', () => {
    const wide = createScale({ start: dayNumber('2000-01-01'), end: dayNumber('2024-12-31') }, 0, 1000);
    const years = ticks(wide);
    expect(years.every((t) => /^\d{4}$/.test(t.label))).toBe(true);
    expect(years.length).toBeLessThanOrEqual(25);
    for (let i = 1; i < years.length; i += 1)
      expect(
        wide.x((years[i] as { day: number }).day) - wide.x((years[i - 1] as { day: number }).day),
      ).toBeGreaterThanOrEqual(56);
    const narrow = createScale({ start: dayNumber('2017-01-01'), end: dayNumber('2017-12-31') }, 0, 1200);
    expect(ticks(narrow).map((t) => t.label)).toContain('Jun');
  });
});
