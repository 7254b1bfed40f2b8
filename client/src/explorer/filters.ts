import type { GraphSchemaInfo } from '../../../graph/contract/api.ts';
import { viewRelationshipTypes } from '../canvas/compose.ts';
import { styleOf } from '../canvas/style.ts';
import type { AppState } from '../state/app-state.ts';
import type { Store } from '../state/store.ts';
import { errorText, h, replace, statusLine } from '../ui/dom.ts';

/** Checkbox lists of node labels and relationship types, from /api/schema, with their counts. */
export function createFilters(root: HTMLElement, store: Store) {
  let schema: GraphSchemaInfo | null = null;
  replace(
    root,
    h('h2', { class: 'section-title' }, 'Filters'),
    statusLine('loading', 'Loading labels and types…'),
  );

  function checkbox(
    name: string,
    count: number,
    checked: boolean,
    onChange: () => void,
    testid: string,
    swatch?: string,
  ): HTMLElement {
    const box = h('input', {
      type: 'checkbox',
      'data-testid': testid,
      'data-name': name,
      checked,
      onchange: onChange,
    });
    const mark = swatch ? h('span', { class: 'swatch', 'aria-hidden': 'true' }) : null;
    if (mark && swatch) mark.style.setProperty('--swatch', swatch);
    return h(
      'label',
      { class: 'check' },
      box,
      mark,
      h('span', { class: 'check-name' }, name),
      h('span', { class: 'count' }, count),
    );
  }

  function draw(state: AppState): void {
    if (!schema) return;
    const labels = h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, 'Show labels'),
      ...schema.labels.map((l) =>
        checkbox(
          l.label,
          l.count,
          !state.hiddenLabels.includes(l.label),
          () => store.dispatch({ type: 'toggleLabel', label: l.label }),
          'filter-label',
          styleOf(l.label).color,
        ),
      ),
    );
    const types = h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, 'Show relationships'),
      ...viewRelationshipTypes(schema.relationshipTypes).map((t) =>
        checkbox(
          t.type,
          t.count,
          !state.hiddenTypes.includes(t.type),
          () => store.dispatch({ type: 'toggleType', relType: t.type }),
          'filter-type',
        ),
      ),
    );
    replace(root, h('h2', { class: 'section-title' }, 'Filters'), labels, types);
  }

  let shown = '';
  const view = {
    load(load: () => Promise<GraphSchemaInfo>) {
      load().then(
        (result) => {
          schema = result;
          shown = '';
          view.render(store.getState());
        },
        (error: unknown) =>
          replace(
            root,
            h('h2', { class: 'section-title' }, 'Filters'),
            statusLine('error', `Filters unavailable: ${errorText(error)}`),
          ),
      );
    },
    render(state: AppState) {
      const key = JSON.stringify([state.hiddenLabels, state.hiddenTypes, schema !== null]);
      if (key === shown) return;
      shown = key;
      draw(state);
    },
  };
  return view;
}
