import { z } from 'zod';

/**
 * The exports in the formats office-holder trackers use (Popolo, FollowTheMoney, GEXF with time,
 * Wikidata-style statements): the tenure data every writer reads, and the requests that ask for it.
 * Dates are kept as the sources give them (`2017`, `2017-06`, `2017-06-12`), never widened.
 */

export const TRACKER_FORMATS = ['popolo', 'ftm', 'gexf', 'wikidata'] as const;
export const TrackerFormatSchema = z.enum(TRACKER_FORMATS);
export type TrackerFormat = z.infer<typeof TrackerFormatSchema>;

/** The file each format is written as: extension and media type. */
export const TRACKER_FILES: Readonly<Record<TrackerFormat, { extension: string; mediaType: string }>> = {
  popolo: { extension: 'popolo.json', mediaType: 'application/json; charset=utf-8' },
  ftm: { extension: 'ftm.ndjson', mediaType: 'application/x-ndjson; charset=utf-8' },
  gexf: { extension: 'gexf', mediaType: 'application/gexf+xml; charset=utf-8' },
  wikidata: { extension: 'wikidata.csv', mediaType: 'text/csv; charset=utf-8' },
};

const id = z.string().regex(/^[a-z]+:[a-z0-9-]+$/, 'expected a node id like org:bury-council');
/** A date with its precision: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PartialDateTextSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}){0,2}$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const date = PartialDateTextSchema;

/** A quoted source: a seed document and the exact words in it. */
const EvidenceSchema = z.object({ documentId: z.string(), quote: z.string() });

/**
 * A source of the weaker kind, "cited by URL, not quoted" (imported from a Popolo file): an address
 * and what the citer said of it, no words found in a document. `kind` says so on every source, so a
 * writer cannot mistake it for a quote.
 */
export const DatasetCitationSchema = z.object({
  kind: z.literal('cited'),
  url: z.string(),
  note: z.string().nullable(),
});
export type DatasetCitation = z.infer<typeof DatasetCitationSchema>;

/**
 * What an entry rests on: `quoted` when at least one source quotes a seed document, `cited` when
 * it rests on citations alone. A `cited` tenure is never more than `possible`, whatever dates its
 * citations give. Required, never defaulted: a reader that forgets it must fail, not say `quoted`.
 */
export const EVIDENCE_KINDS = ['quoted', 'cited'] as const;
export const EvidenceKindSchema = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;
/** Every entry's sources: the quoted ones (`evidence`), the cited ones, and which kind it rests on. */
const sourced = {
  evidence: z.array(EvidenceSchema),
  citations: z.array(DatasetCitationSchema),
  evidenceKind: EvidenceKindSchema,
};

/** A source dated `notBefore`..`notAfter` (equal when the source prints its date) showing the person in post. */
export const DatasetAttestationSchema = z.object({
  documentId: z.string(),
  quote: z.string(),
  notBefore: date,
  notAfter: date,
});
export type DatasetAttestation = z.infer<typeof DatasetAttestationSchema>;

/** One source's value for a property the sources may disagree about (Karen Dolton: interim or acting). */
export const DatasetClaimSchema = z.object({
  property: z.string(),
  value: z.string(),
  documentId: z.string(),
  quote: z.string(),
});

export const DatasetTenureSchema = z.object({
  id,
  personId: id,
  postId: id,
  capacity: z.string().nullable(),
  status: z.string().nullable(),
  /** Only where a source states them (for a `cited` tenure: where a citation gives them). */
  from: date.nullable(),
  to: date.nullable(),
  attestations: z.array(DatasetAttestationSchema),
  ...sourced,
  claims: z.array(DatasetClaimSchema),
});
export type DatasetTenure = z.infer<typeof DatasetTenureSchema>;

export const DatasetPersonSchema = z.object({
  id,
  name: z.string(),
  aliases: z.array(z.string()),
  honorific: z.string().nullable(),
  ...sourced,
});
export type DatasetPerson = z.infer<typeof DatasetPersonSchema>;

export const DatasetOrganisationSchema = z.object({
  id,
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.string().nullable(),
  validFrom: date.nullable(),
  validTo: date.nullable(),
  ...sourced,
});
export type DatasetOrganisation = z.infer<typeof DatasetOrganisationSchema>;

export const DatasetPostSchema = z.object({
  id,
  title: z.string(),
  organisationId: id.nullable(),
  accountable: z.boolean(),
  ...sourced,
});
export type DatasetPost = z.infer<typeof DatasetPostSchema>;

export const DatasetDocumentSchema = z.object({
  id,
  title: z.string(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  kind: z.string(),
  /** The document's own address, where the seeds give one. */
  url: z.string().nullable(),
  /** The publication date with its precision, or null when only bounds are known. */
  published: date.nullable(),
  publishedNotBefore: date,
  publishedNotAfter: date,
  /** The text file the document was loaded from. */
  sourceFile: z.string().nullable(),
});
export type DatasetDocument = z.infer<typeof DatasetDocumentSchema>;

/** Everything the tracker formats say: people, organisations, posts, tenures and their sources. */
export const TenureDatasetSchema = z.object({
  /** What was exported: an organisation, or null for a chosen set of nodes (the explorer's view). */
  subject: z.object({ id, name: z.string() }).nullable(),
  organisations: z.array(DatasetOrganisationSchema),
  persons: z.array(DatasetPersonSchema),
  posts: z.array(DatasetPostSchema),
  tenures: z.array(DatasetTenureSchema),
  documents: z.array(DatasetDocumentSchema),
});
export type TenureDataset = z.infer<typeof TenureDatasetSchema>;

// ---- requests ---------------------------------------------------------------------------------

/** `GET /api/exports/dataset?org=` and `GET /api/exports/:format?org=`: an organisation's posts and tenures. */
export const ExportOrgQuerySchema = z.object({ org: id });

/** `POST /api/exports/dataset`: the tenures among these nodes (the explorer's visible view). */
export const ExportNodesBodySchema = z.object({
  nodeIds: z.array(id).min(1, 'name at least one node').max(5000),
});
export type ExportNodesBody = z.infer<typeof ExportNodesBodySchema>;
