import type { Api } from '../../client/src/api.ts';
import {
  composeGraph,
  type FetchedExpansion,
  nodeElementFrom,
  postsToShowHolders,
  requestedRelationshipTypes,
} from '../../client/src/canvas/compose.ts';
import { linkStateOf } from '../../client/src/export/saved-view-link.ts';
import { DEFAULT_LIMIT, EMPTY_LINK, type LinkState } from '../../client/src/state/link-state.ts';
import type { SavedView } from '../../graph/contract/api.ts';
import type { ExportGraph } from '../../graph/export/elements.ts';

/**
 * The subgraph an export writes, fetched through the same HTTP API and composed by the same pure
 * function (client/src/canvas/compose.ts) as the explorer, so the CLI and the browser agree on what
 * a link holds. Returns the link state too, for the browser to draw the same thing.
 */

export interface Subgraph {
  graph: ExportGraph;
  link: LinkState;
}

async function compose(api: Api, link: LinkState): Promise<ExportGraph> {
  const types =
    link.hiddenTypes.length > 0
      ? requestedRelationshipTypes((await api.schema()).relationshipTypes, link.hiddenTypes)
      : undefined;
  const pinned = await Promise.all(link.pinned.map(async (id) => nodeElementFrom((await api.node(id)).node)));
  const expansions: FetchedExpansion[] = await Promise.all(
    link.expansions.map(async (e) => ({
      ...e,
      ...(await api.neighbours(e.id, { at: link.at, limit: e.limit, types })),
    })),
  );
  // As in the explorer: an expanded organisation comes with who held its posts on the date.
  const holders: FetchedExpansion[] = await Promise.all(
    postsToShowHolders(expansions, types).map(async (id) => ({
      id,
      limit: DEFAULT_LIMIT,
      ...(await api.neighbours(id, { at: link.at, limit: DEFAULT_LIMIT, types: ['HOLDS'] })),
    })),
  );
  expansions.push(...holders);
  return composeGraph({
    pinned,
    expansions,
    hidden: link.hidden,
    hiddenLabels: link.hiddenLabels,
    hiddenTypes: link.hiddenTypes,
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
  const link: LinkState = {
    ...EMPTY_LINK,
    pinned: [from.id],
    expansions: expanded.map((id) => ({ id, limit: from.limit })),
    selected: null,
    at: from.at,
    layout,
  };
  return { graph: await compose(api, link), link };
}

/** A saved view's subgraph, with the positions it was saved with. */
export async function subgraphOfView(api: Api, saved: SavedView): Promise<Subgraph> {
  const link = linkStateOf(saved);
  const graph = await compose(api, link);
  for (const node of graph.nodes) {
    const position = saved.positions[node.data.id];
    if (position) node.position = { ...position };
  }
  return { graph, link };
}
