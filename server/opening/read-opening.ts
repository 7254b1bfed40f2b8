import type { Opening } from '../../graph/contract/opening.ts';
import {
  DEFAULT_EXPANSION_LIMIT,
  postsToShowHolders,
  requestedRelationshipTypes,
} from '../../graph/contract/view-fetch.ts';
import type { Graph } from '../../graph/driver.ts';
import { readAccountabilityBySubject } from '../accountability/read-accountability.ts';
import { readNeighbours, readNodeDetail } from '../nodes/node-read.ts';
import { readGraphSchema } from '../schema-info/schema-read.ts';
import { chooseOpening } from './choose-opening.ts';
import { OPENING_HIDDEN_TYPES } from './opening-choice.ts';

type Prefetched = Opening['neighbours'][number];

/**
 * GET /api/opening: the opening view and, read in the same request, everything the client's canvas
 * reads to draw it: the pinned inspection's details, each expansion's neighbourhood on the day (of
 * the relationship types the canvas asks for, worked out from the schema exactly as the canvas
 * does), the holders of expanded organisations' posts, the schema itself, and who was accountable
 * for the inspection (the details panel's first read). The client keeps
 * these under the keys it would ask them by, so drawing the opening costs the browser one round
 * trip instead of a chain.
 */
export async function readOpening(graph: Graph): Promise<Opening> {
  const schema = readGraphSchema(graph);
  // The relationship types the canvas will ask for: every type but the opening's hidden ones.
  const types = schema.then((s) => requestedRelationshipTypes(s.relationshipTypes, OPENING_HIDDEN_TYPES));
  // A failed schema read fails the answer where it is awaited, not the process before that.
  types.catch(() => undefined);
  const read = new Map<string, Promise<Prefetched | null>>();
  const neighboursOf = (id: string, at: string | null, limit: number, only?: string[]) => {
    const key = `${id}|${at}|${limit}|${only ?? '*'}`;
    let result = read.get(key);
    if (!result) {
      // Without the schema nothing is read ahead; the answer then fails on the schema itself.
      result = (only ? Promise.resolve(only) : types).then(
        (t) => readAhead(graph, id, at, limit, t),
        () => null,
      );
      read.set(key, result);
    }
    return result;
  };
  // The posts' neighbourhoods the choice reads (to see who holds them) are the ones drawn: kept here.
  const view = await chooseOpening(graph, (id, at) =>
    neighboursOf(id, at, DEFAULT_EXPANSION_LIMIT).then((e) => e?.result ?? null),
  );
  if (!view) return { view: null, schema: await schema, accountability: null, nodes: [], neighbours: [] };
  const at = view.at;
  const [pin, accountability, expansions] = await Promise.all([
    readNodeDetail(graph, view.inspection).catch(() => null),
    readAccountabilityBySubject(graph, view.inspection, 'Inspection').catch(() => null),
    Promise.all(view.expansions.map(({ id, limit }) => neighboursOf(id, at, limit))),
  ]);
  const fetched = expansions.filter((e): e is Prefetched => e !== null);
  const holders = await Promise.all(
    postsToShowHolders(
      fetched.map((e) => ({ id: e.id, elements: e.result.elements })),
      await types,
    ).map((id) => neighboursOf(id, at, DEFAULT_EXPANSION_LIMIT, ['HOLDS'])),
  );
  return {
    view,
    schema: await schema,
    accountability,
    nodes: pin ? [pin] : [],
    neighbours: [...fetched, ...holders.filter((e): e is Prefetched => e !== null)],
  };
}

/** One neighbourhood as the canvas asks for it, or null when it cannot be read (the client retries). */
async function readAhead(
  graph: Graph,
  id: string,
  at: string | null,
  limit: number,
  types: string[] | undefined,
): Promise<Prefetched | null> {
  try {
    const result = await readNeighbours(graph, id, { at: at ?? undefined, types, limit });
    return { id, at, limit, types: types ?? null, result };
  } catch {
    return null;
  }
}
