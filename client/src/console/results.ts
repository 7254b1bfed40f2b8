import type { CypherResponse } from '../../../graph/contract/api.ts';
import { type Canvas, createCanvas } from '../canvas/cy.ts';
import type { QueryGraphMode } from '../state/query-graph.ts';
import { h, replace } from '../ui/dom.ts';
import { createCopyAction, createGraphActions } from './result-actions.ts';
import { createResultTable } from './result-table.ts';
import { type NameLookup, namesFrom, sortRows, toCsv } from './table.ts';

/**
 * A console result three ways, each its own tab: a graph (drawn here by the shared canvas module,
 * and sent to the explorer's canvas on request), a sortable table, and the raw JSON. This module
 * owns the tabs and the answer; the table and the buttons above each tab are their own modules.
 */

export const RESULT_TABS = ['graph', 'table', 'json'] as const;
export type ResultTab = (typeof RESULT_TABS)[number];
const TAB_NAMES: Record<ResultTab, string> = { graph: 'Graph', table: 'Table', json: 'JSON' };

export interface ResultsOptions {
  onSendToCanvas(mode: QueryGraphMode): void;
  onClearCanvas(): void;
}

function resultPanel(tag: 'div' | 'pre', name: ResultTab, attrs: Record<string, string | number>) {
  return h(tag, {
    id: `console-panel-${name}`,
    role: 'tabpanel',
    'aria-labelledby': `console-tab-${name}`,
    'data-testid': `console-${name}`,
    ...attrs,
  });
}

export function createResults(root: HTMLElement, options: ResultsOptions) {
  let tab: ResultTab = 'table';
  let response: CypherResponse | null = null;
  let names: NameLookup = new Map();
  let graph: Canvas | null = null;
  let graphDrawn = false;
  let visible = false;
  let canvasHasResults = false;

  const tabButtons = RESULT_TABS.map((name) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        class: 'console-tab',
        id: `console-tab-${name}`,
        'aria-controls': `console-panel-${name}`,
        'data-testid': `console-tab-${name}`,
        onclick: () => show(name),
      },
      TAB_NAMES[name],
    ),
  );
  const tabList = h(
    'div',
    { class: 'console-tabs', role: 'tablist', 'aria-label': 'Result views' },
    ...tabButtons,
  );
  tabList.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const index = RESULT_TABS.indexOf(tab);
    const step = event.key === 'ArrowRight' ? 1 : RESULT_TABS.length - 1;
    const next = RESULT_TABS[(index + step) % RESULT_TABS.length];
    if (!next) return;
    show(next);
    tabButtons[RESULT_TABS.indexOf(next)]?.focus();
  });

  const actionNote = h('span', {
    class: 'console-action-note',
    role: 'status',
    'data-testid': 'console-action-note',
  });

  const graphCanvas = h('div', {
    class: 'console-canvas',
    role: 'img',
    'aria-label': 'Graph of the query result',
  });
  const graphNote = h('p', {
    class: 'console-graph-note muted',
    'data-testid': 'console-graph-empty',
    hidden: true,
  });
  const panels: Record<ResultTab, HTMLElement> = {
    graph: h(
      'div',
      {
        class: 'console-panel console-graph',
        id: 'console-panel-graph',
        role: 'tabpanel',
        'aria-labelledby': 'console-tab-graph',
        'data-testid': 'console-graph',
      },
      graphCanvas,
      graphNote,
    ),
    table: resultPanel('div', 'table', { class: 'console-panel console-table-wrap', tabindex: 0 }),
    json: resultPanel('pre', 'json', { class: 'console-panel console-json', tabindex: 0 }),
  };
  const table = createResultTable(panels.table);
  const graphActions = createGraphActions(options);
  const actions: Record<ResultTab, HTMLElement> = {
    graph: graphActions.element,
    table: createCopyAction(
      { testId: 'console-copy-csv', label: 'Copy as CSV' },
      { name: 'cypher-result.csv', type: 'text/csv', what: 'CSV' },
      () =>
        response && {
          text: toCsv(response.columns, sortRows(response.rows, table.sort(), names), names),
          copied: `Copied ${response.rows.length} rows as CSV`,
        },
      actionNote,
    ),
    json: createCopyAction(
      { testId: 'console-copy-json', label: 'Copy JSON' },
      { name: 'cypher-result.json', type: 'application/json', what: 'JSON' },
      () => response && { text: JSON.stringify(response, null, 2), copied: 'Copied the JSON' },
      actionNote,
    ),
  };

  replace(
    root,
    h(
      'div',
      { class: 'console-results-head' },
      tabList,
      ...RESULT_TABS.map((name) => actions[name]),
      actionNote,
    ),
    ...RESULT_TABS.map((name) => panels[name]),
  );

  function drawGraph(): void {
    if (!response || !visible || tab !== 'graph' || graphDrawn) return;
    const elements = response.elements;
    graphNote.hidden = elements.nodes.length > 0;
    graphNote.textContent =
      'This result has no nodes or relationships to draw: return nodes, relationships or paths to see a graph. The table has the rows.';
    if (!graph)
      graph = createCanvas(graphCanvas, {
        onSelect: (selection) => graph?.select(selection),
        onExpand: () => undefined,
      });
    graph.resize();
    graph.replace({ nodes: [], edges: [] }, { layout: 'fcose' });
    graph.replace(elements, { layout: 'fcose' });
    graph.fit();
    graphDrawn = true;
  }

  function show(name: ResultTab): void {
    tab = name;
    for (const [i, button] of tabButtons.entries()) {
      const selected = RESULT_TABS[i] === name;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
    }
    for (const other of RESULT_TABS) {
      panels[other].hidden = other !== name;
      actions[other].hidden = other !== name || !response;
    }
    actionNote.textContent = '';
    if (name === 'graph') requestAnimationFrame(drawGraph);
  }

  function renderCanvasState(): void {
    graphActions.update(!!response && response.elements.nodes.length > 0, canvasHasResults);
  }

  show(tab);

  return {
    /** A new answer: shown in every tab, the graph drawn when its tab is visible. */
    set(next: CypherResponse | null): void {
      response = next;
      graphDrawn = false;
      names = next ? namesFrom(next.rows, next.elements.nodes) : new Map();
      panels.json.textContent = next ? JSON.stringify(next, null, 2) : '';
      table.set(next ? { columns: next.columns, rows: next.rows, names } : null);
      renderCanvasState();
      show(tab);
    },
    /** Whether the console is on screen (Cytoscape cannot lay out in a hidden box). */
    setVisible(isVisible: boolean): void {
      visible = isVisible;
      if (visible) requestAnimationFrame(drawGraph);
    },
    setCanvasHasResults(has: boolean): void {
      canvasHasResults = has;
      renderCanvasState();
    },
    show,
    tab: () => tab,
  };
}
