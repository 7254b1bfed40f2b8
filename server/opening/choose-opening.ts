import type { AccountabilityByOrg, Elements, OpeningNote, OpeningView } from '../../graph/contract/api.ts';
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
 * waits for one answer instead of a chain of them.
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

/** Posts read ahead while the choice finds which of them someone held on the day. */
const MAX_LIKELY_POSTS = 4 * MAX_POSTS;

async function findInspection(graph: Graph): Promise<string | null> {
  for (const q of ['inspection 2017', 'inspection']) {
    const inspection = pickInspection((await search(graph, { q, limit: 20 })).results);
    if (inspection) return inspection;
  }
  return null;
}

/**
 * Inspection → the organisations it inspected → (when that is a partnership such as "the local
 * area") the organisations responsible for it → their posts held on the day → who held them.
 * Null when the graph has no inspection. `likely` hears, as soon as they are known, nodes the view
 * will probably expand on a day, so the caller can start reading them while the choice goes on.
 */
export async function chooseOpening(
  graph: Graph,
  likely: (ids: readonly string[], at: string | null) => void = () => {},
): Promise<OpeningView | null> {
  const inspectionId = await findInspection(graph);
  if (!inspectionId) return null;

  const aroundInspection = await neighbourhoods(graph, [inspectionId], null);
  const inspection = aroundInspection.nodes.find((n) => n.data.id === inspectionId);
  const first = dayFor(inspection?.data.date);
  const inspected = inspectedOrganisations(aroundInspection, inspectionId);
  // A partnership ("the local area") is shown through the bodies responsible for it: its own
  // neighbourhood is mostly every finding ever made about it, which would bury the people. Which
  // bodies those are is asked of all time, since a source may say so only years later.
  // Each step below waits on the one before, so what a step will most likely ask is asked early, in
  // parallel, on the inspection's own day; it is asked again only if the day shown is another.
  const responsibility = (at: string | null) => neighbourhoods(graph, inspected, at, ['RESPONSIBLE_FOR']);
  const postsIn = (orgs: readonly string[], at: string | null) =>
    orgs.length > 0 ? neighbourhoods(graph, orgs, at, ['POST_IN']) : null;
  const [ever, onFirstDay] = await Promise.all([
    inspected.length > 0 ? responsibility(null) : null,
    first.day && inspected.length > 0 ? responsibility(first.day) : null,
  ]);
  const responsible = ever ? responsibleFor(ever, inspected) : [];
  let orgs = responsible.length > 0 ? responsible : inspected;
  const [{ day, note }, postsOnFirstDay] = await Promise.all([
    first.day && orgs.length > 0 ? dayWithHolders(graph, orgs, first.day, first.note) : first,
    postsIn(orgs, first.day),
  ]);
  const sameDay = day === first.day;
  const partnerships = responsible.length > 0 ? inspected : [];
  likely([inspectionId, ...partnerships], day);
  // Of those, the ones responsible on the day shown (a body that took over years later is left out);
  // their posts are read for every candidate at once, and kept only for the bodies that stay.
  const [responsibleThen, postsAround] = await Promise.all([
    day && responsible.length > 0 ? (sameDay && onFirstDay) || responsibility(day) : null,
    sameDay ? postsOnFirstDay : postsIn(orgs, day),
  ]);
  if (responsibleThen) {
    const then = responsibleFor(responsibleThen, inspected);
    if (then.length > 0) orgs = orgs.filter((id) => then.includes(id));
  }
  const allPosts = postsAround ? postsOf(postsAround, orgs) : [];
  likely(allPosts.slice(0, MAX_LIKELY_POSTS), day);
  // On a day, the posts someone held then; for all of time (no day known), every post, up to the cap.
  const held =
    day && allPosts.length > 0
      ? heldPosts(await neighbourhoods(graph, allPosts, day, ['HOLDS']), allPosts)
      : [];
  const posts = (held.length > 0 ? held : allPosts).slice(0, MAX_POSTS);

  // The bodies are drawn through their posts (each post's neighbourhood is its body and its holder),
  // not expanded: a council's own neighbourhood is every report and letter about it, which buries the
  // story on a laptop. A partnership the inspection inspected is expanded instead, for the lines
  // to the bodies responsible for it.
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
