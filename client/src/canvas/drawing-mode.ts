/**
 * How the canvas draws a view of a given size: the full drawing (every name, curved edges with
 * arrows) or, for a large view, the drawing that stays interactive (names only once zoomed in far
 * enough to read them, straight edges without arrows, and Cytoscape's WebGL renderer where the
 * browser has WebGL 2 on a GPU). Pure: the canvas (large-view.ts) measures, this decides.
 *
 * The figures behind the constants are `npm run bench -- draw` (bench/results/draw.md: Cytoscape.js
 * 3.34.4 in headless Chromium on a shared 2-core machine whose load average was 12–18 during the
 * run, so read them as relative). With the full drawing, 1,000 elements took 4.9 s to the first
 * frame and 150 ms / 1.9 s a frame (median / 95th percentile) while panning and zooming; the simple
 * drawing brought that to 1.6 s and 117 ms / 471 ms. At 5,000 and 20,000 elements every variant
 * took over a second a frame here. The explorer's own views are tens to a few hundred elements.
 */

/** At or above this many elements (nodes and edges) on the canvas, the view is drawn as large. */
export const LARGE_VIEW_ELEMENTS = 1_000;

/**
 * A large view goes back to the full drawing only below this many elements, so a view that hovers
 * around the threshold (a filter toggled, a node expanded and collapsed) does not flip its look
 * each time.
 */
export const SMALL_VIEW_ELEMENTS = 800;

/**
 * In a large view a name is drawn only when it would be at least this many CSS pixels tall: with
 * the canvas's 13 px names, from a zoom of about 0.85. Drawing thousands of names too small to read
 * is most of the canvas renderer's cost in the bench's full drawing.
 */
export const LARGE_VIEW_NAME_MIN_PX = 11;

/**
 * From this many elements the large view uses the WebGL renderer, where the browser has WebGL 2 on
 * a GPU. Where WebGL runs in software (SwiftShader, llvmpipe: as in the bench) it is no help: at
 * 20,000 elements its frames took 17–20 s against the canvas renderer's 2.5–2.8 s, though with less
 * heap (87 MB against 121 MB), so there the large view keeps the canvas renderer.
 */
export const WEBGL_ELEMENTS = 1_000;

export type DrawingMode = { large: false } | { large: true; webgl: boolean; elements: number; note: string };

export interface DrawingInput {
  /** Nodes and edges on the canvas now. */
  elements: number;
  /** Whether the canvas is drawn as large now (for the hysteresis). */
  wasLarge: boolean;
  /** Whether the browser can give the canvas a WebGL 2 context drawn by a GPU (not in software). */
  webglAvailable: boolean;
}

export function drawingMode(input: DrawingInput): DrawingMode {
  const elements = Math.max(0, Math.floor(input.elements));
  const large = input.wasLarge ? elements >= SMALL_VIEW_ELEMENTS : elements >= LARGE_VIEW_ELEMENTS;
  if (!large) return { large: false };
  const webgl = input.webglAvailable && elements >= WEBGL_ELEMENTS;
  return { large: true, webgl, elements, note: largeViewNote(elements, webgl) };
}

/** What the canvas says about a large view, in plain words. */
export function largeViewNote(elements: number, webgl: boolean): string {
  const count = elements.toLocaleString('en-GB');
  const how = webgl ? 'drawn with WebGL' : 'drawn with the canvas renderer (no GPU WebGL here)';
  return `Large view (${count} nodes and relationships): names appear when you zoom in; relationships are drawn as plain lines; ${how}.`;
}

/** Whether the mode changed in a way the canvas must redraw for. */
export function sameMode(a: DrawingMode, b: DrawingMode): boolean {
  if (!a.large || !b.large) return a.large === b.large;
  return a.webgl === b.webgl;
}
