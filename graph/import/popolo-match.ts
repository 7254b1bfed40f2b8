import type { FactsFile, TenureBound } from '../seed/schema.ts';

/**
 * Which of a Popolo file's entries the seeds already hold. An entry is reused when its id is the
 * seeds' own (and names the same thing), else when exactly one seed entry has the same normalised
 * name (a post: the same title in the same organisation). Two seed entries answering to one name
 * are never guessed between, and an id naming something else is never merged: both are refused,
 * and the import writes nothing. A membership is reused when its id is a seed tenure's, or when a
 * seed tenure has the same person, post and stated dates.
 */

export type MatchKind = 'organisation' | 'person' | 'post' | 'tenure';
export type Match =
  | { kind: 'reuse'; id: string; by: 'id' | 'name' }
  | { kind: 'new' }
  | { kind: 'refuse'; message: string };

export interface ExistingSeeds {
  organisations: readonly { id: string; name: string }[];
  people: readonly { id: string; name: string }[];
  posts: readonly { id: string; title: string; organisation: string }[];
  tenures: readonly { id: string; person: string; post: string; from: string | null; to: string | null }[];
}

export const NO_EXISTING: ExistingSeeds = { organisations: [], people: [], posts: [], tenures: [] };

/** Case, spacing and Unicode forms aside, the same words: `Pat  JONES-Greenhalgh` is `pat jones-greenhalgh`. */
export function normalName(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

const boundDate = (bound: TenureBound | undefined): string | null =>
  bound === undefined ? null : typeof bound === 'string' ? bound : (bound.date ?? null);

/** The seeds' entries as the matcher reads them, from parsed facts files. */
export function existingFrom(facts: readonly Partial<FactsFile>[]): ExistingSeeds {
  return {
    organisations: facts.flatMap((f) => f.organisations ?? []).map((o) => ({ id: o.id, name: o.name })),
    people: facts.flatMap((f) => f.people ?? []).map((p) => ({ id: p.id, name: p.name })),
    posts: facts
      .flatMap((f) => f.posts ?? [])
      .map((p) => ({ id: p.id, title: p.title, organisation: p.organisation })),
    tenures: facts
      .flatMap((f) => f.tenures ?? [])
      .map((t) => ({
        id: t.id,
        person: t.person,
        post: t.post,
        from: boundDate(t.from),
        to: boundDate(t.to),
      })),
  };
}

function byName<T extends { id: string }>(what: string, label: string, candidates: readonly T[]): Match {
  if (candidates.length === 1) return { kind: 'reuse', id: (candidates[0] as T).id, by: 'name' };
  if (candidates.length === 0) return { kind: 'new' };
  return {
    kind: 'refuse',
    message: `${label} matches ${candidates.length} ${what} in the seeds (${candidates.map((c) => c.id).join(', ')}): give the id of the one meant`,
  };
}

export function createMatcher(existing: ExistingSeeds) {
  const orgs = new Map(existing.organisations.map((o) => [o.id, o]));
  const people = new Map(existing.people.map((p) => [p.id, p]));
  const posts = new Map(existing.posts.map((p) => [p.id, p]));
  const tenures = new Map(existing.tenures.map((t) => [t.id, t]));
  const same = (a: string, b: string) => normalName(a) === normalName(b);
  const differs = (id: string, theirs: string, ours: string): Match => ({
    kind: 'refuse',
    message: `id '${id}' is '${ours}' in the seeds, not '${theirs}': two different entries cannot share an id`,
  });

  return {
    /** Every id the seeds use, so a new entry's id never lands on one. */
    ids: (): string[] => [...orgs.keys(), ...people.keys(), ...posts.keys(), ...tenures.keys()],
    organisation(popoloId: string | null | undefined, name: string): Match {
      const known = popoloId ? orgs.get(popoloId) : undefined;
      if (known)
        return same(known.name, name)
          ? { kind: 'reuse', id: known.id, by: 'id' }
          : differs(known.id, name, known.name);
      return byName(
        'organisations',
        `name '${name}'`,
        existing.organisations.filter((o) => same(o.name, name)),
      );
    },
    person(popoloId: string | null | undefined, name: string): Match {
      const known = popoloId ? people.get(popoloId) : undefined;
      if (known)
        return same(known.name, name)
          ? { kind: 'reuse', id: known.id, by: 'id' }
          : differs(known.id, name, known.name);
      return byName(
        'people',
        `name '${name}'`,
        existing.people.filter((p) => same(p.name, name)),
      );
    },
    /** `organisation` is the seed id the post's organisation became (reused or new). */
    post(popoloId: string | null | undefined, title: string, organisation: string): Match {
      const known = popoloId ? posts.get(popoloId) : undefined;
      if (known)
        return same(known.title, title) && known.organisation === organisation
          ? { kind: 'reuse', id: known.id, by: 'id' }
          : differs(known.id, `${title}' in '${organisation}`, `${known.title}' in '${known.organisation}`);
      return byName(
        'posts',
        `title '${title}' in '${organisation}'`,
        existing.posts.filter((p) => same(p.title, title) && p.organisation === organisation),
      );
    },
    tenure(
      popoloId: string | null | undefined,
      t: { person: string; post: string; from: string | null; to: string | null },
    ): Match {
      const known = popoloId ? tenures.get(popoloId) : undefined;
      if (known)
        return known.person === t.person && known.post === t.post
          ? { kind: 'reuse', id: known.id, by: 'id' }
          : differs(known.id, `${t.person} in ${t.post}`, `${known.person} in ${known.post}`);
      // The same holder of the same post with the same stated dates is the same tenure; a holder
      // may hold a post twice, so other dates make a new one.
      return byName(
        'tenures',
        `${t.person} in ${t.post} (${t.from ?? '…'} to ${t.to ?? '…'})`,
        existing.tenures.filter(
          (e) => e.person === t.person && e.post === t.post && e.from === t.from && e.to === t.to,
        ),
      );
    },
  };
}
export type Matcher = ReturnType<typeof createMatcher>;
