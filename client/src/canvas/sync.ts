import type { ElementNode, Elements } from '../../../graph/contract/api.ts';
import { ApiError } from '../api.ts';
import type { DataCache } from '../data.ts';
import { type AppState, graphKey } from '../state/app-state.ts';
import { DEFAULT_LIMIT } from '../state/link-state.ts';
import { withQueryGraph } from '../state/query-graph.ts';
import type { Store } from '../state/store.ts';
import {
  composeGraph,
  type FetchedExpansion,
  nodeElementFrom,
  postsToShowHolders,
  requestedRelationshipTypes,
  truncations,
} from './compose.ts';
import type { Canvas } from './cy.ts';
import { GROUP_PREFIX, groupFindings } from './group.ts';
import { markStanding } from './in-force.ts';

/** The relationship types to ask for; without the schema, ask for everything and filter here. */
async function visibleTypes(data: DataCache, hidden: readonly string[]): Promise<string[] | undefined> {
  if (hidden.length === 0) return undefined;
  try {
    return requestedRelationshipTypes((await data.schema()).relationshipTypes, hidden);
  } catch {
    return undefined;
  }
}

/**
 * An organisation expanded shows who held its posts on the date, not posts alone: each of its
 * posts' HOLDS relationships is fetched too (without marking the post expanded).
 */
async function postHolders(
  data: DataCache,
  fetched: readonly FetchedExpansion[],
  state: AppState,
  types: string[] | undefined,
): Promise<FetchedExpansion[]> {
  const wanted = postsToShowHolders(fetched, types);
  const results = await Promise.allSettled(
    wanted.map((id) => data.neighbours(id, state.at, DEFAULT_LIMIT, ['HOLDS'])),
  );
  return results.flatMap((result, i) =>
    result.status === 'fulfilled'
      ? [{ id: wanted[i] as string, limit: DEFAULT_LIMIT, ...result.value, truncated: false }]
      : [],
  );
}

export interface ComposedView {
  /** What the canvas draws for the state. */
  elements: Elements;
  /** The expansions as fetched (for the "N more" notices). */
  fetched: FetchedExpansion[];
  /** Reads that failed; what they would have added is missing from `elements`. */
  errors: unknown[];
}

/**
 * What the canvas should show for a state, read through the data cache: the pins, the expansions
 * and the holders of expanded organisations' posts, composed under the filters, findings folded.
 * The canvas and the opening's picture (picture.ts) both draw from it, so they show the same thing.
 */
export async function composeView(state: AppState, data: DataCache): Promise<ComposedView> {
  const types = await visibleTypes(data, state.hiddenTypes);
  const [pins, expansions] = await Promise.all([
    Promise.allSettled(state.pinned.map((id) => data.node(id))),
    Promise.allSettled(state.expansions.map((e) => data.neighbours(e.id, state.at, e.limit, types))),
  ]);
  const errors: unknown[] = [];
  const pinned: ElementNode[] = [];
  for (const result of pins) {
    if (result.status === 'fulfilled') pinned.push(nodeElementFrom(result.value.node));
    else errors.push(result.reason);
  }
  const fetched: FetchedExpansion[] = [];
  state.expansions.forEach((expansion, i) => {
    const result = expansions[i];
    if (result?.status === 'fulfilled') fetched.push({ ...expansion, ...result.value });
    else if (result) errors.push(result.reason);
  });
  fetched.push(...(await postHolders(data, fetched, state, types)));

  const filters = {
    hidden: state.hidden,
    hiddenLabels: state.hiddenLabels,
    hiddenTypes: state.hiddenTypes,
  };
  // Findings fold into one node per inspection unless the reader opened them or is on one of them.
  const keep = new Set([
    ...state.pinned,
    ...state.expansions.map((e) => e.id),
    ...(state.selected?.kind === 'node' ? [state.selected.id] : []),
  ]);
  const composed = markStanding(composeGraph({ pinned, expansions: fetched, ...filters }), state.at);
  // What a console query sent to the canvas stays there, under the same filters, until cleared.
  const elements = withQueryGraph(
    groupFindings(composed, { open: new Set(state.openFindings), keep }),
    state.queryGraph,
    filters,
  );
  return { elements, fetched, errors };
}

/**
 * Keeps the canvas in step with the state: whenever what should be drawn changes (pins,
 * expansions, hidden nodes, the date, filters), fetch what is missing, compose, and hand the
 * result to the Cytoscape wrapper. A newer change overtakes an older one still in flight.
 */

export function createCanvasSync(store: Store, data: DataCache, canvas: Canvas) {
  let generation = 0;
  let waiters: Array<() => void> = [];

  async function sync(state: AppState): Promise<void> {
    const mine = ++generation;
    store.dispatch({ type: 'loadStarted' });
    const { elements, fetched, errors } = await composeView(state, data);
    if (mine !== generation) return;
    canvas.replace(elements, { anchor: state.anchor, layout: state.layout });
    canvas.mark(
      'expanded',
      state.expansions.map((e) => e.id),
    );
    canvas.select(store.getState().selected);

    const firstError = errors[0];
    if (firstError !== undefined) {
      const error =
        firstError instanceof ApiError
          ? { code: firstError.code, message: firstError.message }
          : { code: 'INTERNAL', message: String(firstError) };
      store.dispatch({ type: 'loadFailed', error });
    } else {
      store.dispatch({
        type: 'loadSucceeded',
        nodeCount: elements.nodes.length,
        notices: truncations(fetched, (id) => canvas.nodeName(id) ?? id),
      });
    }
    const ready = waiters;
    waiters = [];
    for (const fn of ready) fn();
  }

  return {
    start(): () => void {
      return store.subscribe((state, previous) => {
        if (graphKey(state) !== graphKey(previous)) void sync(state);
        if (state.layout !== previous.layout) canvas.runLayout(state.layout);
        if (state.selected !== previous.selected) canvas.select(state.selected);
      });
    },
    sync: () => sync(store.getState()),
    /** Show the findings a "N findings" node stands for (kept in the link, so a shared link shows them too). */
    openGroup(id: string) {
      if (!id.startsWith(GROUP_PREFIX)) return;
      store.dispatch({ type: 'openFindings', home: id.slice(GROUP_PREFIX.length) });
    },
    /** Run once the load in flight (or the next one) has drawn. */
    afterLoad(fn: () => void) {
      waiters.push(fn);
    },
  };
}
