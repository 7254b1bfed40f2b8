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

  it('falls back to the readable zoom, centred on the neighbourhood or else the selection', () => {
    const huge = box(5000, 4000);
    const near = box(600, 400, 1000, 1000);
    // As wide as names allow, as near the middle of everything as keeps the neighbourhood whole.
    const view = readableViewport([huge, near], canvas);
    expect(view?.zoom).toBe(READABLE_ZOOM);
    const z = READABLE_ZOOM;
    const left = z * near.x1 + (view?.pan.x ?? 0);
    const right = z * near.x2 + (view?.pan.x ?? 0);
    const top = z * near.y1 + (view?.pan.y ?? 0);
    const bottom = z * near.y2 + (view?.pan.y ?? 0);
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(canvas.width);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(bottom).toBeLessThanOrEqual(canvas.height);
    // A neighbourhood already in the middle of everything is not moved off it.
    const middle = box(600, 400, 2200, 1800);
    expect(readableViewport([huge, middle], canvas)).toEqual(centredOn(huge, canvas, READABLE_ZOOM));
    const alsoHuge = box(3000, 3000);
    const last = readableViewport([huge, alsoHuge], canvas);
    expect(last?.zoom).toBe(READABLE_ZOOM);
    // The middle of the last box is in the middle of the canvas.
    expect(last?.pan.x).toBeCloseTo(400 - READABLE_ZOOM * 1500);
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
