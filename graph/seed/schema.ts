import { z } from 'zod';
import {
  CAPACITIES,
  DOCUMENT_KINDS,
  FINDING_KINDS,
  ORGANISATION_KINDS,
  STATED_RELATIONSHIP_TYPES,
  type StatedRelationshipType,
} from '../contract/seed-vocabulary.ts';
import { PartialDateSchema } from './partial-date.ts';

/**
 * The seed format. These schemas are the single source of truth for what a seed file may say;
 * the README documents them and the validator reports any departure by file, entry and path.
 */

const slug = (prefix: string) =>
  z
    .string()
    .regex(
      new RegExp(`^${prefix}:[a-z0-9]+(?:-[a-z0-9]+)*$`),
      `expected an id like '${prefix}:lower-case-words-with-hyphens'`,
    );

export const ID_PREFIX = {
  Document: 'doc',
  Person: 'person',
  Organisation: 'org',
  Post: 'post',
  Tenure: 'tenure',
  Inspection: 'inspection',
  Report: 'report',
  Finding: 'finding',
} as const;
export type NodeLabel = keyof typeof ID_PREFIX;
export const NODE_LABELS = Object.keys(ID_PREFIX) as NodeLabel[];

export const DocumentIdSchema = slug(ID_PREFIX.Document);
export const PersonIdSchema = slug(ID_PREFIX.Person);
export const OrganisationIdSchema = slug(ID_PREFIX.Organisation);
export const PostIdSchema = slug(ID_PREFIX.Post);
export const TenureIdSchema = slug(ID_PREFIX.Tenure);
export const InspectionIdSchema = slug(ID_PREFIX.Inspection);
export const ReportIdSchema = slug(ID_PREFIX.Report);
export const FindingIdSchema = slug(ID_PREFIX.Finding);
export const AnyIdSchema = z
  .string()
  .regex(
    /^(doc|person|org|post|tenure|inspection|report|finding):[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'expected an id',
  );

/** The label a node id stands for, read from its prefix. */
export function labelOfId(id: string): NodeLabel | null {
  const prefix = id.slice(0, id.indexOf(':'));
  const entry = Object.entries(ID_PREFIX).find(([, p]) => p === prefix);
  return entry ? (entry[0] as NodeLabel) : null;
}

/** One piece of evidence: the exact words of a source document. */
export const EvidenceSchema = z.strictObject({
  documentId: DocumentIdSchema,
  quote: z.string().trim().min(8, 'a quote needs at least 8 characters to prove anything'),
});
export type Evidence = z.infer<typeof EvidenceSchema>;
const evidenceList = z.array(EvidenceSchema).min(1, 'every fact needs at least one piece of evidence');

/**
 * A source cited by its address only, no words quoted (as imported from a Popolo file): weaker
 * than evidence, shown as "cited by URL, not quoted", and never enough for a stated or attested tenure.
 */
export const CitationSchema = z.strictObject({ url: z.url(), note: z.string().optional() });
export type Citation = z.infer<typeof CitationSchema>;
/** Organisations, people, posts, tenures and relationships may rest on citations alone (see `cited`). */
const citable = {
  evidence: z.array(EvidenceSchema).default([]),
  citations: z.array(CitationSchema).optional(),
};
/** The evidence rule for what may be cited: at least one piece of evidence or one citation. */
const cited = <T extends z.ZodType<{ evidence: unknown[]; citations?: unknown[] }>>(schema: T) =>
  schema.refine((v) => v.evidence.length > 0 || (v.citations ?? []).length > 0, {
    message: 'every fact needs at least one piece of evidence or one citation',
    path: ['evidence'],
  });

/** A value that sources disagree about (or agree on): each claim is kept with its own evidence. */
export const ClaimSchema = z.strictObject({
  property: z.string().regex(/^[a-z][A-Za-z]*$/, 'expected a property name'),
  value: z.string().min(1),
  evidence: evidenceList,
});

const entity = {
  evidence: evidenceList,
  claims: z.array(ClaimSchema).optional(),
  note: z.string().optional(),
};

/**
 * A date with its own evidence: either `date` (with its precision) or `notBefore`/`notAfter`
 * where a source allows only bounds. With neither, the date of the first evidence document (or
 * its bounds) is used: a source saying "X is vacant" is dated by that source.
 */
export const DatedEvidenceSchema = z
  .strictObject({
    date: PartialDateSchema.optional(),
    notBefore: PartialDateSchema.optional(),
    notAfter: PartialDateSchema.optional(),
    reason: z.string().optional(),
    evidence: evidenceList,
  })
  .refine((v) => !(v.date && (v.notBefore || v.notAfter)), 'give either `date` or `notBefore`/`notAfter`')
  .refine((v) => !v.notBefore === !v.notAfter, 'give both `notBefore` and `notAfter`');
export type DatedEvidence = z.infer<typeof DatedEvidenceSchema>;

// ---- documents --------------------------------------------------------------------------------

const ExactPublication = z.strictObject({
  date: PartialDateSchema,
  /** The words in the text that print the date, when it prints one. */
  quote: z.string().min(4).optional(),
});
const BoundedPublication = z.strictObject({
  notBefore: PartialDateSchema,
  notAfter: PartialDateSchema,
  reason: z.string().min(10, 'say why the date lies between these bounds'),
});
export const PublicationSchema = z.union([ExactPublication, BoundedPublication]);
export type Publication = z.infer<typeof PublicationSchema>;

export const DocumentMetaSchema = z.strictObject({
  id: DocumentIdSchema,
  /** The text file beside this metadata file. */
  text: z.string().regex(/^[^/\\]+\.txt$/, 'expected the name of a .txt file in the same folder'),
  title: z.string().min(3),
  publisher: z.string().min(2).nullable(),
  /** Why the publisher is unknown, when it is. */
  publisherNote: z.string().optional(),
  author: z.string().min(2).nullable().default(null),
  kind: z.enum(DOCUMENT_KINDS),
  url: z.url().nullable().default(null),
  published: PublicationSchema,
  note: z.string().optional(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

// ---- entities ---------------------------------------------------------------------------------

export const OrganisationSchema = z.strictObject({
  id: OrganisationIdSchema,
  name: z.string().min(2),
  aliases: z.array(z.string().min(2)).default([]),
  kind: z.enum(ORGANISATION_KINDS),
  validFrom: PartialDateSchema.optional(),
  validTo: PartialDateSchema.optional(),
  ...entity,
  ...citable,
});

export const PersonSchema = z.strictObject({
  id: PersonIdSchema,
  name: z.string().min(2),
  aliases: z.array(z.string().min(2)).default([]),
  honorific: z.string().optional(),
  ...entity,
  ...citable,
});

export const PostSchema = z.strictObject({
  id: PostIdSchema,
  title: z.string().min(2),
  organisation: OrganisationIdSchema,
  /**
   * Whether the post answers for its organisation. False for posts that speak for it without
   * answering for it (a press officer); those are left out of "who was accountable".
   */
  accountable: z.boolean().default(true),
  /** Sources stating that the post was vacant, each dated by its own date or bounds (or its document's). */
  vacancies: z.array(DatedEvidenceSchema).default([]),
  ...entity,
  ...citable,
});

/** A source showing the person in post on the date of that source. */
export const AttestationSchema = z.strictObject({
  documentId: DocumentIdSchema,
  quote: z.string().trim().min(8),
  /** Defaults to the document's publication date (or its bounds). */
  date: PartialDateSchema.optional(),
});

/** A tenure's start or end: a bare date (the tenure's evidence supports it) or a date with its own evidence. */
export const TenureBoundSchema = z.union([PartialDateSchema, DatedEvidenceSchema]);
export type TenureBound = z.infer<typeof TenureBoundSchema>;

export const PERIOD_KINDS = ['suspended', 'on-leave', 'seconded'] as const;

/** A stretch inside a tenure when the holder held the post but did not do it (suspended, on leave, seconded). */
export const PeriodSchema = z.strictObject({
  kind: z.enum(PERIOD_KINDS),
  /** Omitted when the sources only say the period was under way on their date (see `evidence`). */
  from: TenureBoundSchema.optional(),
  to: TenureBoundSchema.optional(),
  evidence: evidenceList,
  note: z.string().optional(),
});
export type Period = z.infer<typeof PeriodSchema>;

export const END_REASONS = [
  'resigned',
  'retired',
  'dismissed',
  'term-ended',
  'died',
  'post-abolished',
  'organisation-dissolved',
  'organisation-succeeded',
  'replaced',
  'other',
] as const;

/** How a tenure ended, when a source says: the reason, and when (its date or bounds) with evidence. */
export const TenureEndSchema = z
  .strictObject({
    reason: z.enum(END_REASONS),
    date: PartialDateSchema.optional(),
    notBefore: PartialDateSchema.optional(),
    notAfter: PartialDateSchema.optional(),
    evidence: evidenceList,
    note: z.string().optional(),
  })
  .refine((v) => !(v.date && (v.notBefore || v.notAfter)), 'give either `date` or `notBefore`/`notAfter`')
  .refine((v) => !v.notBefore === !v.notAfter, 'give both `notBefore` and `notAfter`');
export type TenureEnd = z.infer<typeof TenureEndSchema>;

export const TenureSchema = z.strictObject({
  id: TenureIdSchema,
  person: PersonIdSchema,
  post: PostIdSchema,
  capacity: z.enum(CAPACITIES).optional(),
  status: z.string().optional(),
  /** Stated bounds of the tenure, only where a source states them; each may carry its own evidence. */
  from: TenureBoundSchema.optional(),
  to: TenureBoundSchema.optional(),
  attestations: z.array(AttestationSchema).default([]),
  periods: z.array(PeriodSchema).default([]),
  end: TenureEndSchema.optional(),
  ...entity,
  ...citable,
});

/** Where the sources print no date for an event, the bounds they imply and why. */
export const DateBoundsSchema = z.strictObject({
  notBefore: PartialDateSchema,
  notAfter: PartialDateSchema,
  reason: z.string().min(10, 'say why the date lies between these bounds'),
});

export const InspectionSchema = z.strictObject({
  id: InspectionIdSchema,
  name: z.string().min(3),
  kind: z.string().min(3),
  framework: z.string().optional(),
  from: PartialDateSchema.optional(),
  to: PartialDateSchema.optional(),
  outcome: z.string().optional(),
  dateBounds: DateBoundsSchema.optional(),
  ...entity,
});

export const ReportSchema = z.strictObject({
  id: ReportIdSchema,
  name: z.string().min(3),
  kind: z.string().min(3),
  published: PartialDateSchema.optional(),
  outcome: z.string().optional(),
  dateBounds: DateBoundsSchema.optional(),
  ...entity,
});

export const FindingSchema = z.strictObject({
  id: FindingIdSchema,
  /** The report or inspection that made the finding. */
  foundBy: z.union([ReportIdSchema, InspectionIdSchema]),
  text: z.string().min(5),
  kind: z.enum(FINDING_KINDS),
  theme: z.string().optional(),
  /** For a measured figure: the value as printed, e.g. "85%". */
  value: z.string().optional(),
  ...entity,
});

// ---- relationships ----------------------------------------------------------------------------

/**
 * Relationship types a seed may state, with the labels allowed at each end.
 * HELD, OF_POST, POST_IN, FOUND, CLAIMS and MENTIONS are derived by the loader from the entities.
 */
export const RELATIONSHIP_RULES = {
  REPORTS_TO: { source: ['Organisation', 'Post'], target: ['Organisation', 'Post'] },
  PART_OF: { source: ['Organisation'], target: ['Organisation'] },
  INSPECTED: { source: ['Inspection'], target: ['Organisation'] },
  CONDUCTED_BY: { source: ['Inspection', 'Report'], target: ['Organisation', 'Person'] },
  REPORTED_ON: { source: ['Report'], target: ['Inspection'] },
  FOLLOW_UP_OF: { source: ['Inspection', 'Report'], target: ['Inspection', 'Report'] },
  ASSESSED: { source: ['Inspection', 'Report'], target: ['Finding'] },
  RESPONDS_TO: { source: ['Report'], target: ['Report', 'Inspection'] },
  ADDRESSES: { source: ['Report'], target: ['Finding'] },
  APPROVED: { source: ['Organisation', 'Person'], target: ['Report'] },
  RESPONSIBLE_FOR: {
    source: ['Organisation', 'Post', 'Person'],
    target: ['Report', 'Organisation', 'Finding', 'Inspection'],
  },
  CONCERNS: { source: ['Finding', 'Report', 'Inspection'], target: ['Organisation'] },
  SUCCEEDED_BY: { source: ['Organisation', 'Post'], target: ['Organisation', 'Post'] },
  STATED: {
    source: ['Person', 'Organisation'],
    target: ['Report', 'Inspection', 'Finding', 'Organisation', 'Person', 'Document'],
  },
  PUBLISHED: { source: ['Organisation'], target: ['Document', 'Report'] },
  AUTHORED: { source: ['Person', 'Organisation'], target: ['Document', 'Report'] },
  MEMBER_OF: { source: ['Person', 'Organisation'], target: ['Organisation'] },
} as const satisfies Record<
  StatedRelationshipType,
  { source: readonly NodeLabel[]; target: readonly NodeLabel[] }
>;
export const DERIVED_RELATIONSHIP_TYPES = [
  'HELD',
  'OF_POST',
  'POST_IN',
  'FOUND',
  'CLAIMS',
  'MENTIONS',
] as const;
export type DerivedRelationshipType = (typeof DERIVED_RELATIONSHIP_TYPES)[number];
export type RelationshipType = StatedRelationshipType | DerivedRelationshipType;
export {
  CAPACITIES,
  DOCUMENT_KINDS,
  FINDING_KINDS,
  ORGANISATION_KINDS,
  STATED_RELATIONSHIP_TYPES,
  type StatedRelationshipType,
};
export const RELATIONSHIP_TYPES: readonly RelationshipType[] = [
  ...STATED_RELATIONSHIP_TYPES,
  ...DERIVED_RELATIONSHIP_TYPES,
];

export const RelationshipSchema = z.strictObject({
  type: z.enum(STATED_RELATIONSHIP_TYPES),
  source: AnyIdSchema,
  target: AnyIdSchema,
  /** Tells apart two relationships of one type between the same two nodes (e.g. two statements). */
  key: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .optional(),
  /** When the relationship began and ended, where a source says so. */
  from: PartialDateSchema.optional(),
  to: PartialDateSchema.optional(),
  /** The date of a point event: a statement, an approval, a succession. */
  date: PartialDateSchema.optional(),
  /** A short qualifier: a role ("implements and monitors"), a progress judgement ("insufficient"), … */
  qualifier: z.string().optional(),
  /** For STATED: the words said. They must be found in the evidence document. */
  text: z.string().optional(),
  ...citable,
  claims: z.array(ClaimSchema).optional(),
  note: z.string().optional(),
});

/**
 * An attestation kept apart from its tenure: a document's own facts file can attest a tenure kept in
 * another (curated) file. The planner merges it into that tenure, as if listed there.
 */
export const TenureAttestationSchema = AttestationSchema.extend({ tenure: TenureIdSchema });
export type TenureAttestation = z.infer<typeof TenureAttestationSchema>;

/** One facts file: any of these lists, so facts can be grouped by theme or by document. */
export const FactsFileSchema = z.strictObject({
  organisations: z.array(cited(OrganisationSchema)).default([]),
  people: z.array(cited(PersonSchema)).default([]),
  posts: z.array(cited(PostSchema)).default([]),
  tenures: z.array(cited(TenureSchema)).default([]),
  inspections: z.array(InspectionSchema).default([]),
  reports: z.array(ReportSchema).default([]),
  findings: z.array(FindingSchema).default([]),
  relationships: z.array(cited(RelationshipSchema)).default([]),
  attestations: z.array(TenureAttestationSchema).default([]),
});

export type Organisation = z.infer<typeof OrganisationSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Post = z.infer<typeof PostSchema>;
export type Tenure = z.infer<typeof TenureSchema>;
export type Attestation = z.infer<typeof AttestationSchema>;
export type Inspection = z.infer<typeof InspectionSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type Relationship = z.infer<typeof RelationshipSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type FactsFile = z.infer<typeof FactsFileSchema>;
export type FactsCollection = keyof FactsFile;
export const FACT_COLLECTIONS = Object.keys(FactsFileSchema.shape) as FactsCollection[];
