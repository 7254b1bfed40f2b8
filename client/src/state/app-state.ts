import type { Elements } from '../../../graph/contract/api.ts';
import { EMPTY_LINK, type LinkState } from './link-state.ts';
import { layerKey, NO_ELEMENTS } from './query-graph.ts';

/**
 * The explorer's state: the link state (link-state.ts) plus what is only true of this page load:
 * the graph's load status, its notices and the server's health.
 */

export const STATUSES = ['idle', 'loading', 'empty', 'truncated', 'error', 'ready'] as const;
export type Status = (typeof STATUSES)[number];

export interface Truncation {
  id: string;
  name: string;
  shown: number;
  total: number;
  limit: number;
}

export interface LoadError {
  code: string;
  message: string;
}

export type Health = 'unknown' | 'ok' | 'degraded';

export interface AppState extends LinkState {
  status: Status;
  error: LoadError | null;
  notices: Truncation[];
  health: Health;
  /** The node new nodes should be placed around, set by the action that brought them. */
  anchor: string | null;
  /** Bumped to ask for the graph to be fetched again even though the link has not changed. */
  reloads: number;
  /** Elements a console query sent to the canvas (state/query-graph.ts); not part of the link. */
  queryGraph: Elements;
}

export function initialState(link: LinkState = EMPTY_LINK): AppState {
  return {
    ...link,
    status: 'idle',
    error: null,
    notices: [],
    health: 'unknown',
    anchor: null,
    reloads: 0,
    queryGraph: NO_ELEMENTS,
  };
}

export function linkOf(state: AppState): LinkState {
  const { pinned, expansions, hidden, openFindings, selected, at, hiddenLabels, hiddenTypes, layout, tab } =
    state;
  return { pinned, expansions, hidden, openFindings, selected, at, hiddenLabels, hiddenTypes, layout, tab };
}

/** The parts of the state that decide which elements are fetched and drawn. */
export function graphKey(state: AppState): string {
  return JSON.stringify([
    state.pinned,
    state.expansions,
    state.hidden,
    state.openFindings,
    state.at,
    state.hiddenLabels,
    state.hiddenTypes,
    state.reloads,
    layerKey(state.queryGraph),
  ]);
}
