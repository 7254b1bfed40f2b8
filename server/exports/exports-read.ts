import { citedOf, evidenceOf, type Props } from '../../graph/contract/elements.ts';
import { type TenureDataset, TenureDatasetSchema } from '../../graph/contract/exports.ts';
import type { Graph } from '../../graph/driver.ts';
import { AppError } from '../../graph/errors.ts';
import type { ReadStatements } from '../../graph/switch-guard.ts';
import { DATASET, DOCUMENTS, NODES_SELECTION, ORG_SELECTION } from './exports-queries.ts';

/** Reads the tenure data the tracker formats are written from. */

interface Selection {
  subject: { id: string; name: string } | null;
  orgIds: string[];
  postIds: string[];
  personIds: string[];
  tenureIds: string[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
/**
 * An entry's sources as the tracker writers need them: quotes, citations, and which kind the entry
 * rests on. The loader marks what rests on citations alone (`evidenceKind: 'cited'`); an entry with
 * citations and no quote is read as cited even without the mark, so a citation never passes for a quote.
 */
function sourcesOf(props: Props) {
  const evidence = evidenceOf(props);
  const { citations = [], evidenceKind } = citedOf(props);
  const cited = evidenceKind === 'cited' || (evidence.length === 0 && citations.length > 0);
  return {
    evidence,
    citations: citations.map((c) => ({ kind: 'cited' as const, url: c.url, note: c.note })),
    evidenceKind: cited ? ('cited' as const) : ('quoted' as const),
  };
}

const byName = <T extends { name?: string; title?: string; id: string }>(a: T, b: T) =>
  (a.name ?? a.title ?? a.id).localeCompare(b.name ?? b.title ?? b.id) || a.id.localeCompare(b.id);

async function readSelection(tx: ReadStatements, selection: Selection): Promise<TenureDataset> {
  const record = (await tx.run(DATASET, selection)).records[0];
  const rows = (key: string) =>
    ((record?.get(key) ?? []) as (Props | null)[]).filter((r): r is Props => r !== null);

  const organisations = rows('organisations')
    .map((o) => ({
      id: String(o.id),
      name: String(o.name),
      aliases: strings(o.aliases),
      kind: str(o.kind),
      validFrom: str(o.validFrom),
      validTo: str(o.validTo),
      ...sourcesOf(o),
    }))
    // The organisation exported comes first, then the rest by name.
    .sort(
      (a, b) =>
        Number(b.id === selection.subject?.id) - Number(a.id === selection.subject?.id) || byName(a, b),
    );
  const posts = rows('posts')
    .map((p) => ({
      id: String(p.id),
      title: str(p.title) ?? String(p.name),
      organisationId: str(p.organisationId),
      accountable: p.accountable !== false,
      ...sourcesOf(p),
    }))
    .sort(byName);
  const persons = rows('persons')
    .map((p) => ({
      id: String(p.id),
      name: String(p.name),
      aliases: strings(p.aliases),
      honorific: str(p.honorific),
      ...sourcesOf(p),
    }))
    .sort(byName);
  const postOrder = new Map(posts.map((p, i) => [p.id, i]));
  const tenures = rows('tenures')
    .map((t) => {
      const nb = strings(t.attestationNotBefore);
      const na = strings(t.attestationNotAfter);
      const quotes = strings(t.attestationQuotes);
      return {
        id: String(t.id),
        personId: String(t.personId),
        postId: String(t.postId),
        capacity: str(t.capacity),
        status: str(t.status),
        from: str(t.from),
        to: str(t.to),
        attestations: strings(t.attestationDocumentIds).map((documentId, i) => ({
          documentId,
          quote: quotes[i] ?? '',
          notBefore: nb[i] ?? '',
          notAfter: na[i] ?? nb[i] ?? '',
        })),
        ...sourcesOf(t),
        claims: ((t.claims ?? []) as (Props | null)[])
          .filter((c): c is Props => c !== null)
          .flatMap((c) =>
            strings(c.quotes).map((quote) => ({
              property: String(c.property),
              value: String(c.value),
              documentId: String(c.documentId),
              quote,
            })),
          ),
      };
    })
    .sort(
      (a, b) => (postOrder.get(a.postId) ?? 0) - (postOrder.get(b.postId) ?? 0) || a.id.localeCompare(b.id),
    );

  const cited = new Set<string>();
  for (const x of [...organisations, ...posts, ...persons, ...tenures])
    for (const e of x.evidence) cited.add(e.documentId);
  for (const t of tenures) {
    for (const a of t.attestations) cited.add(a.documentId);
    for (const c of t.claims) cited.add(c.documentId);
  }
  const documents = (await tx.run(DOCUMENTS, { ids: [...cited] })).records.map((r) => {
    const d = r.get('doc') as Props;
    return {
      id: String(d.id),
      title: String(d.title),
      publisher: str(d.publisher),
      author: str(d.author),
      kind: String(d.kind),
      url: str(d.url),
      published: str(d.published),
      publishedNotBefore: String(d.publishedNotBefore),
      publishedNotAfter: String(d.publishedNotAfter),
      sourceFile: str(d.sourceFile),
    };
  });
  // The contract's schema checks what leaves the server, so a writer never meets a malformed date.
  return TenureDatasetSchema.parse({
    subject: selection.subject,
    organisations,
    persons,
    posts,
    tenures,
    documents,
  });
}

function selectionOf(record: { get(key: string): unknown }): Selection {
  return {
    subject: (record.get('subject') as Selection['subject']) ?? null,
    orgIds: strings(record.get('orgIds')),
    postIds: strings(record.get('postIds')),
    personIds: strings(record.get('personIds')),
    tenureIds: strings(record.get('tenureIds')),
  };
}

/** An organisation's posts, every tenure of them and their holders; NOT_FOUND for an unknown id. */
export function readOrganisationDataset(graph: Graph, org: string): Promise<TenureDataset> {
  return graph.read(async (tx) => {
    const record = (await tx.run(ORG_SELECTION, { org })).records[0];
    if (!record) throw new AppError('NOT_FOUND', `No organisation with id '${org}'`, { id: org });
    return readSelection(tx, selectionOf(record));
  });
}

/** The tenure data among chosen nodes (people, posts, organisations, tenure ids). */
export function readNodesDataset(graph: Graph, ids: readonly string[]): Promise<TenureDataset> {
  return graph.read(async (tx) => {
    const record = (await tx.run(NODES_SELECTION, { ids: [...ids] })).records[0];
    if (!record) throw new AppError('INTERNAL', 'The export selection returned no row');
    return readSelection(tx, selectionOf(record));
  });
}
