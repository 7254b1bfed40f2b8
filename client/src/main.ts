// First, before any module that parses with zod or mounts an editor.
import './csp.ts';
import { ApiError, createApi } from './api.ts';
import { createLazyConsole } from './console/lazy.ts';
import { withConsoleLink } from './console/link.ts';
import { createDataCache } from './data.ts';
import { installExports } from './export/install.ts';
import { createGraphView } from './graph/cy.ts';
import { createGraphSync } from './graph/sync.ts';
import { buildOpeningView } from './opening-view.ts';
import { createStore } from './state/store.ts';
import { decodeView, encodeView, isBlankView } from './state/url-state.ts';
import { type AppState, initialState, viewOf } from './state/view-state.ts';
import { createHealthBanner } from './views/banner.ts';
import { createCanvasStatus } from './views/canvas-status.ts';
import { createDateControl } from './views/date-control.ts';
import type { Deps } from './views/deps.ts';
import { createDetailsPanel } from './views/details.ts';
import { createFilters } from './views/filters.ts';
import { renderLegend } from './views/legend.ts';
import { createReader } from './views/reader.ts';
import { createSearch } from './views/search.ts';
import { createTimelineView } from './views/timeline.ts';
import { createToolbar } from './views/toolbar.ts';
import './styles.css';

/** The entry point: finds the page's regions, builds each module with what it needs, and wires them. */

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}`);
  return element as T;
}

function start(): void {
  const fromUrl = decodeView(window.location.search);
  const store = createStore(initialState(fromUrl));

  let banner: ReturnType<typeof createHealthBanner> | null = null;
  const api = createApi({ onUnavailable: () => banner?.reportDown() });
  const data = createDataCache(api);

  const graph = createGraphView(byId('cy'), {
    onSelect: (selection) => store.dispatch({ type: 'select', selection }),
    onExpand: (id) => {
      store.dispatch({ type: 'select', selection: { kind: 'node', id } });
      store.dispatch({ type: 'expand', id });
    },
  });
  const sync = createGraphSync(store, data, graph);
  // A read-only hook for the browser tests: which ids are drawn and where (counts are on #cy as data-*).
  const { nodeIds, edgeIds, renderedPosition } = graph;
  Object.assign(window, { __graph: { nodeIds, edgeIds, renderedPosition } });
  const reader = createReader(byId<HTMLDialogElement>('reader'), data);

  const deps: Deps = {
    store,
    api,
    data,
    graph,
    reader,
    jumpTo(id) {
      const state = store.getState();
      store.dispatch({ type: 'select', selection: { kind: 'node', id } });
      if (graph.has(id)) {
        graph.center(id);
        return;
      }
      sync.afterLoad(() => graph.center(id));
      store.dispatch({ type: 'pin', id });
      if (state.view !== 'explore') store.dispatch({ type: 'setView', view: 'explore' });
    },
  };

  let retry = () => store.dispatch({ type: 'reload' });
  banner = createHealthBanner(byId('banner'), api, store, () => {
    filters.load(() => data.schema());
    retry();
  });
  createSearch(byId('search'), deps);
  const date = createDateControl(byId('date'), store);
  const filters = createFilters(byId('filters'), store);
  renderLegend(byId('legend'));
  const toolbar = createToolbar(byId('tabs'), byId('toolbar'), store, graph);
  const details = createDetailsPanel(byId('panel'), deps);
  const timeline = createTimelineView(byId('view-timeline'), deps);
  const consoleView = createLazyConsole(byId('view-console'), {
    store,
    data,
    onLinkChange: () => render(store.getState()),
  });
  installExports({
    toolbar: byId('toolbar'),
    store,
    data,
    graph,
    afterLoad: (fn) => sync.afterLoad(fn),
    // Saved views keep the console's query too.
    query: { get: () => consoleView.query(), set: (query) => consoleView.setQuery(query) },
  });
  const canvasStatus = createCanvasStatus(byId('canvas-status'), store.dispatch, () => retry());
  let note: string | null = null;

  function render(state: AppState): void {
    banner?.render(state);
    date.render(state);
    filters.render(state);
    toolbar.render(state);
    details.render(state);
    timeline.render(state);
    canvasStatus.render(state, note);
    byId('view-explore').hidden = state.view !== 'explore';
    byId('view-timeline').hidden = state.view !== 'timeline';
    byId('view-console').hidden = state.view !== 'console';
    consoleView.render(state);
    // On the console, the link also carries the last query run and its parameters.
    const query = withConsoleLink(
      encodeView(viewOf(state)),
      state.view === 'console' ? consoleView.link() : null,
    );
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
      window.history.replaceState(null, '', url);
  }

  store.subscribe((state, previous, action) => {
    // The opening view's note is about the opening view; a console result replacing it makes it stale.
    if (action.type === 'showQueryGraph' && action.mode === 'replace') note = null;
    if (state.view !== previous.view && state.view === 'explore') requestAnimationFrame(() => graph.resize());
    render(state);
  });
  sync.start();
  window.addEventListener('popstate', () =>
    store.dispatch({ type: 'restore', view: decodeView(window.location.search) }),
  );

  render(store.getState());
  filters.load(() => data.schema());
  void banner.check();

  function openDefault(): void {
    store.dispatch({ type: 'loadStarted' });
    buildOpeningView(api).then(
      (opening) => {
        if (!opening) {
          note = 'The 2017 inspection was not found; search for a person or organisation to begin.';
          store.dispatch({ type: 'loadSucceeded', nodeCount: 0, notices: [] });
          return;
        }
        note = opening.note;
        const current = store.getState();
        store.dispatch({
          type: 'restore',
          view: { ...opening.view, layout: current.layout, view: current.view },
        });
      },
      (error: unknown) => {
        const e = error instanceof ApiError ? error : new ApiError('INTERNAL', String(error), 0);
        store.dispatch({ type: 'loadFailed', error: { code: e.code, message: e.message } });
      },
    );
  }

  retry = () => {
    if (isBlankView(viewOf(store.getState()))) openDefault();
    else store.dispatch({ type: 'reload' });
  };

  if (isBlankView(fromUrl)) openDefault();
  else void sync.sync();
}

start();
