import type { GraphView } from '../canvas/cy.ts';
import { type AppState, LAYOUTS, type LayoutName, VIEWS, type ViewName } from '../state/link-state.ts';
import type { Store } from '../state/store.ts';
import { h, replace } from '../ui/dom.ts';

const LAYOUT_NAMES: Record<LayoutName, string> = {
  fcose: 'Force-directed',
  dagre: 'Hierarchical',
  concentric: 'Concentric',
};
const VIEW_NAMES: Record<ViewName, string> = { explore: 'Explore', timeline: 'Timeline', console: 'Console' };

/** Tabs for the views that exist, and the canvas tools: layout, undo, fit, unhide, export. */
export function createToolbar(tabsRoot: HTMLElement, toolsRoot: HTMLElement, store: Store, graph: GraphView) {
  const tabs = VIEWS.map((view) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${view}`,
        class: 'tab',
        'aria-controls': `view-${view}`,
        'data-testid': `tab-${view}`,
        onclick: () => store.dispatch({ type: 'setView', view }),
      },
      VIEW_NAMES[view],
    ),
  );
  replace(tabsRoot, ...tabs);
  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  tabsRoot.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const index = VIEWS.indexOf(store.getState().view);
    const next = VIEWS[(index + (event.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length];
    if (!next) return;
    store.dispatch({ type: 'setView', view: next });
    tabs[VIEWS.indexOf(next)]?.focus();
  });
  tabsRoot.setAttribute('role', 'tablist');
  tabsRoot.setAttribute('aria-label', 'Views');

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
    { type: 'button', class: 'button', onclick: () => graph.fit(), title: 'Fit the graph to the window' },
    'Fit',
  );
  const relayout = h(
    'button',
    {
      type: 'button',
      class: 'button',
      onclick: () => graph.runLayout(store.getState().layout),
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
      for (const [i, view] of VIEWS.entries()) {
        const tab = tabs[i];
        if (!tab) continue;
        tab.setAttribute('aria-selected', String(state.view === view));
        tab.tabIndex = state.view === view ? 0 : -1;
      }
      layout.value = state.layout;
      undo.disabled = state.expansions.length === 0;
      unhide.hidden = state.hidden.length === 0;
      unhide.textContent = `Show hidden (${state.hidden.length})`;
      const onGraph = state.view === 'explore';
      for (const el of [layout, fit, relayout, undo])
        el.disabled = !onGraph || (el === undo && state.expansions.length === 0);
    },
  };
}
