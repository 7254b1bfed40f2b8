import type { CypherResponse } from '../../../graph/contract/api.ts';
import { ApiError, isAbort } from '../api.ts';
import type { DataCache } from '../data.ts';
import type { AppState } from '../state/app-state.ts';
import type { Store } from '../state/store.ts';
import { h } from '../ui/dom.ts';
import { runCypher } from './api.ts';
import { layOutConsole } from './console-layout.ts';
import { createParamsEditor, createQueryEditor } from './editors.ts';
import { createErrorBox, errorTitle } from './error-box.ts';
import { errorRange } from './error-position.ts';
import { createHistory, type KeyValueStore } from './history.ts';
import { createHistoryList } from './history-list.ts';
import { createLibraryList } from './library-list.ts';
import { type ConsoleLink, decodeConsoleLink } from './link.ts';
import { createLinkButton } from './link-button.ts';
import { parseParams } from './params.ts';
import { createResults } from './results.ts';
import { checkRun, runSummary, truncationNote } from './run.ts';
import './console.css';

/**
 * The Cypher console: a query editor with completion from the live schema, a JSON parameters
 * editor, the saved questions of graph/contract/query-library.ts, the history of what was run, and
 * the result as graph, table or JSON. Queries go to the read-only `POST /api/cypher`; what it
 * refuses is explained with the server's message, and a syntax error is marked where Neo4j says it
 * is. This module wires the parts and owns running a query (one at a time: a new run aborts the last).
 */

export interface ConsoleDeps {
  store: Store;
  data: DataCache;
  /** The last query run changed, so the address bar should show it. */
  onLinkChange(): void;
  storage?: KeyValueStore | null;
  search?: string;
}

const STARTER = `MATCH (p:Person)-[:HELD]->(t:Tenure)-[:OF_POST]->(post:Post)-[:POST_IN]->(o:Organisation)
RETURN p.name AS person, post.title AS post, t.capacity AS capacity, o.name AS organisation
ORDER BY organisation, post`;

function localStore(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function createConsolePanel(root: HTMLElement, deps: ConsoleDeps) {
  const fromLink = decodeConsoleLink(deps.search ?? window.location.search);
  let lastRun: ConsoleLink | null = fromLink;
  let controller: AbortController | null = null;
  let currentResponse: CypherResponse | null = null;

  const queryBox = h('div', { class: 'console-query' });
  const paramsBox = h('div', { class: 'console-params' });
  const paramsError = h('p', {
    class: 'console-params-error',
    role: 'alert',
    'data-testid': 'params-error',
    hidden: true,
  });
  const runButton = h(
    'button',
    { type: 'button', class: 'button primary', 'data-testid': 'console-run', onclick: () => void run() },
    'Run',
    h('kbd', { class: 'console-kbd' }, navigator.platform.startsWith('Mac') ? '⌘ Enter' : 'Ctrl Enter'),
  );
  const summary = h('span', { class: 'console-summary', role: 'status', 'data-testid': 'console-summary' });
  const link = createLinkButton(
    () => ({ query: queryEditor.value(), params: paramsEditor.value() }),
    (text) => {
      summary.textContent = text;
    },
  );
  const truncated = h('p', {
    class: 'console-truncated',
    'data-testid': 'console-truncated',
    role: 'status',
    hidden: true,
  });
  const errors = createErrorBox(() => queryEditor.focus());
  const resultsRoot = h('section', { class: 'console-results', 'aria-label': 'Result', hidden: true });
  const idle = h(
    'p',
    { class: 'console-idle', 'data-testid': 'console-idle' },
    'Run the query with the button or Ctrl/Cmd+Enter, or pick a saved question. Results show as a table, a graph or JSON.',
  );
  const history = createHistoryList(
    createHistory(deps.storage === undefined ? localStore() : deps.storage),
    (query, params) => {
      load(query, params);
      queryEditor.focus();
    },
  );
  const library = createLibraryList((query, params) => {
    load(query, params);
    void run();
  });

  layOutConsole(root, {
    library,
    history: history.list,
    clearHistory: history.clear,
    queryBox,
    paramsBox,
    paramsError,
    runBar: [runButton, link.button, summary, link.input],
    below: [truncated, errors.element, idle, resultsRoot],
  });

  const queryEditor = createQueryEditor(queryBox, {
    value: fromLink?.query ?? STARTER,
    onRun: () => void run(),
  });
  const paramsEditor = createParamsEditor(paramsBox, {
    value: fromLink?.params ?? '',
    onRun: () => void run(),
    onChange: () => {
      paramsError.hidden = true;
      updateSchema();
    },
  });

  const results = createResults(resultsRoot, {
    onSendToCanvas(mode) {
      const elements = currentResponse?.elements;
      if (elements && elements.nodes.length > 0)
        deps.store.dispatch({ type: 'showQueryGraph', elements, mode });
    },
    onClearCanvas() {
      deps.store.dispatch({ type: 'clearQueryGraph' });
    },
  });

  // Completion of labels, types, keys and the parameters given, once the schema is known.
  let schemaLoaded: Awaited<ReturnType<DataCache['schema']>> | null = null;
  function updateSchema(): void {
    if (!schemaLoaded) return;
    const parsed = parseParams(paramsEditor.value());
    queryEditor.setSchema(schemaLoaded, parsed.ok ? Object.keys(parsed.params) : []);
  }
  deps.data.schema().then(
    (schema) => {
      schemaLoaded = schema;
      updateSchema();
      // For tests and for styling: completion of labels, types and keys is now available.
      root.setAttribute('data-schema', 'ready');
    },
    // Without the schema the editor still completes keywords and functions.
    () => undefined,
  );

  function load(query: string, params: string): void {
    queryEditor.setValue(query);
    paramsEditor.setValue(params);
    queryEditor.markError(null);
    paramsError.hidden = true;
  }

  function showResponse(response: CypherResponse, totalMs: number): void {
    currentResponse = response;
    summary.textContent = runSummary(response, totalMs);
    truncated.hidden = !response.summary.truncated;
    truncated.textContent = truncationNote(response);
    resultsRoot.hidden = false;
    idle.hidden = true;
    results.set(response);
  }

  function showFailure(query: string, error: unknown): void {
    currentResponse = null;
    results.set(null);
    resultsRoot.hidden = true;
    truncated.hidden = true;
    summary.textContent = '';
    const e = error instanceof ApiError ? error : new ApiError('INTERNAL', String(error), 0);
    const range = errorRange(query, e.details);
    if (range) queryEditor.markError(range);
    errors.show(errorTitle(e.code), e.message, range ?? undefined);
  }

  async function run(): Promise<void> {
    const query = queryEditor.value();
    const paramsText = paramsEditor.value();
    errors.hide();
    paramsError.hidden = true;
    queryEditor.markError(null);
    queryEditor.closeCompletion();
    const check = checkRun(query, paramsText);
    if (!check.ok) {
      if (check.at === 'query') errors.show(check.title, check.message);
      else {
        paramsError.textContent = check.message;
        paramsError.hidden = false;
      }
      return;
    }

    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    runButton.disabled = true;
    summary.textContent = 'Running…';
    root.setAttribute('data-state', 'running');
    const started = performance.now();
    try {
      const response = await runCypher({ query, params: check.params }, { signal: mine.signal });
      if (controller !== mine) return;
      showResponse(response, Math.round(performance.now() - started));
      root.setAttribute('data-state', 'ready');
    } catch (error) {
      if (isAbort(error) || controller !== mine) return;
      showFailure(query, error);
      root.setAttribute('data-state', 'error');
    } finally {
      if (controller === mine) {
        runButton.disabled = false;
        controller = null;
      }
    }
    history.add(query, paramsText);
    lastRun = { query, params: paramsText };
    deps.onLinkChange();
  }

  let wasVisible = false;

  return {
    render(state: AppState): void {
      const visible = state.tab === 'console';
      results.setVisible(visible);
      results.setCanvasHasResults(state.queryGraph.nodes.length > 0);
      if (visible && !wasVisible) requestAnimationFrame(() => queryEditor.focus());
      wasVisible = visible;
    },
    /** The last query run (or the one the link opened with), for the address bar. */
    link(): ConsoleLink | null {
      return lastRun;
    },
    /** Puts a query in the editor without running it (a saved view reopened). */
    open(query: string): void {
      load(query, '');
      lastRun = { query, params: '' };
    },
  };
}
