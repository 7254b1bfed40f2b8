import type { Elements } from '../../../graph/contract/api.ts';
import type { AppState, Health, LoadError, Truncation } from './app-state.ts';
import {
  DEFAULT_LIMIT,
  type LayoutName,
  type LinkState,
  MAX_LIMIT,
  type Selection,
  type TabName,
} from './link-state.ts';
import { NO_ELEMENTS, type QueryGraphMode, showQueryGraph } from './query-graph.ts';

/**
 * Every change to the explorer's state is one of these named actions, applied by `reduce`, a pure
 * function: the same state and action always give the same next state, and nothing else changes.
 */
export type Action =
  | { type: 'restore'; link: LinkState }
  | { type: 'pin'; id: string }
  | { type: 'expand'; id: string; limit?: number }
  | { type: 'showMore'; id: string; limit: number }
  | { type: 'collapse'; id: string }
  | { type: 'undoExpansion' }
  | { type: 'hide'; id: string }
  | { type: 'unhideAll' }
  | { type: 'openFindings'; home: string }
  | { type: 'select'; selection: Selection | null }
  | { type: 'setDate'; at: string | null }
  | { type: 'toggleLabel'; label: string }
  | { type: 'toggleType'; relType: string }
  | { type: 'setLayout'; layout: LayoutName }
  | { type: 'setTab'; tab: TabName }
  | { type: 'reload' }
  | { type: 'loadStarted' }
  | { type: 'loadSucceeded'; nodeCount: number; notices: Truncation[] }
  | { type: 'loadFailed'; error: LoadError }
  | { type: 'healthChanged'; health: Health }
  | { type: 'showQueryGraph'; elements: Elements; mode: QueryGraphMode }
  | { type: 'clearQueryGraph' };

export type ActionName = Action['type'];

function without<T>(list: readonly T[], item: T): T[] {
  return list.filter((x) => x !== item);
}

function toggled(list: readonly string[], item: string): string[] {
  return list.includes(item) ? without(list, item) : [...list, item];
}

function clampLimit(limit: number): number {
  return Math.max(1, Math.min(MAX_LIMIT, Math.round(limit)));
}

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'restore':
      return { ...state, ...action.link, anchor: null, notices: [], error: null };
    case 'pin':
      return {
        ...state,
        pinned: state.pinned.includes(action.id) ? state.pinned : [...state.pinned, action.id],
        hidden: without(state.hidden, action.id),
        anchor: action.id,
      };
    case 'expand': {
      if (state.expansions.some((e) => e.id === action.id)) return state;
      const limit = clampLimit(action.limit ?? DEFAULT_LIMIT);
      return {
        ...state,
        expansions: [...state.expansions, { id: action.id, limit }],
        hidden: without(state.hidden, action.id),
        anchor: action.id,
      };
    }
    case 'showMore':
      return {
        ...state,
        expansions: state.expansions.map((e) =>
          e.id === action.id ? { ...e, limit: clampLimit(action.limit) } : e,
        ),
        anchor: action.id,
      };
    case 'collapse':
      return { ...state, expansions: state.expansions.filter((e) => e.id !== action.id), anchor: null };
    case 'undoExpansion':
      return { ...state, expansions: state.expansions.slice(0, -1), anchor: null };
    case 'hide':
      return {
        ...state,
        hidden: state.hidden.includes(action.id) ? state.hidden : [...state.hidden, action.id],
        pinned: without(state.pinned, action.id),
        expansions: state.expansions.filter((e) => e.id !== action.id),
        selected: state.selected?.id === action.id ? null : state.selected,
        anchor: null,
      };
    case 'unhideAll':
      return { ...state, hidden: [], anchor: null };
    case 'openFindings':
      return state.openFindings.includes(action.home)
        ? state
        : { ...state, openFindings: [...state.openFindings, action.home], anchor: null };
    case 'select':
      return { ...state, selected: action.selection };
    case 'setDate':
      return { ...state, at: action.at, anchor: null };
    case 'toggleLabel':
      return { ...state, hiddenLabels: toggled(state.hiddenLabels, action.label), anchor: null };
    case 'toggleType':
      return { ...state, hiddenTypes: toggled(state.hiddenTypes, action.relType), anchor: null };
    case 'setLayout':
      return { ...state, layout: action.layout };
    case 'setTab':
      return { ...state, tab: action.tab };
    case 'reload':
      return { ...state, reloads: state.reloads + 1, anchor: null };
    case 'loadStarted':
      return { ...state, status: 'loading', error: null };
    case 'loadSucceeded':
      return {
        ...state,
        status: action.nodeCount === 0 ? 'empty' : action.notices.length > 0 ? 'truncated' : 'ready',
        notices: action.notices,
        error: null,
      };
    case 'loadFailed':
      return { ...state, status: 'error', error: action.error };
    case 'healthChanged':
      return { ...state, health: action.health };
    case 'showQueryGraph':
      return showQueryGraph(state, action.elements, action.mode);
    case 'clearQueryGraph':
      return { ...state, queryGraph: NO_ELEMENTS, anchor: null };
  }
}
