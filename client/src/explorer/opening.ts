import type { AccountabilityByOrg, Elements, SearchResult } from '../../../graph/contract/api.ts';
import type { Api } from '../api.ts';
import { formatDate } from '../format/dates.ts';
import { firstDayOf, isDay } from '../format/days.ts';
import { DEFAULT_LIMIT, EMPTY_LINK, type LinkState } from '../state/link-state.ts';

/**
 * What a blank link opens on: the 2017 local-area inspection, its findings, the organisations
 * it inspected and who led them. It is found by search rather than by a hard-coded id, so a renamed
 * seed still opens somewhere sensible. The day shown is the link's when it names one (`?at=`);
 * otherwise the inspection's own when the sources say who held the posts then, or else the first
 * day after it on which they do, and the note says so.
 */

export interface Opening {
  link: LinkState;
  /** Why the date is what it is, when it had to be chosen (for the status line). */
  note: string | null;
}

/** The best inspection among search results: an Inspection mentioning 2017, else any Inspection. */
export function pickInspection(results: SearchResult['results']): string | null {
  const inspections = results.filter((r) => r.label === 'Inspection');
  const of2017 = inspections.find((r) => r.name.includes('2017') || r.id.includes('2017'));
  return (of2017 ?? inspections[0])?.id ?? null;
}

/** Organisations the inspection INSPECTED; failing that, every organisation next to it. */
export function inspectedOrganisations(elements: Elements, inspectionId: string): string[] {
  const labels = new Map(elements.nodes.map((n) => [n.data.id, n.data.label]));
  const otherEnd = (source: string, target: string) => (source === inspectionId ? target : source);
  const touching = elements.edges.filter(
    (e) => e.data.source === inspectionId || e.data.target === inspectionId,
  );
  const isOrg = (id: string) => labels.get(id) === 'Organisation';
  const inspected = touching
    .filter((e) => e.data.type === 'INSPECTED')
    .map((e) => otherEnd(e.data.source, e.data.target))
    .filter(isOrg);
  const chosen =
    inspected.length > 0
      ? inspected
      : touching
          .filter((e) => e.data.type !== 'CONDUCTED_BY' && e.data.type !== 'MENTIONS')
          .map((e) => otherEnd(e.data.source, e.data.target))
          .filter(isOrg);
  return [...new Set(chosen)];
}

/** Organisations RESPONSIBLE_FOR these ones (the council and the NHS body behind a "local area"). */
export function responsibleFor(elements: Elements, orgIds: readonly string[]): string[] {
  const orgs = new Set(orgIds);
  const labels = new Map(elements.nodes.map((n) => [n.data.id, n.data.label]));
  const responsible = elements.edges
    .filter(
      (e) =>
        e.data.type === 'RESPONSIBLE_FOR' &&
        orgs.has(e.data.target) &&
        labels.get(e.data.source) === 'Organisation',
    )
    .map((e) => e.data.source);
  return [...new Set(responsible)].filter((id) => !orgs.has(id));
}

/** Posts of these organisations (Post -POST_IN-> Organisation), so expanding them shows their holders. */
export function postsOf(elements: Elements, orgIds: readonly string[]): string[] {
  const orgs = new Set(orgIds);
  const labels = new Map(elements.nodes.map((n) => [n.data.id, n.data.label]));
  const posts = elements.edges
    .filter(
      (e) => e.data.type === 'POST_IN' && orgs.has(e.data.target) && labels.get(e.data.source) === 'Post',
    )
    .map((e) => e.data.source);
  return [...new Set(posts)];
}

/**
 * Of these posts, the ones someone holds in `elements` (the posts' neighbourhoods on the day shown):
 * the opening tells who led the bodies, and a post nobody is known to hold adds a box, not a name.
 */
export function heldPosts(elements: Elements, postIds: readonly string[]): string[] {
  const held = new Set(
    elements.edges.filter((e) => e.data.type === 'HOLDS').flatMap((e) => [e.data.source, e.data.target]),
  );
  return postIds.filter((id) => held.has(id));
}

/** The day to show the graph at for a node's date; a month or year is narrowed only with a note. */
export function dayFor(date: string | null | undefined): { day: string | null; note: string | null } {
  if (!date) return { day: null, note: null };
  const range = date.split('/')[0] ?? date;
  if (isDay(range)) return { day: range, note: null };
  const first = firstDayOf(range);
  return first
    ? {
        day: first,
        note: `The inspection is dated ${range}; showing relationships in force on its first day, ${first}.`,
      }
    : { day: null, note: null };
}

/**
 * The first day after `from` by which some source certainly shows a holder of a post the sources
 * are silent about on `from`: the end of the earliest "next known" attestation (whose date may be a
 * day or the bounds of an undated source). Null when nothing is known after.
 */
export function firstDayHoldersKnown(
  results: ReadonlyArray<Pick<AccountabilityByOrg, 'notKnown'>>,
  from: string,
): string | null {
  const days = results
    .flatMap((r) => r.notKnown)
    .map((n) => n.nextKnownAfter?.date.split('/').at(-1) ?? '')
    .filter((day) => isDay(day) && day > from)
    .sort();
  return days[0] ?? null;
}

/** A laptop's canvas holds about this many posts in one column with their names readable. */
const MAX_POSTS = 6;
/** Enough to see every relationship of one node while working out the opening. */
const DISCOVERY_LIMIT = 200;
/** Documents link to everything they mention; the opening leaves those links out. */
export const OPENING_HIDDEN_TYPES = ['MENTIONS', 'CLAIMS'];

async function neighbourhoods(api: Api, ids: readonly string[], at: string | null): Promise<Elements> {
  const merged: Elements = { nodes: [], edges: [] };
  const results = await Promise.all(
    ids.map((id) => api.neighbours(id, { at, limit: DISCOVERY_LIMIT }).catch(() => null)),
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
  api: Api,
  orgs: readonly string[],
  day: string,
  note: string | null,
): Promise<{ day: string | null; note: string | null }> {
  const at = (d: string) =>
    Promise.all(orgs.map((org) => api.accountabilityForOrg(org, d).catch(() => null))).then((all) =>
      all.filter((r): r is AccountabilityByOrg => r !== null),
    );
  const onDay = await at(day);
  if (onDay.length === 0 || onDay.some((r) => r.holders.length > 0)) return { day, note };
  const later = firstDayHoldersKnown(onDay, day);
  if (later && (await at(later)).some((r) => r.holders.length > 0)) {
    return {
      day: later,
      note: `No source says who held these organisations’ posts on ${formatDate(day)}, when the inspection began; the first day a source does is ${formatDate(later)}, so the graph shows relationships in force then. Change the date on the left, or tick “All dates”.`,
    };
  }
  return {
    day: null,
    note: `No source says who held these organisations’ posts when the inspection took place, so every relationship is shown, whenever it held.`,
  };
}

/**
 * Inspection → the organisations it inspected → (when that is a partnership such as "the local
 * area") the organisations responsible for it → their posts held on the day → who held them.
 * `at`: the day the link asked for; the opening is drawn on it, never on a day of its own choosing.
 */
export async function buildOpening(api: Api, at: string | null = null): Promise<Opening | null> {
  let inspectionId: string | null = null;
  for (const q of ['inspection 2017', 'inspection']) {
    const { results } = await api.search(q, { limit: 20 });
    inspectionId = pickInspection(results);
    if (inspectionId) break;
  }
  if (!inspectionId) return null;

  const around = await api.neighbours(inspectionId, { limit: DISCOVERY_LIMIT });
  const inspection = around.elements.nodes.find((n) => n.data.id === inspectionId);
  let { day, note } = at ? { day: at, note: null } : dayFor(inspection?.data.date);
  const inspected = inspectedOrganisations(around.elements, inspectionId);
  // A partnership ("the local area") is shown through the bodies responsible for it: its own
  // neighbourhood is mostly every finding ever made about it, which would bury the people. Which
  // bodies those are is asked of all time, since a source may say so only years later.
  // Each step below waits on the one before, so what a step will most likely ask is asked early, in
  // parallel, on the inspection's own day; it is asked again only if the day shown turns out to be
  // another (bench: nav counts the rounds of calls in series before the opening is drawn).
  const firstDay = day;
  const [ever, onFirstDay] = await Promise.all([
    inspected.length > 0 ? neighbourhoods(api, inspected, null) : null,
    firstDay && inspected.length > 0 ? neighbourhoods(api, inspected, firstDay) : null,
  ]);
  const responsible = ever ? responsibleFor(ever, inspected) : [];
  let orgs = responsible.length > 0 ? responsible : inspected;
  const [chosen, orgsOnFirstDay] = await Promise.all([
    day && !at && orgs.length > 0 ? dayWithHolders(api, orgs, day, note) : { day, note },
    orgs.length > 0 ? neighbourhoods(api, orgs, firstDay) : null,
  ]);
  ({ day, note } = chosen);
  const sameDay = day === firstDay;
  // Of those, the ones responsible on the day shown (a body that took over years later is left out).
  if (day && responsible.length > 0) {
    const around = sameDay && onFirstDay ? onFirstDay : await neighbourhoods(api, inspected, day);
    const then = responsibleFor(around, inspected);
    if (then.length > 0) orgs = orgs.filter((id) => then.includes(id));
  }
  const allPosts =
    orgs.length > 0
      ? postsOf(sameDay && orgsOnFirstDay ? orgsOnFirstDay : await neighbourhoods(api, orgs, day), orgs)
      : [];
  // On a day, the posts someone held then; for all of time (no day known), every post, up to the cap.
  const held =
    day && allPosts.length > 0 ? heldPosts(await neighbourhoods(api, allPosts, day), allPosts) : [];
  const posts = (held.length > 0 ? held : allPosts).slice(0, MAX_POSTS);

  // The bodies are drawn through their posts (each post's neighbourhood is its body and its holder),
  // not expanded: a council's own neighbourhood is every report and letter about it, which buries the
  // story on a laptop. A partnership the inspection inspected is expanded instead, for the lines
  // to the bodies responsible for it.
  const partnerships = responsible.length > 0 ? inspected : [];
  const bodies = posts.length > 0 ? [] : orgs;
  const expansions = [inspectionId, ...partnerships, ...bodies, ...posts].map((id) => ({
    id,
    limit: DEFAULT_LIMIT,
  }));
  return {
    link: {
      ...EMPTY_LINK,
      pinned: [inspectionId],
      expansions,
      at: day,
      hiddenTypes: OPENING_HIDDEN_TYPES,
      selected: { kind: 'node', id: inspectionId },
      layout: 'accountability',
    },
    note,
  };
}

/**
 * The opening drawn for a link that names no node, keeping what the link did name: its date (a
 * shared `?view=posts&at=2017-11-21` must open on 21 November 2017, not on the inspection's day),
 * its layout unless it is the default, and its tab.
 */
export function openingFor(link: LinkState, opening: LinkState): LinkState {
  return {
    ...opening,
    at: link.at ?? opening.at,
    layout: link.layout === EMPTY_LINK.layout ? opening.layout : link.layout,
    tab: link.tab,
  };
}

/**
 * A link naming a node and nothing else (`?node=person:x`, as people share them) draws that node
 * and its neighbourhood, rather than an empty canvas beside the node's details.
 */
export function withLoneNodeDrawn(link: LinkState): LinkState {
  const selected = link.selected;
  if (selected?.kind !== 'node' || link.pinned.length > 0 || link.expansions.length > 0) return link;
  return { ...link, pinned: [selected.id], expansions: [{ id: selected.id, limit: DEFAULT_LIMIT }] };
}
