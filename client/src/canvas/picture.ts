import type { Elements } from '../../../graph/contract/api.ts';
import './picture.css';
import { svgElementMarkup, type TextMeasure } from '../export/svg-writer.ts';
import type { Selection } from '../state/link-state.ts';
import { type Picture, pictureOf } from './picture-drawing.ts';

/**
 * The opening's picture: drawn into the canvas's frame from the answer the page carries, as soon as
 * the page is built, while Cytoscape's code is still arriving and starting. It is the same drawing
 * (picture-drawing.ts works it out as the canvas will), not interactive, and it goes in the frame
 * where Cytoscape first draws the same view. `window.__openingPicture` keeps where it put each node,
 * for the browser test that checks the canvas takes over without a jump.
 */

export interface ShownPicture {
  remove(): void;
}

/**
 * Text widths as Cytoscape measures its labels: the canvas's, rounded up. Kept per font and text,
 * since wrapping measures the same words again, and setting a canvas's font is not free.
 */
function labelMeasure(): TextMeasure {
  const context = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  let current = '';
  return (text, font) => {
    const css = `${font.style} ${font.weight} ${font.size}px ${font.family}`;
    const key = `${css}\n${text}`;
    const known = widths.get(key);
    if (known !== undefined) return known;
    if (context && current !== css) {
      context.font = css;
      current = css;
    }
    const width = Math.ceil(context ? context.measureText(text).width : text.length * font.size * 0.55);
    widths.set(key, width);
    return width;
  };
}

function record(picture: Picture): void {
  const { zoom, pan } = picture.viewport;
  const rendered: Record<string, { x: number; y: number }> = {};
  for (const [id, at] of picture.positions) rendered[id] = { x: at.x * zoom + pan.x, y: at.y * zoom + pan.y };
  Object.assign(window, { __openingPicture: { zoom, pan, rendered } });
}

/** Draws the picture over `canvas` (the element Cytoscape will draw in), or nothing if it cannot. */
export function showPicture(
  canvas: HTMLElement,
  elements: Elements,
  options: { selected: Selection | null; expanded: readonly string[] },
): ShownPicture | null {
  const rect = canvas.getBoundingClientRect();
  const measure = labelMeasure();
  const picture = pictureOf(elements, {
    ...options,
    size: { width: rect.width, height: rect.height },
    measure,
  });
  if (!picture) return null;
  const element = document.createElement('div');
  element.className = 'opening-picture';
  element.dataset.testid = 'opening-picture';
  element.setAttribute('aria-hidden', 'true');
  element.innerHTML = svgElementMarkup(picture.drawing, measure);
  canvas.after(element);
  record(picture);
  return { remove: () => element.remove() };
}
