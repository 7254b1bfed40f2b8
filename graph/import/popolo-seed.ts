import type { z } from 'zod';
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

/**
 * A Popolo file as seed facts: persons, organisations, posts, and memberships as tenures. A source
 * whose quote is found in a seed document becomes evidence; any other source is kept as a citation
 * (`citations`, "cited by URL, not quoted"), and an entry with citations only is a fact of that
 * weaker kind, listed in `cited`. An entry with no source at all is refused: the evidence rule
 * stands. Refusals name the file, the entry and the problem, as the seed validator does.
 */

type Kind = 'person' | 'organisation' | 'post' | 'tenure';
export interface CitedEntry {
  kind: Kind;
  /** The entry's id in the seeds. */
  id: string;
}

export interface PopoloImport {
  facts: { organisations: Organisation[]; people: Person[]; posts: Post[]; tenures: Tenure[] };
  /** The entries resting on citations alone. */
  cited: CitedEntry[];
  problems: SeedProblem[];
}

const PREFIX: Record<Kind, string> = {
  person: 'person',
  organisation: 'org',
  post: 'post',
  tenure: 'tenure',
};

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function popoloToSeeds(
  file: string,
  json: unknown,
  documents: readonly SeedDocumentRef[],
): PopoloImport {
  const out: PopoloImport = {
    facts: { organisations: [], people: [], posts: [], tenures: [] },
    cited: [],
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

  // Popolo ids are the file's own; ours are slugs of kind and name, kept when already one of ours.
  const taken = new Set<string>();
  const idMaps: Record<Kind, Map<string, string>> = {
    person: new Map(),
    organisation: new Map(),
    post: new Map(),
    tenure: new Map(),
  };
  const ourId = (kind: Kind, popoloId: string | null | undefined, name: string): string => {
    const own =
      popoloId && new RegExp(`^${PREFIX[kind]}:[a-z0-9]+(-[a-z0-9]+)*$`).test(popoloId) ? popoloId : null;
    let id = own ?? `${PREFIX[kind]}:${slugify(name) || 'unnamed'}`;
    for (let n = 2; taken.has(id); n += 1) id = `${own ?? `${PREFIX[kind]}:${slugify(name)}`}-${n}`;
    taken.add(id);
    if (popoloId) idMaps[kind].set(popoloId, id);
    return id;
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
    const value = {
      id: ourId('post', p.id, p.label),
      title: p.label,
      organisation,
      ...(p.extra?.['+accountable'] === false ? { accountable: false } : {}),
    };
    place('post', entry, value, splitLinks(p.sources, documents), PostSchema, (v) => out.facts.posts.push(v));
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
    const postOrg = out.facts.posts.find((p) => p.id === post)?.organisation;
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
