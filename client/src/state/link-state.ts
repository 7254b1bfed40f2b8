/**
 * The explorer's state. `ViewState` is what a link carries (see url-state.ts); `AppState` adds what
 * is only true of this page load: the graph's load status, its notices and the server's health.
 */

import type { Elements } from '../../../graph/contract/api.ts';
import { layerKey, NO_ELEMENTS } from './query-graph.ts';

export const STATUSES = ['idle', 'loading', 'empty', 'truncated', 'error', 'ready'] as const;
export type Status = (typeof STATUSES)[number];

export const LAYOUTS = ['fcose', 'dagre', 'concentric'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export const VIEWS = ['explore', 'timeline', 'console'] as const;
export type ViewName = (typeof VIEWS)[number];

/** How many neighbours one expansion asks for unless the user asks for more. */
export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 500;

export interface Expansion {
  id: string;
  limit: number;
}

export interface Selection {
  kind: 'node' | 'edge';
  id: string;
}

export interface ViewState {
  /** Nodes put on the canvas by search or by the opening view, whether or not they are expanded. */
  pinned: string[];
  /** Expanded nodes in the order they were expanded; undo removes the last. */
  expansions: Expansion[];
  hidden: string[];
  selected: Selection | null;
  /** The day relationships must be in force on, or null for all of time. */
  at: string | null;
  hiddenLabels: string[];
  hiddenTypes: string[];
  layout: LayoutName;
  view: ViewName;
}

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

export interface AppState extends ViewState {
  status: Status;
  error: LoadError | null;
  notices: Truncation[];
  health: Health;
  /** The node new nodes should be placed around, set by the action that brought them. */
  anchor: string | null;
  /** Bumped to ask for the graph to be fetched again even though the view has not changed. */
  reloads: number;
  /** Elements a console query sent to the canvas (console/query-graph.ts); not part of the link. */
  queryGraph: Elements;
}

export const EMPTY_VIEW: ViewState = {
  pinned: [],
  expansions: [],
  hidden: [],
  selected: null,
  at: null,
  hiddenLabels: [],
  hiddenTypes: [],
  layout: 'fcose',
  view: 'explore',
};

export function initialState(view: ViewState = EMPTY_VIEW): AppState {
  return {
    ...view,
    status: 'idle',
    error: null,
    notices: [],
    health: 'unknown',
    anchor: null,
    reloads: 0,
    queryGraph: NO_ELEMENTS,
  };
}

export function viewOf(state: AppState): ViewState {
  const { pinned, expansions, hidden, selected, at, hiddenLabels, hiddenTypes, layout, view } = state;
  return { pinned, expansions, hidden, selected, at, hiddenLabels, hiddenTypes, layout, view };
}

/** The parts of the state that decide which elements are fetched and drawn. */
export function graphKey(state: AppState): string {
  return JSON.stringify([
    state.pinned,
    state.expansions,
    state.hidden,
    state.at,
    state.hiddenLabels,
    state.hiddenTypes,
    state.reloads,
    layerKey(state.queryGraph),
  ]);
}
