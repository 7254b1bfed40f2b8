import { describe, expect, it } from 'vitest';
import { miterCorners } from './svg-shapes.ts';

describe('a polygon’s border to its mitred corners', () => {
  it('reaches past a square diamond’s points by half the border over sin 45°', () => {
    const corners = miterCorners('diamond', 30, 30, 2);
    const top = Math.min(...(corners ?? []).map((c) => c.y));
    const right = Math.max(...(corners ?? []).map((c) => c.x));
    expect(top).toBeCloseTo(-(15 + Math.SQRT2), 6);
    expect(right).toBeCloseTo(15 + Math.SQRT2, 6);
  });

  it('moves a flat side out by half the border', () => {
    // Cytoscape's hexagon has flat top and bottom sides.
    const corners = miterCorners('hexagon', 30, 30, 4);
    expect(Math.min(...(corners ?? []).map((c) => c.y))).toBeCloseTo(-17, 6);
  });

  it('leaves ellipses, rectangles and rounded shapes to their box', () => {
    for (const shape of ['ellipse', 'rectangle', 'round-rectangle', 'round-triangle'])
      expect(miterCorners(shape, 30, 30, 2)).toBeNull();
    expect(miterCorners('diamond', 30, 30, 0)).toBeNull();
  });
});
