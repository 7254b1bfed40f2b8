import type { z } from 'zod';
import { slugify } from '../contract/slug.ts';
import { PopoloFileSchema } from '../export/popolo-schema.ts';
import { endsNotBefore, partialDateProblem } from '../seed/partial-date.ts';
import { formatPath, type SeedProblem } from '../seed/problems.ts';
import {
  type Attestation,
  CAPACITIES,
  type Evidence,
  ORGANISATION_KINDS,
  type Organisation,
  OrganisationSchema,
  type Person,
  PersonSchema,
  type Post,
  PostSchema,
  type Tenure,
  TenureSchema,
} from '../seed/schema.ts';
import { type Citation, linkEvidence, type SeedDocumentRef, splitLinks } from './popolo-links.ts';
import { createMatcher, type ExistingSeeds, type Match, NO_EXISTING } from './popolo-match.ts';

/**
 * A Popolo file as seed facts: persons, organisations, posts, and memberships as tenures. A source
 * whose quote is found in a seed document becomes evidence; any other source is kept as a citation
 * (`citations`, "cited by URL, not quoted"), and an entry with citations only is a fact of that
 * weaker kind, listed in `cited`. An entry with no source at all is refused: the evidence rule
 * stands. Refusals name the file, the entry and the problem, as the seed validator does.
 *
 * Entries the seeds already hold are reused, not written again (see popolo-match.ts): the file's
 * memberships then point at the seeds' people and posts, and `reused` says which entry became which.
 */

type Kind = 'person' | 'organisation' | 'post' | 'tenure';
export interface CitedEntry {
  kind: Kind;
  /** The entry's id in the seeds. */
  id: string;
}

/** An entry of the file the seeds already hold, found by its id or by its name. */
export interface ReusedEntry {
  kind: Kind;
  id: string;
  /** The entry in the file, as refusals name it. */
  entry: string;
  by: 'id' | 'name';
}

export interface PopoloImport {
  /** The entries to write: those the seeds do not hold yet. */
  facts: { organisations: Organisation[]; people: Person[]; posts: Post[]; tenures: Tenure[] };
  /** The entries resting on citations alone. */
  cited: CitedEntry[];
  reused: ReusedEntry[];
  problems: SeedProblem[];
}

const PREFIX: Record<Kind, string> = {
  person: 'person',
  organisation: 'org',
  post: 'post',
  tenure: 'tenure',
};

/** Where a name match is refused: the field that names the entry. */
const NAMED_BY: Record<Kind, string> = {
  person: 'name',
  organisation: 'name',
  post: 'label',
  tenure: 'person_id',
};

export function popoloToSeeds(
  file: string,
  json: unknown,
  documents: readonly SeedDocumentRef[],
  existing: ExistingSeeds = NO_EXISTING,
): PopoloImport {
  const out: PopoloImport = {
    facts: { organisations: [], people: [], posts: [], tenures: [] },
    cited: [],
    reused: [],
    problems: [],
  };
  const refuse = (entry: string, path: string, message: string) =>
    out.problems.push({ file, entry, path, message });
  const parsed = PopoloFileSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [collection, index] = issue.path;
      const entry = typeof index === 'number' ? `${String(collection)}[${index}]` : '(file)';
      refuse(entry, formatPath(issue.path.slice(typeof index === 'number' ? 2 : 0)), issue.message);
    }
    return out;
  }
  const popolo = parsed.data;

  const matcher = createMatcher(existing);
  // Popolo ids are the file's own; ours are slugs of kind and name, kept when already one of ours,
  // and never one the seeds already use for something else.
  const taken = new Set<string>(matcher.ids());
  const idMaps: Record<Kind, Map<string, string>> = {
    person: new Map(),
    organisation: new Map(),
    post: new Map(),
    tenure: new Map(),
  };
  const ourId = (kind: Kind, popoloId: string | null | undefined, name: string): string => {
    const own =
      popoloId && new RegExp(`^${PREFIX[kind]}:[a-z0-9]+(-[a-z0-9]+)*$`).test(popoloId) ? popoloId : null;
    let id = own ?? `${PREFIX[kind]}:${slugify(name)}`;
    for (let n = 2; taken.has(id); n += 1) id = `${own ?? `${PREFIX[kind]}:${slugify(name)}`}-${n}`;
    taken.add(id);
    if (popoloId) idMaps[kind].set(popoloId, id);
    return id;
  };
  /** The post each post id (reused or new) is held in, for checking a membership's organisation. */
  const postOrganisation = new Map(existing.posts.map((p) => [p.id, p.organisation]));
  /** Which file entry reused each seed entry: two entries of the file are never merged into one. */
  const reusedBy = new Map<string, string>();
  /**
   * A match settled: true when the entry is the seeds' (reused, or refused), false when it is new.
   * A reused entry is mapped from its Popolo id to the seeds' id and written nowhere.
   */
  const settled = (kind: Kind, entry: string, popoloId: string | null | undefined, match: Match): boolean => {
    if (match.kind === 'new') return false;
    if (match.kind === 'refuse') {
      refuse(entry, match.message.startsWith('id ') ? 'id' : NAMED_BY[kind], match.message);
      return true;
    }
    const earlier = reusedBy.get(match.id);
    if (earlier) {
      refuse(
        entry,
        'id',
        `${earlier} is already '${match.id}' of the seeds: two entries of the file cannot both be it`,
      );
      return true;
    }
    reusedBy.set(match.id, entry);
    if (popoloId) idMaps[kind].set(popoloId, match.id);
    out.reused.push({ kind, id: match.id, entry, by: match.by });
    return true;
  };
  /** An entry becomes a fact with its quoted evidence and its citations; with neither, it is refused. */
  const place = <T>(
    kind: Kind,
    entryName: string,
    value: Record<string, unknown>,
    links: { evidence: Evidence[]; citations: Citation[] },
    schema: z.ZodType<T>,
    add: (v: T) => void,
  ) => {
    if (links.evidence.length === 0 && links.citations.length === 0) {
      refuse(entryName, 'sources', 'no sources: a seed needs a quoted source or at least a cited URL');
      return;
    }
    const citations = links.citations.map((c) => ({ url: c.url, ...(c.note ? { note: c.note } : {}) }));
    const checked = schema.safeParse({
      ...value,
      evidence: links.evidence,
      ...(citations.length > 0 ? { citations } : {}),
    });
    if (!checked.success) {
      for (const issue of checked.error.issues) refuse(entryName, formatPath(issue.path), issue.message);
      return;
    }
    add(checked.data);
    if (links.evidence.length === 0) out.cited.push({ kind, id: String(value.id) });
  };
  const date = (entry: string, path: string, value: string | null | undefined): string | undefined => {
    if (!value) return undefined;
    const problem = partialDateProblem(value);
    if (problem) refuse(entry, path, problem);
    return problem ? undefined : value;
  };

  for (const [i, o] of popolo.organizations.entries()) {
    const entry = `organizations[${i}]${o.id ? ` (${o.id})` : ''}`;
    if (!o.name) {
      refuse(entry, 'name', 'an organisation needs a name');
      continue;
    }
    if (settled('organisation', entry, o.id, matcher.organisation(o.id, o.name))) continue;
    const kind = ORGANISATION_KINDS.find((k) => k === o.classification) ?? 'other';
    const value = {
      id: ourId('organisation', o.id, o.name),
      name: o.name,
      aliases: (o.other_names ?? []).map((n) => n.name),
      kind,
      ...(date(entry, 'founding_date', o.founding_date) ? { validFrom: o.founding_date } : {}),
      ...(date(entry, 'dissolution_date', o.dissolution_date) ? { validTo: o.dissolution_date } : {}),
    };
    place('organisation', entry, value, splitLinks(o.sources, documents), OrganisationSchema, (v) =>
      out.facts.organisations.push(v),
    );
  }
  for (const [i, p] of popolo.persons.entries()) {
    const entry = `persons[${i}]${p.id ? ` (${p.id})` : ''}`;
    if (!p.name) {
      refuse(entry, 'name', 'a person needs a name');
      continue;
    }
    if (settled('person', entry, p.id, matcher.person(p.id, p.name))) continue;
    const value = {
      id: ourId('person', p.id, p.name),
      name: p.name,
      aliases: (p.other_names ?? []).map((n) => n.name).filter((n) => n !== p.name),
      ...(p.honorific_prefix ? { honorific: p.honorific_prefix } : {}),
    };
    place('person', entry, value, splitLinks(p.sources, documents), PersonSchema, (v) =>
      out.facts.people.push(v),
    );
  }
  for (const [i, p] of popolo.posts.entries()) {
    const entry = `posts[${i}]${p.id ? ` (${p.id})` : ''}`;
    if (!p.label) {
      refuse(entry, 'label', 'a post needs a label (its title)');
      continue;
    }
    const organisation = p.organization_id ? idMaps.organisation.get(p.organization_id) : undefined;
    if (!organisation) {
      refuse(
        entry,
        'organization_id',
        p.organization_id
          ? `no organization with id '${p.organization_id}' in the file`
          : 'a post needs the organization it is held in',
      );
      continue;
    }
    if (settled('post', entry, p.id, matcher.post(p.id, p.label, organisation))) continue;
    const value = {
      id: ourId('post', p.id, p.label),
      title: p.label,
      organisation,
      ...(p.extra?.['+accountable'] === false ? { accountable: false } : {}),
    };
    place('post', entry, value, splitLinks(p.sources, documents), PostSchema, (v) => {
      out.facts.posts.push(v);
      postOrganisation.set(v.id, v.organisation);
    });
  }
  for (const [i, m] of popolo.memberships.entries()) {
    const entry = `memberships[${i}]${m.id ? ` (${m.id})` : ''}`;
    const person = m.person_id ? idMaps.person.get(m.person_id) : undefined;
    const post = m.post_id ? idMaps.post.get(m.post_id) : undefined;
    if (!m.person_id) {
      refuse(entry, 'person_id', 'a membership becomes a tenure only with a person_id');
      continue;
    }
    if (!person) {
      refuse(entry, 'person_id', `no person with id '${m.person_id}' in the file`);
      continue;
    }
    if (!m.post_id) {
      refuse(entry, 'post_id', 'a membership without a post_id names no post to hold; it is not a tenure');
      continue;
    }
    if (!post) {
      refuse(entry, 'post_id', `no post with id '${m.post_id}' in the file`);
      continue;
    }
    const postOrg = postOrganisation.get(post);
    if (m.organization_id && idMaps.organisation.get(m.organization_id) !== postOrg) {
      refuse(
        entry,
        'organization_id',
        `'${m.organization_id}' is not the organization of post '${m.post_id}'`,
      );
      continue;
    }
    const from = date(entry, 'start_date', m.start_date);
    const to = date(entry, 'end_date', m.end_date);
    if (from && to && !endsNotBefore(from, to)) {
      refuse(entry, 'end_date', `ends (${to}) before it starts (${from})`);
      continue;
    }
    const match = matcher.tenure(m.id, { person, post, from: from ?? null, to: to ?? null });
    if (settled('tenure', entry, m.id, match)) continue;
    const capacity = CAPACITIES.find((c) => c === m.extra?.['+capacity']);
    const attestations: Attestation[] = [];
    const raw = Array.isArray(m.extra?.['+attestations']) ? (m.extra['+attestations'] as unknown[]) : [];
    for (const a of raw) {
      const { url, quote } = (a ?? {}) as { url?: unknown; quote?: unknown };
      if (typeof url !== 'string' || typeof quote !== 'string') continue;
      const found = linkEvidence({ url, note: `“${quote}”` }, documents);
      if (found.kind === 'quoted') attestations.push(found.evidence);
    }
    const value = {
      id: ourId(
        'tenure',
        m.id,
        `${person.slice(person.indexOf(':') + 1)}-${post.slice(post.indexOf(':') + 1)}`,
      ),
      person,
      post,
      ...(capacity ? { capacity } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      attestations,
    };
    place('tenure', entry, value, splitLinks(m.sources, documents), TenureSchema, (v) =>
      out.facts.tenures.push(v),
    );
  }
  return out;
}
