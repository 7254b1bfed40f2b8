import type { Api } from '../../client/src/api.ts';
import {
  composeGraph,
  type FetchedExpansion,
  nodeElementFrom,
  viewRelationshipTypes,
} from '../../client/src/canvas/compose.ts';
import { linkStateOf } from '../../client/src/export/saved-view-link.ts';
import { EMPTY_LINK, type LinkState } from '../../client/src/state/link-state.ts';
import type { SavedView } from '../../graph/contract/api.ts';
import type { ExportGraph } from '../../graph/export/elements.ts';

/**
 * The subgraph an export writes, fetched through the same HTTP API and composed by the same pure
 * function (client/src/graph/compose.ts) as the explorer, so the CLI and the browser agree on what
 * "the view" holds. Returns the view state too, for the browser to draw the same thing.
 */

export interface Subgraph {
  graph: ExportGraph;
  view: LinkState;
}

async function compose(api: Api, view: LinkState): Promise<ExportGraph> {
  let types: string[] | undefined;
  if (view.hiddenTypes.length > 0) {
    const schema = await api.schema();
    types = viewRelationshipTypes(schema.relationshipTypes)
      .map((t) => t.type)
      .filter((type) => !view.hiddenTypes.includes(type));
  }
  const pinned = await Promise.all(view.pinned.map(async (id) => nodeElementFrom((await api.node(id)).node)));
  const expansions: FetchedExpansion[] = await Promise.all(
    view.expansions.map(async (e) => ({
      ...e,
      ...(await api.neighbours(e.id, { at: view.at, limit: e.limit, types })),
    })),
  );
  return composeGraph({
    pinned,
    expansions,
    hidden: view.hidden,
    hiddenLabels: view.hiddenLabels,
    hiddenTypes: view.hiddenTypes,
  });
}

/**
 * `depth` rounds of expansion from one node: round 1 expands it, each later round expands every
 * node the previous round brought in, as a reader double-clicking outward would.
 */
export async function subgraphFrom(
  api: Api,
  from: { id: string; depth: number; at: string | null; limit: number },
  layout: LinkState['layout'] = 'fcose',
): Promise<Subgraph> {
  await api.node(from.id); // an unknown id fails here, with the server's NOT_FOUND
  const expanded: string[] = [];
  let frontier = from.depth > 0 ? [from.id] : [];
  for (let round = 1; round <= from.depth && frontier.length > 0; round++) {
    const results = await Promise.all(
      frontier.map((id) => api.neighbours(id, { at: from.at, limit: from.limit })),
    );
    expanded.push(...frontier);
    const seen = new Set(expanded);
    const next = new Set<string>();
    for (const result of results)
      for (const node of result.elements.nodes) if (!seen.has(node.data.id)) next.add(node.data.id);
    frontier = [...next];
  }
  const view: LinkState = {
    ...EMPTY_LINK,
    pinned: [from.id],
    expansions: expanded.map((id) => ({ id, limit: from.limit })),
    selected: null,
    at: from.at,
    layout,
  };
  return { graph: await compose(api, view), view };
}

/** A saved view's subgraph, with the positions it was saved with. */
export async function subgraphOfView(api: Api, saved: SavedView): Promise<Subgraph> {
  const view = linkStateOf(saved);
  const graph = await compose(api, view);
  for (const node of graph.nodes) {
    const position = saved.positions[node.data.id];
    if (position) node.position = { ...position };
  }
  return { graph, view };
}
