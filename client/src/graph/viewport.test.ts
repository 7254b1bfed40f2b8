import { describe, expect, it } from 'vitest';
import {
  centredOn,
  contains,
  fitZoom,
  LABEL_FONT_SIZE,
  MAX_FIT_ZOOM,
  MIN_LABEL_PX,
  READABLE_ZOOM,
  readableViewport,
} from './viewport.ts';

const canvas = { width: 800, height: 600 };
const box = (w: number, h: number, x = 0, y = 0) => ({ x1: x, y1: y, x2: x + w, y2: y + h });

describe('a readable viewport', () => {
  it('keeps names at least 11px on screen at the readable zoom', () => {
    expect(LABEL_FONT_SIZE * READABLE_ZOOM).toBeGreaterThanOrEqual(MIN_LABEL_PX);
  });

  it('fits everything when everything fits at a readable zoom', () => {
    const all = box(700, 500);
    const view = readableViewport([all, box(10, 10)], canvas);
    expect(view?.zoom).toBeCloseTo(fitZoom(all, canvas));
    expect(view?.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });

  it('falls back to the neighbourhood, then centres the selection at the readable zoom', () => {
    const huge = box(5000, 4000);
    const near = box(600, 400, 1000, 1000);
    expect(readableViewport([huge, near], canvas)).toEqual(centredOn(near, canvas, fitZoom(near, canvas)));
    const alsoHuge = box(3000, 3000);
    const view = readableViewport([huge, alsoHuge], canvas);
    expect(view?.zoom).toBe(READABLE_ZOOM);
    // The middle of the last box is in the middle of the canvas.
    expect(view?.pan.x).toBeCloseTo(400 - READABLE_ZOOM * 1500);
  });

  it('does not blow a few nodes up past the largest fitting zoom', () => {
    expect(readableViewport([box(50, 50)], canvas)?.zoom).toBe(MAX_FIT_ZOOM);
  });

  it('gives nothing for no boxes or a hidden canvas', () => {
    expect(readableViewport([], canvas)).toBeNull();
    expect(readableViewport([box(1, 1)], { width: 0, height: 0 })).toBeNull();
  });

  it('tells whether a box lies inside another', () => {
    expect(contains(box(100, 100), box(10, 10, 5, 5))).toBe(true);
    expect(contains(box(100, 100), box(10, 10, 95, 5))).toBe(false);
  });
});
