// First, before any module that parses with zod or mounts an editor.
import './csp.ts';
import type { Opening } from '../../graph/contract/opening.ts';
import { ApiError, createApi } from './api.ts';
import { isGroupId } from './canvas/group.ts';
import { lateCanvas } from './canvas/late-canvas.ts';
import { type ShownPicture, showPicture } from './canvas/picture.ts';
import { OPENING_PICTURE_MARK } from './canvas/picture-mark.ts';
import { composeView, createCanvasSync } from './canvas/sync.ts';
import { createLazyConsole } from './console/lazy.ts';
import { withConsoleLink } from './console/link.ts';
import { createDataCache } from './data.ts';
import { createReader } from './evidence/reader.ts';
import { createCanvasList } from './explorer/canvas-list.ts';
import { mountCanvasPanel } from './explorer/canvas-panel.ts';
import { createCanvasStatus } from './explorer/canvas-status.ts';
import { createCanvasTools } from './explorer/canvas-tools.ts';
import { createDateControl } from './explorer/date-control.ts';
import { createDetailsPanel } from './explorer/details.ts';
import { createFilters } from './explorer/filters.ts';
import { renderLegend } from './explorer/legend.ts';
import { openingFor, openingOf, withLoneNodeDrawn } from './explorer/opening.ts';
import { takeCarriedOpening } from './explorer/opening-answer.ts';
import { createSearch } from './explorer/search.ts';
import { installExports } from './export/install.ts';
import { createHealthBanner } from './shell/banner.ts';
import { createColumnToggles } from './shell/columns.ts';
import { lazyTab } from './shell/lazy-tab.ts';
import { createTabPanels, createTabs, type TabTable } from './shell/tabs.ts';
import { type AppState, initialState, linkOf } from './state/app-state.ts';
import { createStore } from './state/store.ts';
import { decodeLink, encodeLink, isBlankLink } from './state/url-state.ts';
import type { Deps } from './ui/deps.ts';
// The page's CSS, in cascade order (later rules win ties): the frame, shared pieces, the evidence, the
// explorer. A tab's own CSS (timeline, console) and the exports' come with their modules.
import './shell/shell.css';
import './ui/ui.css';
import './evidence/evidence.css';
import './explorer/explorer.css';

/**
 * The entry point: builds the shared services (API, cache, store, canvas), the panels around the
 * canvas, and the tabs from the table below, then wires the render loop and the address bar.
 */

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no #${id}`);
  return element as T;
}

/** After the browser has painted what the page holds now. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function start(): Promise<void> {
  // A link naming only a node draws that node and its neighbours, as the details panel shows it.
  const fromUrl = withLoneNodeDrawn(decodeLink(window.location.search));
  // A blank link opens on the opening: the page usually carries its answer, and then the page starts
  // on the opening's link, with its picture painted before Cytoscape's code has even arrived. Else
  // ask for it before building the page (the page's preload hint has fetched it already). The
  // filters' schema comes from the same answer.
  const carried = isBlankLink(fromUrl) ? takeCarriedOpening() : null;
  const carriedOpening = carried?.view ? openingOf(carried.view) : null;
  const store = createStore(
    initialState(carriedOpening ? openingFor(fromUrl, carriedOpening.link) : fromUrl),
  );

  let banner: ReturnType<typeof createHealthBanner> | null = null;
  const api = createApi({ onUnavailable: () => banner?.reportDown() });
  const data = createDataCache(api);
  const opening = isBlankLink(fromUrl) ? primed(carried ? Promise.resolve(carried) : api.opening()) : null;
  // The note says why the opening chose its day; a link that named its own day needs none.
  let note: string | null = carriedOpening && !fromUrl.at ? carriedOpening.note : null;
  let retry = () => store.dispatch({ type: 'reload' });

  /**
   * The tabs, in the order of `TABS` (state/link-state.ts): a title and how to fill the panel. A new
   * tab is its name in `TABS` plus one entry here; its module and CSS live in its own folder. All but
   * the explorer are loaded when first shown, so the opening view does not wait for them.
   */
  const tabs: TabTable = {
    explore: {
      title: 'Explore',
      build: () => {
        const status = createCanvasStatus(canvasStatusRoot, canvasNoteRoot, store.dispatch, () => retry());
        return { render: (state) => status.render(state, note) };
      },
    },
    timeline: {
      title: 'Timeline',
      panelClass: 'timeline-tab-panel',
      build: (panel) =>
        lazyTab('timeline', panel, () =>
          import('./timeline/timeline-panel.ts').then((m) => m.createTimelinePanel(panel, deps)),
        ),
    },
    posts: {
      title: 'Posts',
      panelClass: 'posts-tab-panel',
      build: (panel) =>
        lazyTab('posts', panel, () =>
          import('./posts/posts-panel.ts').then((m) => m.createPostsPanel(panel, deps)),
        ),
    },
    console: {
      title: 'Console',
      panelClass: 'console-tab-panel',
      build: (panel) => {
        consolePanel = createLazyConsole(panel, {
          store,
          data,
          onLinkChange: () => render(store.getState()),
        });
        return consolePanel;
      },
    },
    sources: {
      title: 'Sources',
      panelClass: 'sources-tab-panel',
      build: (panel) =>
        lazyTab('sources', panel, () =>
          import('./sources/sources-panel.ts').then((m) => m.createSourcesPanel(panel, deps)),
        ),
    },
  };

  const panels = createTabPanels(byId('stage'), tabs);
  const {
    canvas: canvasRoot,
    status: canvasStatusRoot,
    note: canvasNoteRoot,
  } = mountCanvasPanel(panels.explore);
  // Cytoscape's code is a chunk of its own (see the end of start): the page is built around a canvas
  // that forwards to it once it has arrived.
  const late = lateCanvas();
  const canvas = late.canvas;
  const sync = createCanvasSync(store, data, canvas);

  const deps: Deps = {
    store,
    api,
    data,
    canvas,
    reader: createReader(byId<HTMLDialogElement>('reader'), data),
    jumpTo(id) {
      const state = store.getState();
      store.dispatch({ type: 'select', selection: { kind: 'node', id } });
      if (canvas.has(id)) {
        canvas.center(id);
        return;
      }
      sync.afterLoad(() => canvas.center(id));
      store.dispatch({ type: 'pin', id });
      if (state.tab !== 'explore') store.dispatch({ type: 'setTab', tab: 'explore' });
    },
  };

  banner = createHealthBanner(byId('banner'), api, store, () => {
    filters.load(() => data.schema());
    retry();
  });
  createSearch(byId('search'), deps);
  const date = createDateControl(byId('date'), store);
  renderLegend(byId('legend'));
  createColumnToggles(byId('layout'), byId('stagebar'), () => canvas.resize());
  const tools = createCanvasTools(byId('toolbar'), store, canvas);
  let consolePanel: ReturnType<typeof createLazyConsole> | null = null;
  const tabStrip = createTabs(byId('tabs'), panels, tabs, store);
  installExports({
    toolbar: byId('toolbar'),
    store,
    data,
    canvas,
    afterLoad: (fn) => sync.afterLoad(fn),
    // Saved views keep the console's query too.
    query: {
      get: () => consolePanel?.query() ?? null,
      set: (query) => consolePanel?.setQuery(query),
    },
  });

  function render(state: AppState): void {
    banner?.render(state);
    date.render(state);
    filters.render(state);
    tools.render(state);
    details.render(state);
    canvasList.render(state);
    tabStrip.render(state);
    // On the console, the link also carries the last query run and its parameters.
    const query = withConsoleLink(
      encodeLink(linkOf(state)),
      state.tab === 'console' ? (consolePanel?.link() ?? null) : null,
    );
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
      window.history.replaceState(null, '', url);
  }

  // The frame around the canvas is built. A carried opening is painted now, as a picture, while
  // Cytoscape's code arrives and starts; the canvas replaces it once it has drawn the same view. The
  // filters, the list of what is drawn and the details, beside the canvas (they do not change its
  // size), are built after it.
  const picture = carriedOpening ? await showOpeningPicture(store.getState()) : null;
  if (picture) {
    await nextPaint();
    // For bench nav (and anyone timing the page): the opening is on screen from here.
    performance.mark(OPENING_PICTURE_MARK);
  }
  const filters = createFilters(byId('filters'), store);
  const canvasList = createCanvasList(byId('canvas-list'), canvas, {
    select: (id) => {
      store.dispatch({ type: 'select', selection: { kind: 'node', id } });
      canvas.center(id);
    },
    openGroup: (id) => sync.openGroup(id),
  });
  const details = createDetailsPanel(byId('panel'), deps);
  filters.load(() => data.schema());
  // Asked for once the picture is painted, so that running it cannot hold the picture back (bench
  // nav measured the picture later when the chunk was preloaded or asked for sooner); the details of
  // what the opening selects are drawn while it arrives.
  const canvasCode = import('./canvas/cy.ts');
  canvasCode.catch(() => {});
  if (picture) details.render(store.getState());
  let cy: typeof import('./canvas/cy.ts');
  try {
    cy = await canvasCode;
  } catch (error) {
    picture?.remove();
    store.dispatch({
      type: 'loadFailed',
      error: { code: 'NETWORK_ERROR', message: `The drawing code could not be loaded (${String(error)})` },
    });
    tabStrip.render(store.getState());
    return;
  }
  const realCanvas = cy.createCanvas(canvasRoot, {
    onSelect: (selection) => {
      if (selection?.kind === 'node' && isGroupId(selection.id)) sync.openGroup(selection.id);
      else store.dispatch({ type: 'select', selection });
    },
    onExpand: (id) => {
      store.dispatch({ type: 'select', selection: { kind: 'node', id } });
      store.dispatch({ type: 'expand', id });
    },
  });
  late.attach(realCanvas);
  if (picture) {
    realCanvas.whenDrawn(() => picture.remove());
    // A first load that drew nothing (it failed, or found nothing) leaves no picture over its message.
    sync.afterLoad(() => {
      if (realCanvas.nodeIds().length === 0) picture.remove();
    });
  }
  // A read-only hook for the browser tests: which ids are drawn and where (counts are on #cy as data-*).
  const { nodeIds, edgeIds, renderedPosition, fitReport } = realCanvas;
  Object.assign(window, { __graph: { nodeIds, edgeIds, renderedPosition, fitReport } });

  /** The frame around the canvas as it will stand (tabs, date, the opening's note), then the picture. */
  async function showOpeningPicture(state: AppState): Promise<ShownPicture | null> {
    // What stands around the canvas and needs no canvas; the details and the list follow the canvas.
    banner?.render(state);
    date.render(state);
    tools.render(state);
    tabStrip.render(state);
    const { elements } = await composeView(state, data);
    return showPicture(canvasRoot, elements, {
      selected: state.selected,
      expanded: state.expansions.map((e) => e.id),
    });
  }

  store.subscribe((state, previous, action) => {
    // The opening's note is about the opening; a console result replacing it makes it stale.
    if (action.type === 'showQueryGraph' && action.mode === 'replace') note = null;
    if (state.tab !== previous.tab && state.tab === 'explore') requestAnimationFrame(() => canvas.resize());
    render(state);
  });
  sync.start();
  window.addEventListener('popstate', () =>
    store.dispatch({ type: 'restore', link: decodeLink(window.location.search) }),
  );

  render(store.getState());
  void banner.check();

  /**
   * One request answers the whole opening, with what drawing it reads; the cache keeps those, so the
   * canvas draws without asking again (bench: nav counts the rounds before the opening is drawn).
   * `opening` is that request when it was sent before the page was built.
   */
  /** The opening's answer, kept by the data cache as it arrives. */
  function primed(request: Promise<Opening>): Promise<Opening> {
    data.prime(request);
    return request;
  }

  function openDefault(opening: Promise<Opening> = primed(api.opening())): void {
    store.dispatch({ type: 'loadStarted' });
    opening.then(
      (answer) => {
        if (!answer.view) {
          note = 'The 2017 inspection was not found; search for a person or organisation to begin.';
          store.dispatch({ type: 'loadSucceeded', nodeCount: 0, notices: [] });
          return;
        }
        const opening = openingOf(answer.view);
        // The note says why the opening chose its day; a link that named its own day needs none.
        note = store.getState().at ? null : opening.note;
        // The opening's own day and arrangement (the accountability columns) unless the link chose them.
        store.dispatch({ type: 'restore', link: openingFor(linkOf(store.getState()), opening.link) });
      },
      (error: unknown) => {
        const e = error instanceof ApiError ? error : new ApiError('INTERNAL', String(error), 0);
        store.dispatch({ type: 'loadFailed', error: { code: e.code, message: e.message } });
      },
    );
  }

  retry = () => {
    if (isBlankLink(linkOf(store.getState()))) openDefault();
    else store.dispatch({ type: 'reload' });
  };

  // A carried opening is the store's state already; else the opening is worked out when it comes.
  if (opening && !carriedOpening) openDefault(opening);
  else void sync.sync();
}

void start();
