import { describe, expect, it } from 'vitest';
import {
  type DrawingMode,
  drawingMode,
  LARGE_VIEW_ELEMENTS,
  LARGE_VIEW_NAME_MIN_PX,
  largeViewNote,
  SMALL_VIEW_ELEMENTS,
  sameMode,
  WEBGL_ELEMENTS,
} from './drawing-mode.ts';
import { LABEL_FONT_SIZE } from './viewport.ts';

const mode = (elements: number, wasLarge = false, webglAvailable = true) =>
  drawingMode({ elements, wasLarge, webglAvailable });

describe('the drawing mode', () => {
  it('draws the explorer’s ordinary views in full', () => {
    expect(mode(0)).toEqual({ large: false });
    expect(mode(96 + 240)).toEqual({ large: false });
    expect(mode(LARGE_VIEW_ELEMENTS - 1)).toEqual({ large: false });
  });

  it('switches to the large drawing at the threshold, and says so with the count', () => {
    const at = mode(LARGE_VIEW_ELEMENTS);
    expect(at.large).toBe(true);
    if (!at.large) return;
    expect(at.elements).toBe(LARGE_VIEW_ELEMENTS);
    expect(at.note).toContain(LARGE_VIEW_ELEMENTS.toLocaleString('en-GB'));
    expect(at.note).toMatch(/names appear when you zoom in/);
  });

  it('uses WebGL for a large view only where the browser has it, and says which renderer draws', () => {
    const withGl = mode(20_000, false, true);
    const without = mode(20_000, false, false);
    expect(withGl).toMatchObject({ large: true, webgl: true });
    expect(without).toMatchObject({ large: true, webgl: false });
    if (!withGl.large || !without.large) return;
    expect(withGl.note).toMatch(/drawn with WebGL/);
    expect(without.note).toMatch(/no GPU WebGL here/);
    expect(mode(WEBGL_ELEMENTS, false, true)).toMatchObject({ webgl: true });
  });

  it('does not flip back and forth around the threshold', () => {
    const between = Math.floor((SMALL_VIEW_ELEMENTS + LARGE_VIEW_ELEMENTS) / 2);
    expect(SMALL_VIEW_ELEMENTS).toBeLessThan(LARGE_VIEW_ELEMENTS);
    // Growing past the small mark is not enough to switch...
    expect(mode(between, false).large).toBe(false);
    // ...and shrinking below the large mark is not enough to switch back.
    expect(mode(between, true).large).toBe(true);
    expect(mode(SMALL_VIEW_ELEMENTS - 1, true).large).toBe(false);
  });

  it('treats a count that is not a whole positive number as what it rounds down to', () => {
    expect(mode(-5)).toEqual({ large: false });
    expect(mode(LARGE_VIEW_ELEMENTS + 0.7).large).toBe(true);
  });

  it('hides names in a large view only while they are smaller than a readable size', () => {
    // A name the canvas draws at zoom 1 is readable, so it shows without zooming in.
    expect(LARGE_VIEW_NAME_MIN_PX).toBeLessThanOrEqual(LABEL_FONT_SIZE);
    expect(LARGE_VIEW_NAME_MIN_PX).toBeGreaterThan(6);
  });

  it('counts in plain words', () => {
    expect(largeViewNote(20_000, true)).toBe(
      'Large view (20,000 nodes and relationships): names appear when you zoom in; relationships are drawn as plain lines; drawn with WebGL.',
    );
  });
});

describe('comparing modes', () => {
  const full: DrawingMode = { large: false };
  const gl = mode(5_000, false, true);
  const plain = mode(5_000, false, false);
  it('tells a change of look from a change of count', () => {
    expect(sameMode(full, { large: false })).toBe(true);
    expect(sameMode(full, gl)).toBe(false);
    expect(sameMode(gl, plain)).toBe(false);
    expect(sameMode(gl, mode(9_000, false, true))).toBe(true);
  });
});
