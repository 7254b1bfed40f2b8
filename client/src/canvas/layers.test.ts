import { describe, expect, it } from 'vitest';
import { assignLayers, layeredPositions } from './layers.ts';

const e = (source: string, type: string, target: string) => ({ source, target, type });

describe('accountability layers', () => {
  const ids = ['insp', 'area', 'findings', 'council', 'ceo', 'pat', 'doc'];
  const edges = [
    e('insp', 'INSPECTED', 'area'),
    e('insp', 'FOUND', 'findings'),
    e('council', 'RESPONSIBLE_FOR', 'area'),
    e('ceo', 'POST_IN', 'council'),
    e('pat', 'HOLDS', 'ceo'),
    e('doc', 'MENTIONS', 'pat'),
  ];

  it('orders inspection → findings and area → responsible body → post → holder', () => {
    const layers = assignLayers(ids, edges);
    expect(Object.fromEntries(layers)).toEqual({
      insp: 0,
      area: 1,
      findings: 1,
      council: 2,
      ceo: 3,
      pat: 4,
      doc: 5,
    });
  });

  it('splits a column taller than the canvas into columns side by side', () => {
    const sized = ['o', 'p1', 'p2', 'p3'].map((id) => ({ id, width: 100, height: 40 }));
    const layers = assignLayers(
      sized.map((n) => n.id),
      ['p1', 'p2', 'p3'].map((p) => e(p, 'POST_IN', 'o')),
    );
    const at = layeredPositions(sized, [], layers, { columnGap: 20, rowGap: 10, maxHeight: 95 });
    expect(new Set(['p1', 'p2', 'p3'].map((id) => at.get(id)?.x))).toEqual(new Set([170, 290]));
    expect([...at.values()].every((p) => Math.abs(p.y) <= 47.5)).toBe(true);
  });

  it('survives a cycle', () => {
    const layers = assignLayers(['a', 'b'], [e('a', 'INSPECTED', 'b'), e('b', 'INSPECTED', 'a')]);
    expect([...layers.values()].every((l) => l >= 0 && l < 2)).toBe(true);
  });

  it('puts columns side by side without overlap and stacks a column by drawn height', () => {
    const sized = ids.map((id) => ({ id, width: id === 'area' ? 120 : 80, height: 40 }));
    const layers = assignLayers(ids, edges);
    const at = layeredPositions(sized, edges, layers, { columnGap: 20, rowGap: 10 });
    expect(at.get('insp')).toEqual({ x: 40, y: 0 });
    // Column 1 is 120 wide (the area), starting after column 0 and the gap.
    expect(at.get('area')?.x).toBe(80 + 20 + 60);
    const ys = [at.get('area')?.y, at.get('findings')?.y].map(Number).sort((a, b) => a - b);
    expect(ys).toEqual([-25, 25]);
  });

  it('orders a column by the rows of its neighbours in the nearest column before it', () => {
    // Two posts and their holders; each holder also spoke about a node of the first column, the
    // one on the other side, so an average over every neighbour would swap them.
    const ids = ['a', 'z', 'org', 'p1', 'p2', 'x', 'y'];
    const edges = [
      e('a', 'INSPECTED', 'z'),
      e('p1', 'POST_IN', 'org'),
      e('p2', 'POST_IN', 'org'),
      e('x', 'HOLDS', 'p1'),
      e('y', 'HOLDS', 'p2'),
      e('x', 'STATED', 'org'),
      e('x', 'STATED', 'org'),
      e('y', 'STATED', 'a'),
      e('y', 'STATED', 'a'),
    ];
    const sized = ids.map((id) => ({ id, width: 50, height: 20 }));
    const at = layeredPositions(sized, edges, assignLayers(ids, edges), { columnGap: 10, rowGap: 10 });
    // Each holder follows the post they hold.
    expect(Number(at.get('y')?.y)).toBeGreaterThan(Number(at.get('x')?.y));
    expect(Number(at.get('p2')?.y)).toBeGreaterThan(Number(at.get('p1')?.y));
  });
});
