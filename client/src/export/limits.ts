/**
 * Browsers draw nothing (and hand back an empty or broken file) when asked for a canvas past their
 * limits: Chrome, Edge and Firefox allow 32,767 px a side and Chrome 268,435,456 px (16,384²) in
 * all, so an image must be within both.
 */
export const MAX_CANVAS_SIDE = 32_767;
export const MAX_CANVAS_AREA = 268_435_456;

export type SizeCheck = { ok: true } | { ok: false; message: string; largestScale: number };

const n = (value: number) => Math.round(value).toLocaleString('en-GB');

/** Whether an image of `width × height` CSS px at `scale` fits, and if not, why and what would. */
export function checkCanvasSize(width: number, height: number, scale: number): SizeCheck {
  const w = Math.floor(width * scale + 1e-6);
  const h = Math.floor(height * scale + 1e-6);
  if (w <= 0 || h <= 0)
    return { ok: false, message: 'There is nothing on the canvas to export.', largestScale: 0 };
  if (w <= MAX_CANVAS_SIDE && h <= MAX_CANVAS_SIDE && w * h <= MAX_CANVAS_AREA) return { ok: true };
  const bySide = MAX_CANVAS_SIDE / Math.max(width, height);
  const byArea = Math.sqrt(MAX_CANVAS_AREA / (width * height));
  const largest = Math.min(bySide, byArea);
  const largestScale = Math.floor(largest * 100) / 100;
  const why =
    w > MAX_CANVAS_SIDE || h > MAX_CANVAS_SIDE
      ? `browsers cannot draw an image more than ${n(MAX_CANVAS_SIDE)} px wide or tall`
      : `browsers cannot draw an image of more than ${n(MAX_CANVAS_AREA)} px in all`;
  const advice =
    largestScale >= 1
      ? `Choose ${Math.floor(largestScale)}× or less, export the visible view, or use SVG.`
      : 'Export the visible view instead, or use SVG, which has no such limit.';
  return {
    ok: false,
    largestScale,
    message: `At ${scale}× the image would be ${n(w)} × ${n(h)} px, and ${why}. ${advice}`,
  };
}
