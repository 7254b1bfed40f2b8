import type { Canvas } from '../canvas/cy.ts';
import type { AppState } from '../state/app-state.ts';
import { LAYOUTS, type LayoutName } from '../state/link-state.ts';
import type { Store } from '../state/store.ts';
import { h, replace } from '../ui/dom.ts';

const LAYOUT_NAMES: Record<LayoutName, string> = {
  fcose: 'Force-directed',
  dagre: 'Hierarchical',
  concentric: 'Concentric',
  accountability: 'Accountability',
};

/** The canvas tools in the toolbar: layout, fit, re-layout, undo, unhide (usable on the Explore tab). */
export function createCanvasTools(toolsRoot: HTMLElement, store: Store, canvas: Canvas) {
  const layout = h(
    'select',
    {
      id: 'layout-select',
      'data-testid': 'layout-select',
      onchange: (event: Event) =>
        store.dispatch({
          type: 'setLayout',
          layout: (event.target as HTMLSelectElement).value as LayoutName,
        }),
    },
    ...LAYOUTS.map((name) => h('option', { value: name }, LAYOUT_NAMES[name])),
  );
  const undo = h(
    'button',
    {
      type: 'button',
      class: 'button',
      'data-testid': 'undo-expansion',
      title: 'Undo the last expansion',
      onclick: () => store.dispatch({ type: 'undoExpansion' }),
    },
    '↶ Undo expand',
  );
  const unhide = h(
    'button',
    {
      type: 'button',
      class: 'button',
      'data-testid': 'unhide-all',
      onclick: () => store.dispatch({ type: 'unhideAll' }),
    },
    'Show hidden',
  );
  const fit = h(
    'button',
    { type: 'button', class: 'button', onclick: () => canvas.fit(), title: 'Fit the graph to the window' },
    'Fit',
  );
  const relayout = h(
    'button',
    {
      type: 'button',
      class: 'button',
      onclick: () => canvas.runLayout(store.getState().layout),
      title: 'Lay out every node again',
    },
    'Re-layout',
  );
  replace(
    toolsRoot,
    h('label', { for: 'layout-select', class: 'inline-label' }, 'Layout'),
    layout,
    fit,
    relayout,
    undo,
    unhide,
  );

  return {
    render(state: AppState) {
      layout.value = state.layout;
      undo.disabled = state.expansions.length === 0;
      unhide.hidden = state.hidden.length === 0;
      unhide.textContent = `Show hidden (${state.hidden.length})`;
      const onCanvas = state.tab === 'explore';
      for (const el of [layout, fit, relayout, undo])
        el.disabled = !onCanvas || (el === undo && state.expansions.length === 0);
    },
  };
}
