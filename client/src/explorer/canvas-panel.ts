import { h } from '../ui/dom.ts';

/**
 * The Explore tab's panel: the opening's note above the canvas (beside the graph, never over it),
 * the canvas Cytoscape draws in (`#cy`, whose data-* attributes the browser tests read) and the
 * status line over it. Built before the rest, because the canvas is shared: search, details, the
 * console and the exports all reach it.
 */
export function mountCanvasPanel(panel: HTMLElement): {
  canvas: HTMLElement;
  status: HTMLElement;
  note: HTMLElement;
} {
  const canvas = h('div', {
    id: 'cy',
    class: 'canvas',
    'data-testid': 'graph-canvas',
    role: 'img',
    'aria-label': 'Graph of people, posts, organisations and findings (listed under “On the canvas”)',
  });
  const status = h('div', { id: 'canvas-status', class: 'canvas-status', 'data-testid': 'graph-status' });
  const note = h('div', { class: 'canvas-note-row' });
  panel.classList.add('explore-panel');
  panel.append(note, h('div', { class: 'canvas-frame' }, canvas, status));
  return { canvas, status, note };
}
