import { describe, expect, it } from 'vitest';
import { type DrawnNode, fitReport, overlap } from './fit-check.ts';

const node = (id: string, x: number, y: number, labelPx = 12): DrawnNode => ({
  id,
  box: { x1: x, y1: y, x2: x + 100, y2: y + 50 },
  label: { x1: x, y1: y + 30, x2: x + 100, y2: y + 50 },
  labelPx,
});

describe('fit checks', () => {
  it('counts nodes outside the canvas, overlapping names and the smallest name', () => {
    const report = fitReport(
      [node('a', 10, 10), node('b', 60, 20, 11.5), node('c', 700, 10), node('d', 300, 300)],
      { width: 720, height: 400 },
    );
    expect(report.outside).toEqual(['c']);
    expect(report.overlaps).toEqual([['a', 'b']]);
    expect(report.smallestLabelPx).toBe(11.5);
  });

  it('does not count boxes that only touch', () => {
    expect(overlap({ x1: 0, y1: 0, x2: 10, y2: 10 }, { x1: 10, y1: 0, x2: 20, y2: 10 })).toBe(false);
    expect(overlap({ x1: 0, y1: 0, x2: 10, y2: 10 }, { x1: 5, y1: 5, x2: 20, y2: 20 })).toBe(true);
  });

  it('reports no smallest name for an empty drawing', () => {
    expect(fitReport([], { width: 10, height: 10 })).toEqual({
      nodes: 0,
      outside: [],
      overlaps: [],
      smallestLabelPx: null,
    });
  });
});
