import type { Elements } from '../../../graph/contract/api.ts';
import type { AppState } from './app-state.ts';

/**
 * A console result on the explorer's canvas. The state keeps the elements the user sent there
 * (`queryGraph`), and the sync adds them to what pins and expansions bring, so they stay through
 * later expansions and filters until cleared. Replacing the canvas clears the pins and expansions;
 * adding to it merges into what is there. Pure functions, used by the reducer and the sync.
 */

export const NO_ELEMENTS: Elements = { nodes: [], edges: [] };

export type QueryGraphMode = 'merge' | 'replace';

/** Both sets of elements, each id once; the later copy of an element wins (it is the newer answer). */
export function mergeElements(a: Elements, b: Elements): Elements {
  const nodes = new Map(a.nodes.map((n) => [n.data.id, n]));
  for (const node of b.nodes) nodes.set(node.data.id, node);
  const edges = new Map(a.edges.map((e) => [e.data.id, e]));
  for (const edge of b.edges) edges.set(edge.data.id, edge);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export interface LayerFilters {
  hidden: readonly string[];
  hiddenLabels: readonly string[];
  hiddenTypes: readonly string[];
}

/**
 * The canvas's composed elements plus the console's, under the same filters: hidden nodes and
 * labels go, filtered types go, and no edge is kept whose ends are not both drawn. Elements the
 * explorer already has are left as the explorer described them.
 */
export function withQueryGraph(composed: Elements, layer: Elements, filters: LayerFilters): Elements {
  if (layer.nodes.length === 0) return composed;
  const hidden = new Set(filters.hidden);
  const hiddenLabels = new Set(filters.hiddenLabels);
  const hiddenTypes = new Set(filters.hiddenTypes);
  const nodes = new Map(composed.nodes.map((n) => [n.data.id, n]));
  for (const node of layer.nodes) {
    if (nodes.has(node.data.id) || hidden.has(node.data.id) || hiddenLabels.has(node.data.label)) continue;
    nodes.set(node.data.id, node);
  }
  const edges = new Map(composed.edges.map((e) => [e.data.id, e]));
  for (const edge of layer.edges) {
    if (edges.has(edge.data.id) || hiddenTypes.has(edge.data.type)) continue;
    if (!nodes.has(edge.data.source) || !nodes.has(edge.data.target)) continue;
    edges.set(edge.data.id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The ids of a layer, for deciding whether the canvas must be drawn again. */
export function layerKey(layer: Elements): string {
  return `${layer.nodes.map((n) => n.data.id).join(',')}|${layer.edges.map((e) => e.data.id).join(',')}`;
}

/**
 * The state after sending a result to the canvas: `replace` leaves only the result (no pins,
 * expansions, hidden nodes or selection); `merge` adds it to what is there and unhides its nodes.
 * Either way the explorer is shown, where the result now is.
 */
export function showQueryGraph(state: AppState, elements: Elements, mode: QueryGraphMode): AppState {
  if (mode === 'replace') {
    return {
      ...state,
      pinned: [],
      expansions: [],
      hidden: [],
      selected: null,
      queryGraph: elements,
      tab: 'explore',
      anchor: null,
    };
  }
  const ids = new Set(elements.nodes.map((n) => n.data.id));
  return {
    ...state,
    queryGraph: mergeElements(state.queryGraph, elements),
    hidden: state.hidden.filter((id) => !ids.has(id)),
    tab: 'explore',
    anchor: null,
  };
}
