import type { SourceList, SourceSummary, SourceWriteResponse } from '../../../graph/contract/sources.ts';
import { ApiError } from '../api.ts';
import { formatDate } from '../format/dates.ts';
import type { AppState } from '../state/app-state.ts';
import type { Deps } from '../ui/deps.ts';
import { h, replace, statusLine } from '../ui/dom.ts';
import { createAddForm } from './add-form.ts';
import { createAnnotator } from './annotate.ts';
import { errorBox } from './errors.ts';
import { createSourcesApi, writeToken } from './sources-api.ts';
import './sources.css';

function dateOf(doc: SourceSummary): string {
  if (doc.date) return formatDate(doc.date);
  return `${formatDate(doc.notBefore)} – ${formatDate(doc.notAfter)}`;
}

/**
 * The Sources tab: the documents, adding one, and the annotating reader. After every write the
 * shared read caches are dropped and the graph views reload, so the explorer, the accountability
 * panel and the timeline show the change at once.
 */
export function createSourcesPanel(panel: HTMLElement, deps: Deps) {
  const api = createSourcesApi();
  let list: SourceList | null = null;
  let loaded = false;
  let openId: string | null = null;

  const tokenInput = h('input', {
    type: 'password',
    autocomplete: 'off',
    'data-testid': 'write-token',
    value: writeToken.get(),
    'aria-label': 'Write token',
  });
  tokenInput.addEventListener('change', () => writeToken.set(tokenInput.value.trim()));
  const token = h(
    'details',
    { class: 'sources-token' },
    h('summary', {}, 'Write token'),
    h(
      'p',
      { class: 'muted' },
      'Needed only when the server is reached over a network: ask whoever runs it. Kept for this browser tab only.',
    ),
    tokenInput,
  );
  const listView = h('section', { class: 'sources-documents', 'aria-labelledby': 'sources-list-title' });
  const status = h('div', {
    'aria-live': 'polite',
    class: 'sources-status',
    'data-testid': 'sources-status',
  });
  const readerView = h('section', { class: 'sources-reader', 'data-testid': 'source-reader', hidden: true });
  const addForm = createAddForm(api, {
    version: () => list?.version ?? null,
    onSaved: (id) => {
      afterWrite();
      void refreshList().then(() => open(id));
    },
    openDocument: (id) => void open(id),
  });
  const home = h('div', { class: 'sources-home' }, listView, addForm);
  replace(
    panel,
    h('div', { class: 'sources-top' }, h('h2', { class: 'panel-title' }, 'Sources'), token),
    status,
    home,
    readerView,
  );

  /** Everything the graph views read may have changed. */
  function afterWrite() {
    deps.data.clear();
    deps.store.dispatch({ type: 'reload' });
  }

  async function refreshList() {
    try {
      list = await api.list();
    } catch (error) {
      replace(listView, statusLine('error', `The documents could not be read: ${(error as Error).message}`));
      return;
    }
    const l = list;
    replace(
      listView,
      h('h3', { id: 'sources-list-title' }, `Documents (${l.documents.length})`),
      h('p', { class: 'muted' }, 'Written to ', h('code', {}, l.seedsFolder)),
      h(
        'table',
        { class: 'sources-table', 'data-testid': 'sources-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Title', 'Publisher', 'Date', 'Kind', 'Facts'].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          {},
          ...l.documents.map((d) =>
            h(
              'tr',
              { 'data-testid': 'source-row', 'data-document-id': d.id },
              h(
                'td',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link-button',
                    'data-testid': 'source-open',
                    onclick: () => void open(d.id),
                  },
                  d.title,
                ),
              ),
              h('td', {}, d.publisher ?? h('em', { title: d.publisherNote ?? '' }, 'not shown')),
              h(
                'td',
                { title: d.dateQuote ?? d.dateReason ?? '' },
                dateOf(d),
                h('small', {}, ` (${d.precision})`),
              ),
              h('td', {}, d.kind),
              h('td', { 'data-testid': 'fact-count' }, String(d.factCount)),
            ),
          ),
        ),
      ),
    );
  }

  async function write(run: (version: string, id: string) => Promise<SourceWriteResponse>): Promise<boolean> {
    const detail = annotator.detail;
    if (!detail || !openId) return false;
    replace(status, statusLine('loading', 'Checking and writing…'));
    try {
      const response = await run(detail.version, openId);
      const n = response.load;
      replace(
        status,
        h(
          'p',
          { class: 'status', role: 'status', 'data-testid': 'write-done' },
          `Written: ${response.files.join(', ') || 'no file'}.`,
          n
            ? ` The graph: ${n.nodes.created + n.relationships.created} added, ${n.nodes.updated + n.relationships.updated} changed, ${n.nodes.deleted + n.relationships.deleted} removed.`
            : '',
        ),
      );
      afterWrite();
      annotator.show(response, null);
      void loadSuggestions(openId);
      void refreshList();
      return true;
    } catch (error) {
      replace(
        status,
        errorBox(error, (id) => void open(id)),
      );
      if (error instanceof ApiError && error.status === 409) void open(openId, true);
      return false;
    }
  }

  const annotator = createAnnotator(readerView, deps, {
    addFacts: (facts) => write((version, id) => api.addFacts(id, { version, facts })),
    edit: (fact, value) => write((version, id) => api.editFact(id, { version, ref: fact.ref, value })),
    retract: (fact) => write((version, id) => api.retract(id, version, fact.ref)),
    undo: () => write((version, id) => api.undo(id, version)),
    close: () => {
      openId = null;
      readerView.hidden = true;
      home.hidden = false;
      void refreshList();
    },
  });

  async function loadSuggestions(id: string) {
    try {
      const suggestions = await api.suggestions(id);
      const detail = annotator.detail;
      if (openId === id && detail) annotator.show(detail, suggestions);
    } catch (error) {
      replace(
        status,
        errorBox(error, (x) => void open(x)),
      );
    }
  }

  async function open(id: string, keepStatus = false) {
    if (!keepStatus) replace(status, statusLine('loading', 'Opening the document…'));
    try {
      const detail = await api.detail(id);
      openId = id;
      if (!keepStatus) replace(status);
      home.hidden = true;
      readerView.hidden = false;
      annotator.show(detail, null);
      await loadSuggestions(id);
    } catch (error) {
      replace(
        status,
        errorBox(error, (x) => void open(x)),
      );
    }
  }

  return {
    render(state: AppState) {
      if (state.tab !== 'sources' || loaded) return;
      loaded = true;
      replace(listView, statusLine('loading', 'Reading the documents…'));
      void refreshList();
    },
  };
}
