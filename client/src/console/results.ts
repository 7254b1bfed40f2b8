import type { CypherResponse } from '../../../graph/contract/api.ts';
import { type Canvas, createCanvas } from '../canvas/cy.ts';
import type { QueryGraphMode } from '../state/query-graph.ts';
import { h, replace } from '../ui/dom.ts';
import {
  cellText,
  isNodeValue,
  isPathValue,
  isRelationshipValue,
  type NameLookup,
  namesFrom,
  nextSort,
  type SortKey,
  sortRows,
  toCsv,
} from './table.ts';

/**
 * A console result three ways: a graph (drawn here by the shared Cytoscape module, and sent to the
 * explorer's canvas on request, merged or replacing), a sortable table, and the raw JSON. All text
 * from the data goes in as text nodes or `textContent`, never as HTML.
 */

export const RESULT_TABS = ['graph', 'table', 'json'] as const;
export type ResultTab = (typeof RESULT_TABS)[number];
const TAB_NAMES: Record<ResultTab, string> = { graph: 'Graph', table: 'Table', json: 'JSON' };

export interface ResultsOptions {
  onSendToCanvas(mode: QueryGraphMode): void;
  onClearCanvas(): void;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  h('a', { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function cell(value: unknown, names: NameLookup): HTMLElement {
  const td = h('td');
  if (value === null || value === undefined) {
    td.append(h('span', { class: 'console-null' }, 'null'));
  } else if (isNodeValue(value)) {
    td.title = value.id;
    td.append(h('span', { class: 'console-chip' }, value.label), ' ', value.name);
  } else if (isRelationshipValue(value)) {
    td.title = value.id;
    td.append(cellText(value, names));
  } else if (Array.isArray(value) && !isPathValue(value) && value.length > 1) {
    // A list reads one item to a line here; CSV joins them with semicolons.
    td.append(...value.map((item) => h('span', { class: 'console-li' }, cellText(item, names))));
  } else {
    td.append(cellText(value, names));
  }
  if (typeof value === 'number') td.classList.add('console-number');
  return td;
}

export function createResults(root: HTMLElement, options: ResultsOptions) {
  let tab: ResultTab = 'table';
  let response: CypherResponse | null = null;
  let names: NameLookup = new Map();
  let sort: SortKey | null = null;
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

  // Graph: where to send the result on the explorer's canvas.
  const modeSelect = h(
    'select',
    { 'aria-label': 'How to put the result on the canvas', 'data-testid': 'console-canvas-mode' },
    h('option', { value: 'merge' }, 'Add to the explorer canvas'),
    h('option', { value: 'replace' }, 'Replace the explorer canvas'),
  );
  const sendButton = h(
    'button',
    {
      type: 'button',
      class: 'button primary small',
      'data-testid': 'console-to-canvas',
      onclick: () => options.onSendToCanvas(modeSelect.value === 'replace' ? 'replace' : 'merge'),
    },
    'Show in explorer',
  );
  const clearButton = h(
    'button',
    {
      type: 'button',
      class: 'button small',
      'data-testid': 'console-clear-canvas',
      title: 'Take the console’s results off the explorer canvas',
      onclick: () => options.onClearCanvas(),
    },
    'Clear from canvas',
  );
  const graphActions = h('div', { class: 'console-actions' }, modeSelect, sendButton, clearButton);

  const csvButton = h(
    'button',
    {
      type: 'button',
      class: 'button small',
      'data-testid': 'console-copy-csv',
      onclick: async () => {
        if (!response) return;
        const csv = toCsv(response.columns, sortRows(response.rows, sort, names), names);
        if (await copyText(csv)) actionNote.textContent = `Copied ${response.rows.length} rows as CSV`;
        else {
          download(csv, 'cypher-result.csv', 'text/csv');
          actionNote.textContent = 'The clipboard is not available here; the CSV was downloaded instead';
        }
      },
    },
    'Copy as CSV',
  );
  const tableActions = h('div', { class: 'console-actions' }, csvButton);

  const jsonButton = h(
    'button',
    {
      type: 'button',
      class: 'button small',
      'data-testid': 'console-copy-json',
      onclick: async () => {
        if (!response) return;
        const text = JSON.stringify(response, null, 2);
        if (await copyText(text)) actionNote.textContent = 'Copied the JSON';
        else {
          download(text, 'cypher-result.json', 'application/json');
          actionNote.textContent = 'The clipboard is not available here; the JSON was downloaded instead';
        }
      },
    },
    'Copy JSON',
  );
  const jsonActions = h('div', { class: 'console-actions' }, jsonButton);

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
        'data-testid': 'console-graph',
      },
      graphCanvas,
      graphNote,
    ),
    table: h('div', {
      class: 'console-panel console-table-wrap',
      id: 'console-panel-table',
      role: 'tabpanel',
      tabindex: 0,
      'data-testid': 'console-table',
    }),
    json: h('pre', {
      class: 'console-panel console-json',
      id: 'console-panel-json',
      role: 'tabpanel',
      tabindex: 0,
      'data-testid': 'console-json',
    }),
  };
  for (const name of RESULT_TABS) panels[name].setAttribute('aria-labelledby', `console-tab-${name}`);
  const actions: Record<ResultTab, HTMLElement> = {
    graph: graphActions,
    table: tableActions,
    json: jsonActions,
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

  function renderTable(): void {
    const table = panels.table;
    if (!response) {
      replace(table);
      return;
    }
    if (response.columns.length === 0) {
      replace(table, h('p', { class: 'muted console-empty' }, 'The query returned no columns.'));
      return;
    }
    const rows = sortRows(response.rows, sort, names);
    const head = h(
      'tr',
      {},
      ...response.columns.map((column, i) => {
        const direction = sort?.column === i ? sort.direction : null;
        return h(
          'th',
          { scope: 'col', 'aria-sort': direction ?? 'none' },
          h(
            'button',
            {
              type: 'button',
              class: 'console-sort',
              'data-testid': 'console-sort',
              'data-column': column,
              title: `Sort by ${column}`,
              onclick: () => {
                sort = nextSort(sort, i);
                renderTable();
                table.querySelector<HTMLButtonElement>(`th:nth-child(${i + 1}) button`)?.focus();
              },
            },
            column,
            h(
              'span',
              { class: 'console-sort-mark', 'aria-hidden': 'true' },
              direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : '',
            ),
          ),
        );
      }),
    );
    const body = h('tbody');
    for (const row of rows)
      body.append(h('tr', { 'data-testid': 'console-row' }, ...row.map((value) => cell(value, names))));
    const emptyNote = rows.length === 0 ? h('p', { class: 'muted console-empty' }, 'No rows.') : null;
    replace(table, h('table', { class: 'console-table' }, h('thead', {}, head), body), emptyNote);
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
    clearButton.hidden = !canvasHasResults;
    sendButton.disabled = !response || response.elements.nodes.length === 0;
  }

  show(tab);

  return {
    /** A new answer: shown in every tab, the graph drawn when its tab is visible. */
    set(next: CypherResponse | null): void {
      response = next;
      sort = null;
      graphDrawn = false;
      names = next ? namesFrom(next.rows, next.elements.nodes) : new Map();
      panels.json.textContent = next ? JSON.stringify(next, null, 2) : '';
      renderTable();
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
