import { h } from '../ui/dom.ts';

/**
 * The Explore tab's panel: the canvas Cytoscape draws in (`#cy`, whose data-* attributes the
 * browser tests read) and the status line over it. Built before the rest, because the canvas is
 * shared: search, details, the console and the exports all reach it.
 */
export function mountCanvasPanel(panel: HTMLElement): { canvas: HTMLElement; status: HTMLElement } {
  const canvas = h('div', {
    id: 'cy',
    class: 'canvas',
    'data-testid': 'graph-canvas',
    role: 'img',
    'aria-label': 'Graph of people, posts, organisations and findings',
  });
  const status = h('div', { id: 'canvas-status', class: 'canvas-status', 'data-testid': 'graph-status' });
  panel.append(canvas, status);
  return { canvas, status };
}
