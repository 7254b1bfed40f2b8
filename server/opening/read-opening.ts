import type { Neighbours, NodeDetail, Opening, OpeningView } from '../../graph/contract/api.ts';
import {
  DEFAULT_EXPANSION_LIMIT,
  postsToShowHolders,
  requestedRelationshipTypes,
} from '../../graph/contract/view-fetch.ts';
import type { Graph } from '../../graph/driver.ts';
import { readNeighbours, readNodeDetail } from '../nodes/node-read.ts';
import { readGraphSchema } from '../schema-info/schema-read.ts';
import { chooseOpening } from './choose-opening.ts';

type Prefetched = Opening['neighbours'][number];

/**
 * GET /api/opening: the opening view and, read in the same request, everything the client's canvas
 * reads to draw it: the pinned inspection's details, each expansion's neighbourhood on the day (of
 * the relationship types the canvas asks for, worked out from the schema exactly as the canvas
 * does), and the holders of expanded organisations' posts. The client keeps these under the keys it
 * would ask them by, so drawing the opening costs the browser one round trip instead of a chain.
 */
export async function readOpening(graph: Graph): Promise<Opening> {
  const [view, schema] = await Promise.all([chooseOpening(graph), readGraphSchema(graph)]);
  if (!view) return { view: null, nodes: [], neighbours: [] };
  const types = requestedRelationshipTypes(schema.relationshipTypes, view.hiddenTypes);

  const [pin, expansions] = await Promise.all([
    readNodeDetail(graph, view.inspection).catch(() => null),
    Promise.all(view.expansions.map(({ id, limit }) => neighboursOf(graph, view, id, limit, types))),
  ]);
  const fetched = expansions.filter((e): e is Prefetched => e !== null);
  const holders = await Promise.all(
    postsToShowHolders(
      fetched.map((e) => ({ id: e.id, elements: e.result.elements })),
      types,
    ).map((id) => neighboursOf(graph, view, id, DEFAULT_EXPANSION_LIMIT, ['HOLDS'])),
  );
  return {
    view,
    nodes: pin ? [pin satisfies NodeDetail] : [],
    neighbours: [...fetched, ...holders.filter((e): e is Prefetched => e !== null)],
  };
}

/** One neighbourhood as the canvas asks for it, or null when it cannot be read (the client retries). */
async function neighboursOf(
  graph: Graph,
  view: OpeningView,
  id: string,
  limit: number,
  types: string[] | undefined,
): Promise<Prefetched | null> {
  try {
    const result: Neighbours = await readNeighbours(graph, id, { at: view.at ?? undefined, types, limit });
    return { id, at: view.at, limit, types: types ?? null, result };
  } catch {
    return null;
  }
}
