import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { chartSvgDocument, createModel, createView } from './chart.ts';
import { cursorKey } from './keys.ts';
import type { Measure } from './marks.ts';
import { messyChart, syntheticChart } from './sample-chart.ts';
import { dayNumber, dayString } from './scale.ts';
import { TENURE_COLUMNS, tenuresCsv } from './tenure-csv.ts';

const measure: Measure = (text, size) => text.length * size * 0.55;

/** The chart drawn as one SVG document over 2014–2023, 1400 px wide, with the cursor on `cursor`. */
function drawn(chart: ReturnType<typeof messyChart>, cursor: string | null = null) {
  const model = createModel(chart, measure);
  const view = createView(
    model,
    { start: dayNumber('2014-01-01'), end: dayNumber('2023-12-31') },
    1400,
    measure,
  );
  return { model, svg: chartSvgDocument(model, view, 1400, cursor === null ? null : dayNumber(cursor)) };
}

describe('the chart as SVG', () => {
  it('is well-formed and has the post titles, holders, events and cursor as text and shapes', () => {
    const chart = messyChart();
    const { svg } = drawn(chart, '2019-02-15');
    expect(XMLValidator.validate(svg)).toBe(true);
    for (const text of [
      'Chief Executive',
      'Sam Sterling',
      'Ivy Irwin (interim)',
      'vacant',
      'Fixture CCG',
      'no source for this period',
    ])
      expect(svg).toContain(text);
    expect(svg).toContain('data-ref="e:inspection:2017"');
    expect(svg).toContain('class="pc-cursor"');
    expect(svg).toContain('15 February 2019');
    // The cursor's date is named, not only drawn, so it is read out and a test can read it.
    expect(svg).toContain('data-day="2019-02-15" role="img" aria-label="Date shown: 15 February 2019"');
    expect(svg).not.toContain('tabindex');
  });

  it('escapes names that look like markup', () => {
    const chart = messyChart();
    const first = chart.organisations[0]?.posts[0];
    if (!first) throw new Error('fixture');
    first.title = 'Chief <Executive> & "Head"';
    const { svg } = drawn(chart);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('Chief &lt;Executive&gt; &amp;');
  });

  it("cuts an organisation's heading that is wider than the label column, with its full name as a tooltip", () => {
    const chart = messyChart();
    const org = chart.organisations[0];
    if (!org) throw new Error('fixture');
    org.name = 'NHS Greater Manchester Integrated Care Board and its many committees';
    const { model, svg } = drawn(chart);
    const heading = /<g class="pc-org"[^>]*>.*?<text[^>]*>([^<]*)<title>([^<]*)<\/title>/.exec(svg);
    expect(heading?.[2]).toBe(org.name);
    const shown = heading?.[1] ?? '';
    expect(shown.endsWith('…')).toBe(true);
    // Bold 13 px, measured as the chart does: it ends before the column of relations begins.
    expect(measure(shown, 13) * 1.1).toBeLessThanOrEqual(model.labelWidth - 14);
  });

  // A big drawing on a loaded machine: the default 5 s is not about speed here, only room to run.
  it('draws 500 posts over 25 years with every title', { timeout: 60_000 }, () => {
    const chart = syntheticChart(500, 25);
    const model = createModel(chart, measure);
    const view = createView(
      model,
      { start: dayNumber('2000-01-01'), end: dayNumber('2024-12-31') },
      1400,
      measure,
    );
    const svg = chartSvgDocument(model, view, 1400, null);
    expect(svg.match(/class="pc-post-title"/g)).toHaveLength(500);
    expect(svg.match(/class="pc-item pc-tenure"/g)).toHaveLength(2000);
  });
});

describe('the tenures as CSV', () => {
  it('has one row per tenure with dates, precision, certainty and sources', () => {
    const csv = tenuresCsv(messyChart(), { 'doc:gazette-2015': 'Gazette 2015' });
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(TENURE_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 7);
    const sam = lines.find((l) => l.startsWith('Sam Sterling,') && l.includes('Chief Executive'));
    expect(sam).toContain('2015-04-01,day,,,stated');
    expect(sam).toContain('Gazette 2015 (doc:gazette-2015)');
    expect(lines.find((l) => l.includes('tenure') || l.includes('Jo Joint'))).toContain(
      '2016,year,2018,year',
    );
  });

  it('neutralises a name a spreadsheet would run as a formula', () => {
    const chart = messyChart();
    const t = chart.organisations[0]?.posts[0]?.tenures[0];
    if (!t) throw new Error('fixture');
    t.person = { ...t.person, name: '=HYPERLINK("x")' };
    expect(tenuresCsv(chart)).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('arrow keys on the chart', () => {
  it('move the date a month, or a year with Shift, keeping the day within the month', () => {
    const day = dayNumber('2019-01-31');
    expect(dayString(cursorKey('ArrowRight', false, day) ?? 0)).toBe('2019-02-28');
    expect(dayString(cursorKey('ArrowLeft', true, day) ?? 0)).toBe('2018-01-31');
    expect(cursorKey('ArrowUp', false, day)).toBeNull();
    expect(cursorKey('ArrowRight', false, null)).toBeNull();
  });
});
