import type { Canvas } from '../canvas/cy.ts';
import { isGroupId } from '../canvas/group.ts';
import type { AppState } from '../state/app-state.ts';
import { h, replace } from '../ui/dom.ts';
import './canvas-list.css';

/**
 * The canvas as a list, for screen readers and keyboards: every node drawn, with its kind and its
 * relationships in words. Choosing a node selects it (its details and evidence open on the right);
 * choosing "N findings" opens the group.
 */
export function createCanvasList(
  root: HTMLElement,
  canvas: Canvas,
  actions: { select(id: string): void; openGroup(id: string): void },
) {
  const count = h('span', { class: 'count' });
  const list = h('ul', { class: 'canvas-list', 'data-testid': 'canvas-list' });
  const details = h(
    'details',
    { class: 'canvas-list-box' },
    h(
      'summary',
      { 'data-testid': 'canvas-list-toggle' },
      h('span', { class: 'section-title inline' }, 'On the canvas, as a list '),
      count,
    ),
    list,
  );
  replace(root, details);
  let shown = '';

  return {
    render(state: AppState): void {
      if (state.status === 'loading' || state.status === 'idle') return;
      const items = canvas
        .listing()
        .sort((a, b) => a.label.localeCompare(b.label) || a.name.localeCompare(b.name));
      const key = JSON.stringify([items, state.selected]);
      if (key === shown) return;
      shown = key;
      count.textContent = `(${items.length})`;
      replace(
        list,
        ...items.map((item) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                'data-testid': 'canvas-list-item',
                'data-node-id': item.id,
                'aria-current': state.selected?.id === item.id ? 'true' : undefined,
                onclick: () => (isGroupId(item.id) ? actions.openGroup(item.id) : actions.select(item.id)),
              },
              item.name,
            ),
            h(
              'span',
              { class: 'count' },
              ` ${isGroupId(item.id) ? 'group: choose to show them' : item.label}`,
            ),
            item.relationships.length > 0
              ? h('ul', {}, ...item.relationships.map((r) => h('li', { class: 'count' }, r.text)))
              : null,
          ),
        ),
      );
    },
  };
}
