import {
  type AccountabilityByOrg,
  DaySchema,
  type Elements,
  type SearchResult,
} from '../../graph/contract/api.ts';
import type { OpeningNote } from '../../graph/contract/opening.ts';

/**
 * The opening's choices, each a pure function of what was read: which inspection, which bodies,
 * which day, which posts. server/opening/choose-opening.ts reads and calls these in turn.
 */

/** A laptop's canvas holds about this many posts in one column with their names readable. */
export const MAX_POSTS = 6;
/** Enough to see every relationship of one node while working out the opening. */
export const DISCOVERY_LIMIT = 200;
/** Documents link to everything they mention; the opening leaves those links out. */
export const OPENING_HIDDEN_TYPES = ['MENTIONS', 'CLAIMS'];

const isDay = (value: string) => DaySchema.safeParse(value).success;

/** The first day of a year, a month or a day written YYYY, YYYY-MM or YYYY-MM-DD; null otherwise. */
export function firstDayOf(value: string): string | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return null;
  const day = `${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}`;
  return isDay(day) ? day : null;
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
export function dayFor(date: string | null | undefined): { day: string | null; note: OpeningNote | null } {
  if (!date) return { day: null, note: null };
  const range = date.split('/')[0] ?? date;
  if (isDay(range)) return { day: range, note: null };
  const first = firstDayOf(range);
  return first
    ? { day: first, note: { kind: 'narrowed', dated: range, day: first } }
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
