import type { AccountabilityByOrg, Elements, Neighbours } from '../../graph/contract/api.ts';
import type { OpeningNote, OpeningView } from '../../graph/contract/opening.ts';
import { DEFAULT_EXPANSION_LIMIT } from '../../graph/contract/view-fetch.ts';
import type { Graph } from '../../graph/driver.ts';
import { readAccountabilityByOrg } from '../accountability/read-accountability.ts';
import { readNeighbours } from '../nodes/node-read.ts';
import { search } from '../search/search-read.ts';
import {
  DISCOVERY_LIMIT,
  dayFor,
  firstDayHoldersKnown,
  heldPosts,
  inspectedOrganisations,
  MAX_POSTS,
  OPENING_HIDDEN_TYPES,
  pickInspection,
  postsOf,
  responsibleFor,
} from './opening-choice.ts';

/**
 * What a blank link opens on: the 2017 local-area inspection, its findings, the organisations it
 * inspected and who led them. The inspection is found by search rather than by a hard-coded id, so
 * a renamed seed still opens somewhere sensible. The day shown is the inspection's own when the
 * sources say who held the posts then; otherwise the first day after it on which they do, with a
 * note saying so. Each step reads with the same functions as the API's own endpoints, so the
 * opening sees exactly what the explorer would; it runs here, beside the database, so the browser
 * waits for one answer instead of a chain of them. Each step asks only for the relationship types it
 * looks at, and nothing is asked on a guess: on a busy machine every read costs the others time.
 */

/**
 * Neighbourhoods of several nodes merged; a node that cannot be read adds nothing. `types` keeps to
 * the relationships a step looks at, so a council's hundreds of reports neither use up the limit nor
 * travel from the database for nothing.
 */
async function neighbourhoods(
  graph: Graph,
  ids: readonly string[],
  at: string | null,
  types?: string[],
): Promise<Elements> {
  const merged: Elements = { nodes: [], edges: [] };
  const results = await Promise.all(
    ids.map((id) =>
      readNeighbours(graph, id, { at: at ?? undefined, types, limit: DISCOVERY_LIMIT }).catch(() => null),
    ),
  );
  for (const result of results) {
    if (!result) continue;
    merged.nodes.push(...result.elements.nodes);
    merged.edges.push(...result.elements.edges);
  }
  return merged;
}

/**
 * The inspection's day if the sources say who held the organisations' posts then; else the first
 * day after it on which they do (checked, not assumed), with a note saying why; else all dates.
 */
async function dayWithHolders(
  graph: Graph,
  orgs: readonly string[],
  day: string,
  note: OpeningNote | null,
): Promise<{ day: string | null; note: OpeningNote | null }> {
  const at = (d: string) =>
    Promise.all(orgs.map((org) => readAccountabilityByOrg(graph, org, d).catch(() => null))).then((all) =>
      all.filter((r): r is AccountabilityByOrg => r !== null),
    );
  const onDay = await at(day);
  if (onDay.length === 0 || onDay.some((r) => r.holders.length > 0)) return { day, note };
  const later = firstDayHoldersKnown(onDay, day);
  if (later && (await at(later)).some((r) => r.holders.length > 0)) {
    return { day: later, note: { kind: 'later', inspectionDay: day, day: later } };
  }
  return { day: null, note: { kind: 'all-dates' } };
}

/**
 * The posts someone holds on `day`, in order. A neighbourhood the canvas draws that is not cut short
 * holds every HOLDS relationship in force that day (HOLDS is never among the opening's hidden types),
 * so it answers; one cut short, or unreadable, is asked for its HOLDS alone.
 */
async function postsHeld(
  graph: Graph,
  drawn: DrawnNeighbourhood,
  posts: readonly string[],
  day: string,
): Promise<string[]> {
  const views = await Promise.all(posts.map((id) => drawn(id, day)));
  const known: Elements = { nodes: [], edges: [] };
  const unsure: string[] = [];
  views.forEach((view, i) => {
    if (view && !view.truncated) known.edges.push(...view.elements.edges);
    else unsure.push(posts[i] as string);
  });
  const asked =
    unsure.length > 0 ? await neighbourhoods(graph, unsure, day, ['HOLDS']) : { nodes: [], edges: [] };
  return heldPosts({ nodes: [], edges: [...known.edges, ...asked.edges] }, posts);
}

async function findInspection(graph: Graph): Promise<string | null> {
  for (const q of ['inspection 2017', 'inspection']) {
    const inspection = pickInspection((await search(graph, { q, limit: 20 })).results);
    if (inspection) return inspection;
  }
  return null;
}

/** A node's neighbourhood as the canvas draws it on a day (the opening's types, its expansion limit). */
export type DrawnNeighbourhood = (id: string, at: string) => Promise<Neighbours | null>;

/**
 * Inspection → the organisations it inspected → (when that is a partnership such as "the local
 * area") the organisations responsible for it → their posts held on the day → who held them.
 * Null when the graph has no inspection. Whether a post is held is read from `drawn`, the
 * neighbourhood the canvas will draw for it, so the caller can keep it for the drawing; only when
 * that is cut short is HOLDS asked for on its own.
 */
export async function chooseOpening(graph: Graph, drawn: DrawnNeighbourhood): Promise<OpeningView | null> {
  const inspectionId = await findInspection(graph);
  if (!inspectionId) return null;

  const aroundInspection = await neighbourhoods(graph, [inspectionId], null);
  const inspection = aroundInspection.nodes.find((n) => n.data.id === inspectionId);
  const first = dayFor(inspection?.data.date);
  const inspected = inspectedOrganisations(aroundInspection, inspectionId);
  // A partnership ("the local area") is shown through the bodies responsible for it: its own
  // neighbourhood is mostly every finding ever made about it, which would bury the people. Which
  // bodies those are is asked of all time, since a source may say so only years later.
  const responsibility = (at: string | null) => neighbourhoods(graph, inspected, at, ['RESPONSIBLE_FOR']);
  const ever = inspected.length > 0 ? await responsibility(null) : null;
  const responsible = ever ? responsibleFor(ever, inspected) : [];
  let orgs = responsible.length > 0 ? responsible : inspected;
  const { day, note } =
    first.day && orgs.length > 0 ? await dayWithHolders(graph, orgs, first.day, first.note) : first;
  // Of those, the ones responsible on the day shown (a body that took over years later is left out);
  // the posts are read for every candidate at the same time, and kept only for the bodies that stay.
  const [responsibleThen, postsAround] = await Promise.all([
    day && responsible.length > 0 ? responsibility(day) : null,
    orgs.length > 0 ? neighbourhoods(graph, orgs, day, ['POST_IN']) : null,
  ]);
  if (responsibleThen) {
    const then = responsibleFor(responsibleThen, inspected);
    if (then.length > 0) orgs = orgs.filter((id) => then.includes(id));
  }
  const allPosts = postsAround ? postsOf(postsAround, orgs) : [];
  // On a day, the posts someone held then; for all of time (no day known), every post, up to the cap.
  const held = day && allPosts.length > 0 ? await postsHeld(graph, drawn, allPosts, day) : [];
  const posts = (held.length > 0 ? held : allPosts).slice(0, MAX_POSTS);

  // The bodies are drawn through their posts (each post's neighbourhood is its body and its holder),
  // not expanded: a council's own neighbourhood is every report and letter about it, which buries the
  // story on a laptop. A partnership the inspection inspected is expanded instead, for the lines
  // to the bodies responsible for it.
  const partnerships = responsible.length > 0 ? inspected : [];
  const bodies = posts.length > 0 ? [] : orgs;
  return {
    inspection: inspectionId,
    expansions: [inspectionId, ...partnerships, ...bodies, ...posts].map((id) => ({
      id,
      limit: DEFAULT_EXPANSION_LIMIT,
    })),
    at: day,
    hiddenTypes: OPENING_HIDDEN_TYPES,
    note,
  };
}
