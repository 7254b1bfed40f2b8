import { describe, expect, it } from 'vitest';
import { createModel, createView } from './chart.ts';
import { laneDrawings, type Measure } from './marks.ts';
import { buildRows, packLanes, type Row, totalHeight, visibleRows } from './rows.ts';
import { messyChart, syntheticChart } from './sample-chart.ts';
import { createScale, dayNumber } from './scale.ts';
import { capacityKey, tenureCertainty, tenureLabel } from './tenure.ts';

const measure: Measure = (text, size) => text.length * size * 0.55;
const chart = messyChart();
const council = chart.organisations[0];
const post = (id: string) => {
  const p = chart.organisations.flatMap((o) => o.posts).find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p;
};
const scale = createScale({ start: dayNumber('2014-01-01'), end: dayNumber('2023-12-31') }, 200, 1000);

describe('rows and lanes', () => {
  it('puts a suspended substantive holder and the interim on two lanes of one row', () => {
    const lanes = packLanes(post('post:ce'));
    expect(lanes).toHaveLength(2);
    expect(lanes.map((l) => l.map((i) => (i.kind === 'tenure' ? i.tenure.id : 'v')))).toEqual([
      ['tenure:sam-ce'],
      ['tenure:ivy-ce'],
    ]);
  });

  it('keeps two holders with a vacancy between them on one lane, the vacancy on its own lane under them', () => {
    const lanes = packLanes(post('post:dcs'));
    expect(lanes.map((l) => l.map((i) => i.kind))).toEqual([['tenure', 'tenure'], ['vacancy']]);
    const [before, after] = lanes[0] ?? [];
    const vacancy = lanes[1]?.[0];
    expect(vacancy?.extent?.start).toBeGreaterThan(before?.extent?.end ?? Number.POSITIVE_INFINITY);
    expect(vacancy?.extent?.end).toBeLessThan(after?.extent?.start ?? 0);
  });

  it('gives two joint holders a lane each', () => {
    expect(packLanes(post('post:sendco'))).toHaveLength(2);
  });

  it('groups rows by organisation, a heading first, and lists a post with no tenures', () => {
    const rows = buildRows(chart);
    expect(rows.map((r) => (r.kind === 'org' ? r.org.id : r.post.id))).toEqual([
      'org:fixture-council',
      'post:ce',
      'post:dcs',
      'post:empty',
      'post:sendco',
      'org:fixture-ccg',
      'post:ccg-accountable',
    ]);
    for (let i = 1; i < rows.length; i += 1) {
      const prev = rows[i - 1] as Row;
      expect((rows[i] as Row).top).toBe(prev.top + prev.height);
    }
  });

  it('draws only the rows in view, for 500 posts over 25 years', () => {
    const big = syntheticChart(500, 25);
    const rows = buildRows(big);
    expect(rows.filter((r) => r.kind === 'post')).toHaveLength(500);
    const shown = visibleRows(rows, 5000, 600, 100);
    expect(shown.length).toBeLessThan(40);
    expect(shown[0]?.top).toBeLessThanOrEqual(4900 + 30);
    expect(shown.every((r) => r.top + r.height >= 4900 && r.top <= 5700)).toBe(true);
    expect(visibleRows(rows, totalHeight(rows) - 10, 600).at(-1)).toBe(rows.at(-1));
  });
});

describe('what is drawn for a tenure', () => {
  it('a stated start with no end: a solid bar to the last evidence, then only the possible whisker', () => {
    const lane = packLanes(post('post:ce'))[0] ?? [];
    const [sam] = laneDrawings(lane, scale, measure, 'post:ce');
    const stated = sam?.marks.find((m) => m.kind === 'stated');
    const possible = sam?.marks.find((m) => m.kind === 'possible');
    expect(stated && 'x2' in stated && stated.x2).toBeCloseTo(scale.x(dayNumber('2019-02-02')), 0);
    expect(possible && 'x2' in possible && possible.x2).toBeCloseTo(scale.x(dayNumber('2020-07-01')), 0);
    expect(sam?.marks.some((m) => m.kind === 'period' && m.label === 'suspended')).toBe(true);
    expect(sam?.marks.filter((m) => m.kind === 'tick')).toHaveLength(1);
    expect(sam?.label).toBe('Sam Sterling · suspended');
    expect(sam?.certainty).toBe('stated');
  });

  it('an attestation dated within bounds is a bracket over those bounds, not a tick', () => {
    const lane = packLanes(post('post:ce'))[1] ?? [];
    const [ivy] = laneDrawings(lane, scale, measure, 'post:ce');
    const bracket = ivy?.marks.find((m) => m.kind === 'bracket');
    expect(bracket && 'x1' in bracket && bracket.x1).toBeCloseTo(scale.x(dayNumber('2019-03-01')), 0);
    expect(ivy?.marks.filter((m) => m.kind === 'tick')).toHaveLength(1);
    expect(ivy?.certainty).toBe('attested');
    expect(ivy?.label).toBe('Ivy Irwin (interim)');
  });

  it('a vacancy is drawn as a box and labelled', () => {
    const [holders, vacancies] = packLanes(post('post:dcs'));
    expect(laneDrawings(holders ?? [], scale, measure, 'post:dcs').map((d) => d.ref)).toEqual([
      't:tenure:sam-dcs',
      't:tenure:dee-dcs',
    ]);
    const [vacancy] = laneDrawings(vacancies ?? [], scale, measure, 'post:dcs');
    expect(vacancy?.ref).toBe('v:post:dcs:0');
    expect(vacancy?.marks[0]?.kind).toBe('vacancy');
    expect(vacancy?.placed?.text).toBe('vacant');
  });

  it('never lets two names of a lane overlap, at any zoom', () => {
    const big = syntheticChart(20, 25);
    for (const span of [400, 2000, 9000]) {
      const s = createScale(
        { start: dayNumber('2000-01-01'), end: dayNumber('2000-01-01') + span },
        200,
        900,
      );
      for (const p of big.organisations[0]?.posts ?? [])
        for (const lane of packLanes(p)) {
          const placed = laneDrawings(lane, s, measure, p.id)
            .filter((d) => d.placed)
            .map((d) => ({
              x1: d.placed?.x ?? 0,
              x2: (d.placed?.x ?? 0) + measure(d.placed?.text ?? '', 12),
              d,
            }));
          for (let i = 1; i < placed.length; i += 1)
            expect(placed[i]?.x1).toBeGreaterThan(placed[i - 1]?.x2 ?? 0);
          // An outside name never covers another item's marks.
          for (const p1 of placed)
            if (!p1.d.placed?.inside)
              for (const other of laneDrawings(lane, s, measure, p.id))
                if (other.ref !== p1.d.ref) expect(p1.x2 <= other.x1 || p1.x1 >= other.x2).toBe(true);
        }
    }
  });

  it('names the capacity in words unless substantive, and reads certainty from the spans', () => {
    const ivy = post('post:ce').tenures[1];
    if (!ivy) throw new Error('fixture');
    expect(capacityKey('interim')).toBe('interim');
    expect(capacityKey('honorary')).toBe('other');
    expect(tenureLabel({ ...ivy, capacity: null })).toBe('Ivy Irwin (capacity not stated)');
    expect(tenureCertainty({ ...ivy, attestations: [] })).toBe('inferred');
    expect(
      tenureCertainty({ ...ivy, attestations: [], spans: { stated: null, inferred: [], possible: null } }),
    ).toBe('possible');
  });
});

describe('the chart model', () => {
  it('finds what a reference points at and describes it for hovering', () => {
    const model = createModel(chart, measure);
    expect(model.target('t:tenure:ivy-ce')?.kind).toBe('tenure');
    expect(model.titleOf('t:tenure:ivy-ce')).toContain('Capacity: interim');
    expect(model.titleOf('a:tenure:ivy-ce:1')).toContain('between Mar 2019 and 31 Dec 2019');
    expect(model.titleOf('v:post:dcs:0')).toContain('vacant, 1 June 2018');
    expect(model.titleOf('e:inspection:2017')).toContain('Inspection');
    expect(model.target('t:nothing')).toBeNull();
    expect(council?.name).toBe('Fixture Council');
  });

  it('says "no source" for a row with nothing in range, and keeps the body succeeded mid-range to its own time', () => {
    const model = createModel(chart, measure);
    const view = createView(
      model,
      { start: dayNumber('2014-01-01'), end: dayNumber('2024-12-31') },
      1200,
      measure,
    );
    const rows = model.rows.filter((r): r is Row & { kind: 'post' } => r.kind === 'post');
    expect(rows.filter((r) => !view.hasData(r)).map((r) => r.post.id)).toEqual(['post:empty']);
    const ao = rows.find((r) => r.post.id === 'post:ccg-accountable');
    if (!ao) throw new Error('fixture');
    const [drawing] = view.drawings(ao)[0] ?? [];
    expect(drawing?.x2).toBeLessThan(view.scale.x(dayNumber('2022-07-02')));
  });
});
