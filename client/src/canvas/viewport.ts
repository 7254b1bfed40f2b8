/**
 * Where to put the viewport so that names stay readable. Fitting a whole graph into the canvas can
 * zoom out until a 13px label is 5px on screen: a field of dots. These pure functions choose the
 * zoom and pan instead, from bounding boxes, so they are tested without a browser.
 */

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** Node names are drawn at this size in graph units (see style.ts). */
export const LABEL_FONT_SIZE = 13;
/** The smallest on-screen size, in CSS pixels, a name may have when the app chooses the zoom. */
export const MIN_LABEL_PX = 11;
/** Below this zoom names would be smaller than MIN_LABEL_PX. */
export const READABLE_ZOOM = Math.ceil((MIN_LABEL_PX / LABEL_FONT_SIZE) * 100) / 100;
/** A handful of nodes is not blown up past this. */
export const MAX_FIT_ZOOM = 1.4;
export const PADDING = 32;

/** The zoom at which `box` just fits in `size` with the padding. */
export function fitZoom(box: Box, size: Size, padding = PADDING): number {
  const w = Math.max(1, box.x2 - box.x1);
  const h = Math.max(1, box.y2 - box.y1);
  return Math.min((size.width - 2 * padding) / w, (size.height - 2 * padding) / h);
}

/** The pan that puts the middle of `box` in the middle of the canvas at `zoom`. */
export function centredOn(box: Box, size: Size, zoom: number): Viewport {
  return {
    zoom,
    pan: {
      x: size.width / 2 - (zoom * (box.x1 + box.x2)) / 2,
      y: size.height / 2 - (zoom * (box.y1 + box.y2)) / 2,
    },
  };
}

/**
 * `boxes` run from most to least: everything, the selection's neighbourhood, the selection. If
 * everything fits at a readable zoom it is fitted. If not, the view is as wide as names allow (the
 * readable zoom), centred on the first box that then fits whole, else on the last; the reader pans
 * for the rest.
 */
export function readableViewport(boxes: readonly Box[], size: Size): Viewport | null {
  const [all] = boxes;
  if (!all || size.width <= 0 || size.height <= 0) return null;
  const zoom = fitZoom(all, size);
  if (zoom >= READABLE_ZOOM) return centredOn(all, size, Math.min(zoom, MAX_FIT_ZOOM));
  const focus = boxes.slice(1).find((box) => fitZoom(box, size) >= READABLE_ZOOM);
  if (!focus) return centredOn(boxes[boxes.length - 1] as Box, size, READABLE_ZOOM);
  // As near the middle of everything as keeps the focus whole, so the canvas is filled.
  const z = READABLE_ZOOM;
  const { pan } = centredOn(all, size, z);
  const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
  return {
    zoom: z,
    pan: {
      x: clamp(pan.x, PADDING - z * focus.x1, size.width - PADDING - z * focus.x2),
      y: clamp(pan.y, PADDING - z * focus.y1, size.height - PADDING - z * focus.y2),
    },
  };
}

/** True when `inner` lies wholly inside `outer`. */
export function contains(outer: Box, inner: Box): boolean {
  return inner.x1 >= outer.x1 && inner.x2 <= outer.x2 && inner.y1 >= outer.y1 && inner.y2 <= outer.y2;
}
