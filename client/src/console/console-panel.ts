import type { CypherResponse } from '../../../graph/contract/api.ts';
import { QUERY_LIBRARY } from '../../../graph/contract/query-library.ts';
import { ApiError, isAbort } from '../api.ts';
import type { DataCache } from '../data.ts';
import type { AppState } from '../state/app-state.ts';
import type { Store } from '../state/store.ts';
import { h, replace } from '../ui/dom.ts';
import { runCypher } from './api.ts';
import { createParamsEditor, createQueryEditor } from './editors.ts';
import { errorRange } from './error-position.ts';
import { createHistory, type HistoryEntry, type KeyValueStore } from './history.ts';
import { type ConsoleLink, consoleUrl, decodeConsoleLink } from './link.ts';
import { formatParams, missingParams, parseParams } from './params.ts';
import { createResults } from './results.ts';
import './console.css';

/**
 * The Cypher console: a query editor with completion from the live schema, a JSON parameters
 * editor, the saved questions of server/cypher/library.ts, the history of what was run, and the
 * result as graph, table or JSON. Queries go to the read-only `POST /api/cypher`; what it refuses
 * is explained with the server's message, and a syntax error is marked where Neo4j says it is.
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

const ERROR_TITLES: Record<string, string> = {
  WRITE_NOT_ALLOWED: 'The console is read-only',
  FORBIDDEN_CLAUSE: 'Not allowed in the console',
  CYPHER_SYNTAX: 'Neo4j could not run the query',
  QUERY_TIMEOUT: 'The query took too long',
  TOO_LARGE: 'The query is too long',
  BAD_REQUEST: 'The request was refused',
  DATABASE_UNAVAILABLE: 'The database is not available',
  NETWORK_ERROR: 'The server could not be reached',
};

function localStore(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function firstLine(query: string): string {
  const line = query.trim().split('\n')[0] ?? '';
  return line.length > 90 ? `${line.slice(0, 89)}…` : line;
}

function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function createConsolePanel(root: HTMLElement, deps: ConsoleDeps) {
  const history = createHistory(deps.storage === undefined ? localStore() : deps.storage);
  const fromLink = decodeConsoleLink(deps.search ?? window.location.search);
  let lastRun: ConsoleLink | null = fromLink;
  let controller: AbortController | null = null;

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
  const linkInput = h('input', {
    type: 'text',
    readonly: true,
    class: 'console-link',
    'aria-label': 'Link to this query',
    'data-testid': 'console-link',
    hidden: true,
  });
  const linkButton = h(
    'button',
    {
      type: 'button',
      class: 'button',
      'data-testid': 'console-copy-link',
      title: 'Copy a link that opens the console with this query and its parameters',
      onclick: async () => {
        const url = consoleUrl(window.location, { query: queryEditor.value(), params: paramsEditor.value() });
        linkInput.value = url;
        linkInput.hidden = false;
        try {
          await navigator.clipboard.writeText(url);
          summary.textContent = 'Link copied';
        } catch {
          linkInput.select();
          summary.textContent = 'Copy the link from the box';
        }
      },
    },
    'Copy link',
  );
  const summary = h('span', { class: 'console-summary', role: 'status', 'data-testid': 'console-summary' });
  const truncated = h('p', {
    class: 'console-truncated',
    'data-testid': 'console-truncated',
    role: 'status',
    hidden: true,
  });
  const errorBox = h('div', {
    class: 'console-error',
    role: 'alert',
    'data-testid': 'console-error',
    hidden: true,
  });
  const resultsRoot = h('section', { class: 'console-results', 'aria-label': 'Result', hidden: true });
  const idle = h(
    'p',
    { class: 'console-idle', 'data-testid': 'console-idle' },
    'Run the query with the button or Ctrl/Cmd+Enter, or pick a saved question. Results show as a table, a graph or JSON.',
  );
  const historyList = h('ol', { class: 'console-list', 'data-testid': 'console-history' });
  const clearHistory = h(
    'button',
    {
      type: 'button',
      class: 'link-button',
      'data-testid': 'console-clear-history',
      onclick: () => {
        history.clear();
        renderHistory();
      },
    },
    'Clear',
  );

  const library = h(
    'ul',
    { class: 'console-list console-library', 'data-testid': 'console-library' },
    ...QUERY_LIBRARY.map((item) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'console-item',
            'data-testid': 'library-item',
            'data-id': item.id,
            title: item.description,
            onclick: () => {
              load(item.query, formatParams(item.params));
              void run();
            },
          },
          h('span', { class: 'console-item-title' }, item.title),
          h('span', { class: 'console-item-desc' }, item.description),
        ),
      ),
    ),
  );

  replace(
    root,
    h(
      'div',
      { class: 'console', 'data-testid': 'console' },
      h(
        'aside',
        { class: 'console-side', 'aria-label': 'Saved questions and history' },
        h(
          'section',
          { class: 'console-side-section' },
          h('h2', { class: 'section-title' }, 'Saved questions'),
          h('p', { class: 'console-hint' }, 'Click one to run it; its query stays in the editor to change.'),
          library,
        ),
        h(
          'section',
          { class: 'console-side-section' },
          h(
            'div',
            { class: 'console-side-head' },
            h('h2', { class: 'section-title' }, 'History'),
            clearHistory,
          ),
          historyList,
        ),
      ),
      h(
        'div',
        { class: 'console-main' },
        h(
          'div',
          { class: 'console-editors' },
          h(
            'div',
            { class: 'console-editor-field' },
            h('span', { class: 'console-label', id: 'console-query-label' }, 'Cypher query'),
            queryBox,
          ),
          h(
            'div',
            { class: 'console-editor-field' },
            h(
              'span',
              { class: 'console-label', id: 'console-params-label' },
              'Parameters ',
              h('span', { class: 'muted' }, '(JSON, used as $name)'),
            ),
            paramsBox,
            paramsError,
          ),
        ),
        h('div', { class: 'console-runbar' }, runButton, linkButton, summary, linkInput),
        truncated,
        errorBox,
        idle,
        resultsRoot,
      ),
    ),
  );

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
  let currentResponse: CypherResponse | null = null;

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

  function renderHistory(): void {
    const entries = history.list();
    clearHistory.hidden = entries.length === 0;
    if (entries.length === 0) {
      replace(
        historyList,
        h('li', { class: 'console-hint' }, 'Queries you run appear here, the last 50 kept.'),
      );
      return;
    }
    replace(
      historyList,
      ...entries.map((entry: HistoryEntry) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'console-item',
              'data-testid': 'history-item',
              title: entry.params ? `${entry.query}\n\nParameters: ${entry.params}` : entry.query,
              onclick: () => {
                const params = parseParams(entry.params);
                load(entry.query, params.ok ? formatParams(params.params) : entry.params);
                queryEditor.focus();
              },
            },
            h('code', { class: 'console-item-query' }, firstLine(entry.query)),
            h('time', { class: 'console-item-desc', datetime: entry.at }, when(entry.at)),
          ),
        ),
      ),
    );
  }

  function showError(title: string, message: string, where?: { line: number; column: number }): void {
    const children = [
      h('strong', { class: 'console-error-title' }, title),
      h('pre', { class: 'console-error-message' }, message),
    ];
    if (where) {
      children.push(
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            'data-testid': 'console-error-position',
            onclick: () => queryEditor.focus(),
          },
          `Line ${where.line}, column ${where.column}: marked in the query`,
        ),
      );
    }
    replace(errorBox, ...children);
    errorBox.hidden = false;
  }

  function showParamsError(message: string): void {
    paramsError.textContent = message;
    paramsError.hidden = false;
  }

  async function run(): Promise<void> {
    const query = queryEditor.value();
    const paramsText = paramsEditor.value();
    errorBox.hidden = true;
    paramsError.hidden = true;
    queryEditor.markError(null);
    queryEditor.closeCompletion();
    if (query.trim() === '') {
      showError('Nothing to run', 'Write a Cypher query first, or pick a saved question.');
      return;
    }
    const parsed = parseParams(paramsText);
    if (!parsed.ok) {
      showParamsError(parsed.message);
      return;
    }
    const missing = missingParams(query, parsed.params);
    if (missing.length > 0) {
      showParamsError(
        `The query uses ${missing.map((n) => `$${n}`).join(', ')}, which the parameters do not give. Add ${missing.length === 1 ? 'it' : 'them'}, for example {"${missing[0]}": "…"}.`,
      );
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
      const response = await runCypher({ query, params: parsed.params }, { signal: mine.signal });
      if (controller !== mine) return;
      currentResponse = response;
      const total = Math.round(performance.now() - started);
      const { rows } = response.summary;
      summary.textContent = `${rows} ${rows === 1 ? 'row' : 'rows'} · ${response.summary.resultAvailableAfterMs} ms in Neo4j, ${total} ms in all`;
      truncated.hidden = !response.summary.truncated;
      truncated.textContent = response.summary.truncated
        ? `Only the first ${rows} rows are shown: the query returned more. Add a LIMIT or narrow the query to see the rest.`
        : '';
      resultsRoot.hidden = false;
      idle.hidden = true;
      results.set(response);
      root.setAttribute('data-state', 'ready');
    } catch (error) {
      if (isAbort(error) || controller !== mine) return;
      currentResponse = null;
      results.set(null);
      resultsRoot.hidden = true;
      truncated.hidden = true;
      summary.textContent = '';
      const e = error instanceof ApiError ? error : new ApiError('INTERNAL', String(error), 0);
      const range = errorRange(query, e.details);
      if (range) queryEditor.markError(range);
      showError(ERROR_TITLES[e.code] ?? 'The query failed', e.message, range ?? undefined);
      root.setAttribute('data-state', 'error');
    } finally {
      if (controller === mine) {
        runButton.disabled = false;
        controller = null;
      }
    }
    history.add(query, paramsText);
    renderHistory();
    lastRun = { query, params: paramsText };
    deps.onLinkChange();
  }

  renderHistory();
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
