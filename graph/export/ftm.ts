import type { DatasetCitation, TenureDataset } from '../contract/exports.ts';
import { boundsText } from './dates.ts';
import type { FtmEntity } from './ftm-schema.ts';
import { documentIndex, documentLine, documentUrl, type SourceOptions } from './sources.ts';
import { CITED_BY_URL, citationNote, tenureCertainty } from './tenure-evidence.ts';

/**
 * The tenure data as FollowTheMoney entities, one JSON object a line, as Aleph and `ftm` tools read
 * them: Person, Organization, Position (with its organization), Occupancy (holder, post, stated
 * `startDate`/`endDate`, the days sources show the person in post as `date`) and Document for every
 * source. `proof` points at the Documents on the Things that have it (Person, Organization,
 * Position); FtM gives Occupancy no `proof`, so an occupancy names its sources and quotes in
 * `description` and links them in `sourceUrl`, and a Documentation entity carries each quote from a
 * Document to the Person, Organization or Position it supports.
 *
 * A source cited by its address only (imported, no words found in a document) is no Document and
 * no `proof`: its URL goes in `sourceUrl` and `notes` (or, on an Occupancy, `description`) say
 * "cited by URL, not quoted". An occupancy resting on citations alone says in its description that
 * its certainty is `possible`, so its `startDate`/`endDate` are not read as stated by a source.
 */

type Quoted = { documentId: string; quote: string };

/** FtM ids allow letters, digits, dots and hyphens: `person:pat-jones` becomes `person.pat-jones`. */
export function ftmId(id: string): string {
  return id.replace(/:/g, '.');
}

/** A citation as a line of text: the mark, what the citer said, and the address. */
const citationLine = (c: DatasetCitation) => `${citationNote(c)} <${c.url}>`;
/** Only http(s) addresses are FtM urls; a citation may be any URI. */
const httpOnly = (urls: readonly string[]) => urls.filter((u) => /^https?:\/\//.test(u));

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];
/** A property only when it has values, as FtM writes entities. */
function props(fields: Record<string, readonly string[] | null | undefined>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(fields)) {
    const list = distinct((values ?? []).filter((v) => v !== ''));
    if (list.length > 0) out[key] = list;
  }
  return out;
}

export function datasetToFtm(dataset: TenureDataset, options: SourceOptions = {}): FtmEntity[] {
  const doc = documentIndex(dataset);
  const proof = (evidence: readonly Quoted[]) => distinct(evidence.map((e) => ftmId(e.documentId)));
  // Only real addresses go in FtM's url properties; a URN is not a URL to FtM.
  const httpUrl = (documentId: string) => {
    const url = documentUrl(doc(documentId), options);
    return /^https?:\/\//.test(url) ? url : null;
  };
  const entities: Record<string, unknown>[] = [];
  const documentation = (target: string, evidence: readonly Quoted[]) => {
    evidence.forEach((e, i) => {
      entities.push({
        id: ftmId(`${target}.evidence-${i + 1}`),
        schema: 'Documentation',
        properties: props({
          document: [ftmId(e.documentId)],
          entity: [ftmId(target)],
          role: ['evidence'],
          summary: [e.quote],
        }),
      });
    });
  };

  for (const d of dataset.documents)
    entities.push({
      id: ftmId(d.id),
      schema: 'Document',
      properties: props({
        title: [d.title],
        fileName: [d.sourceFile ?? `${d.id.slice(d.id.indexOf(':') + 1)}.txt`],
        mimeType: ['text/plain'],
        publisher: d.publisher ? [d.publisher] : [],
        author: d.author ? [d.author] : [],
        publishedAt: d.published ? [d.published] : [],
        sourceUrl: httpUrl(d.id) ? [httpUrl(d.id) as string] : [],
        notes: d.published
          ? []
          : [
              `The text prints no date: published between ${d.publishedNotBefore} and ${d.publishedNotAfter}.`,
            ],
      }),
    });
  for (const o of dataset.organisations) {
    entities.push({
      id: ftmId(o.id),
      schema: 'Organization',
      properties: props({
        name: [o.name],
        alias: o.aliases,
        classification: o.kind ? [o.kind] : [],
        incorporationDate: o.validFrom ? [o.validFrom] : [],
        dissolutionDate: o.validTo ? [o.validTo] : [],
        proof: proof(o.evidence),
        sourceUrl: httpOnly(o.citations.map((c) => c.url)),
        notes: o.citations.map(citationLine),
      }),
    });
    documentation(o.id, o.evidence);
  }
  for (const p of dataset.persons) {
    entities.push({
      id: ftmId(p.id),
      schema: 'Person',
      properties: props({
        name: [p.name],
        alias: p.aliases,
        title: p.honorific ? [p.honorific] : [],
        proof: proof(p.evidence),
        sourceUrl: httpOnly(p.citations.map((c) => c.url)),
        notes: p.citations.map(citationLine),
      }),
    });
    documentation(p.id, p.evidence);
  }
  for (const p of dataset.posts) {
    entities.push({
      id: ftmId(p.id),
      schema: 'Position',
      properties: props({
        name: [p.title],
        organization: p.organisationId ? [ftmId(p.organisationId)] : [],
        proof: proof(p.evidence),
        sourceUrl: httpOnly(p.citations.map((c) => c.url)),
        notes: p.citations.map(citationLine),
      }),
    });
    documentation(p.id, p.evidence);
  }
  for (const t of dataset.tenures) {
    const attested = t.attestations.map(
      (a) =>
        `In post on ${boundsText(a.notBefore, a.notAfter)} according to ${documentLine(doc(a.documentId))}: “${a.quote}”`,
    );
    const attestedQuote = new Set(t.attestations.map((a) => `${a.documentId}\n${a.quote}`));
    const quoted = t.evidence
      .filter((e) => !attestedQuote.has(`${e.documentId}\n${e.quote}`))
      .map((e) => `${documentLine(doc(e.documentId))}: “${e.quote}”`);
    entities.push({
      id: ftmId(t.id),
      schema: 'Occupancy',
      properties: props({
        holder: [ftmId(t.personId)],
        post: [ftmId(t.postId)],
        startDate: t.from ? [t.from] : [],
        endDate: t.to ? [t.to] : [],
        // Days (or months, years) a source shows the person in post; bounds that are not one date
        // cannot be an FtM date and are said in the description instead.
        date: t.attestations.filter((a) => a.notBefore === a.notAfter).map((a) => a.notBefore),
        status: t.status ? [t.status] : [],
        summary: t.capacity ? [t.capacity] : [],
        description: [
          ...(t.evidenceKind === 'cited'
            ? [`Certainty: ${tenureCertainty(t)}. Every source is ${CITED_BY_URL}.`]
            : []),
          ...attested,
          ...quoted,
          ...t.citations.map(citationLine),
        ],
        sourceUrl: [
          ...t.evidence.map((e) => httpUrl(e.documentId)).filter((u): u is string => u !== null),
          ...httpOnly(t.citations.map((c) => c.url)),
        ],
      }),
    });
  }
  return entities as FtmEntity[];
}

/** Newline-delimited JSON: one entity a line, documents first so readers meet them before use. */
export function ftmNdjson(dataset: TenureDataset, options: SourceOptions = {}): string {
  return datasetToFtm(dataset, options)
    .map((e) => JSON.stringify(e))
    .join('\n')
    .concat('\n');
}
