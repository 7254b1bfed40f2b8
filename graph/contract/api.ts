import { z } from 'zod';
import { ERROR_CODES } from './error-codes.ts';

export type { ErrorCode } from './error-codes.ts';

/**
 * The HTTP API's request and response shapes. The server validates requests with these and the
 * client types its calls from them; docs/api in the README follows this file.
 */

/** Response schemas are strict: a field the server sends must be in its schema, so the tests see it. */
export const ErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** What the error is about: the field and why (400), the id (404), where in the query (Cypher). */
    details: z.record(z.string(), z.unknown()),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const EvidenceSchema = z.object({ documentId: z.string(), quote: z.string() });
export type Evidence = z.infer<typeof EvidenceSchema>;

/**
 * A source cited by its address only, no words quoted (imported from a Popolo file). Weaker than
 * evidence: shown as "cited by URL, not quoted". What rests on citations alone has
 * `evidenceKind: 'cited'`, and a tenure resting on them is never more than `possible`.
 */
export const CitationSchema = z.object({ url: z.string(), note: z.string().nullable() });
export type Citation = z.infer<typeof CitationSchema>;
const cited = {
  citations: z.array(CitationSchema).optional(),
  evidenceKind: z.literal('cited').optional(),
};

/**
 * How sure the sources make a holder on a date: `stated` (a source gives a tenure covering it),
 * `attested` (a source of that date shows the person in post), `inferred` (between two attestations
 * of the same holder, with nothing known in between that contradicts it), `possible` (a source whose
 * date is known only within bounds that include the date shows the person in post, or a stated start
 * with no end and nothing known after it).
 */
export const CERTAINTIES = ['stated', 'attested', 'inferred', 'possible'] as const;
export const CertaintySchema = z.enum(CERTAINTIES);
export type Certainty = z.infer<typeof CertaintySchema>;

/** A node as Cytoscape takes it. `label` is the node's Neo4j label. */
export const ElementNodeSchema = z.object({
  data: z
    .object({
      id: z.string(),
      label: z.string(),
      name: z.string(),
      kind: z.string().nullable().optional(),
      /** The date the node stands at, where it has one (an inspection's start, a report's publication). */
      date: z.string().nullable().optional(),
      disputed: z.array(z.string()).optional(),
      ...cited,
    })
    .catchall(z.unknown()),
});
export type ElementNode = z.infer<typeof ElementNodeSchema>;

/**
 * A relationship as Cytoscape takes it. HOLDS edges stand for a whole tenure (Person → Post):
 * their id is the tenure's id, and `certainty` says how the tenure is known.
 */
export const ElementEdgeSchema = z.object({
  data: z
    .object({
      id: z.string(),
      source: z.string(),
      target: z.string(),
      type: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      qualifier: z.string().nullable(),
      evidence: z.array(EvidenceSchema),
      capacity: z.string().nullable().optional(),
      status: z.string().nullable().optional(),
      /** For HOLDS: `stated` when a source gives the tenure's bounds, else `attested`; absent when only cited. */
      known: z.enum(['stated', 'attested']).optional(),
      attestedOn: z.array(z.string()).optional(),
      /**
       * Set on relationships returned for a date (`at=`): `certain` when the sources put it in force
       * on that day, `possible` when its span only may cover the day (a year-dated start, a source
       * known only within bounds). Drawn differently by the client.
       */
      inForce: z.enum(['certain', 'possible']).optional(),
      date: z.string().nullable().optional(),
      text: z.string().nullable().optional(),
      ...cited,
    })
    .catchall(z.unknown()),
});
export type ElementEdge = z.infer<typeof ElementEdgeSchema>;

export const ElementsSchema = z.object({
  nodes: z.array(ElementNodeSchema),
  edges: z.array(ElementEdgeSchema),
});
export type Elements = z.infer<typeof ElementsSchema>;

// ---- requests ---------------------------------------------------------------------------------

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD (a year or month is not widened into a day)')
  .refine((value) => {
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
  }, 'not a day of the calendar');
export const DaySchema = day;

const nodeId = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[a-z]+:[a-z0-9-]+$/, 'expected a node id like org:bury-council');
export const NodeIdSchema = nodeId;

const csvList = z
  .string()
  .max(500)
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[A-Z_]+$/, 'expected relationship types like HOLDS,INSPECTED')));

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q is required').max(200),
  label: z
    .string()
    .regex(/^[A-Za-z]+$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const NeighboursQuerySchema = z.object({
  at: day.optional(),
  types: csvList.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AccountabilityQuerySchema = z.union([
  z.object({ org: nodeId, at: day }).strict(),
  z.object({ finding: nodeId }).strict(),
  /** A report or an inspection: the same chain as from a finding, starting one step later. */
  z.object({ report: nodeId }).strict(),
]);

export const TimelineQuerySchema = z.union([
  z.object({ org: nodeId }).strict(),
  z.object({ person: nodeId }).strict(),
]);

// ---- responses --------------------------------------------------------------------------------

/** 200 `ok` with the server and the graph's size, or 503 `degraded` with why. */
export const HealthSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('ok'),
    neo4j: z.strictObject({ status: z.literal('up'), version: z.string(), edition: z.string() }),
    graph: z.strictObject({ nodes: z.number().int().min(0), relationships: z.number().int().min(0) }),
  }),
  z.strictObject({
    status: z.literal('degraded'),
    neo4j: z.strictObject({ status: z.literal('down') }),
    // The client also stands for a server it could not reach at all, with no error to give.
    error: ErrorBodySchema.shape.error.optional(),
  }),
]);
export type Health = z.infer<typeof HealthSchema>;

const count = z.number().int().min(0);
export const GraphSchemaSchema = z.strictObject({
  labels: z.array(z.strictObject({ label: z.string(), count })),
  relationshipTypes: z.array(z.strictObject({ type: z.string(), count })),
  propertyKeys: z.array(z.string()),
});
export type GraphSchemaInfo = z.infer<typeof GraphSchemaSchema>;

export const SearchResultSchema = z.strictObject({
  results: z.array(
    z.strictObject({ id: z.string(), label: z.string(), name: z.string(), score: z.number().min(0) }),
  ),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

/** What Neo4j can store as a property: a string, number or boolean, or a list of them. */
const scalar = z.union([z.string(), z.number(), z.boolean()]);
export const PropertyValueSchema = z.union([scalar, z.array(scalar)]);

export const NodeDetailSchema = z.strictObject({
  node: z.strictObject({
    id: z.string(),
    label: z.string(),
    name: z.string(),
    properties: z.record(z.string(), PropertyValueSchema),
  }),
  evidence: z.array(EvidenceSchema),
  citations: z.array(CitationSchema).optional(),
  /** Claims sources make about this node's properties, agreeing or not. */
  claims: z.array(
    z.strictObject({ property: z.string(), value: z.string(), documentId: z.string(), quote: z.string() }),
  ),
  degree: z.number().int().min(0),
});
export type NodeDetail = z.infer<typeof NodeDetailSchema>;

export const NeighboursSchema = z.strictObject({
  elements: ElementsSchema,
  total: z.number().int().min(0),
  truncated: z.boolean(),
});
export type Neighbours = z.infer<typeof NeighboursSchema>;

export const DocumentSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  kind: z.string(),
  /** The publication date with its precision, or null when only bounds are known. */
  published: z.string().nullable(),
  publishedNotBefore: z.string(),
  publishedNotAfter: z.string(),
  publishedReason: z.string().nullable(),
  url: z.string().nullable(),
  text: z.string(),
});
export type DocumentView = z.infer<typeof DocumentSchema>;

const Ref = z.object({ id: z.string(), name: z.string() });

/** What a holder was doing on the date: in post, or holding it while suspended, on leave or seconded. */
export const ACTIVITIES = ['in-post', 'suspended', 'on-leave', 'seconded'] as const;
export const ActivitySchema = z.enum(ACTIVITIES);
export type Activity = z.infer<typeof ActivitySchema>;

/** A source bearing on a date: its words, and its own date or the bounds it is known within. */
export const DatedSourceSchema = z.object({
  documentId: z.string(),
  quote: z.string(),
  /** The date with its precision, or `notBefore/notAfter`. */
  date: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
});
export type DatedSource = z.infer<typeof DatedSourceSchema>;

/** A stretch inside a tenure when the holder was suspended, on leave or seconded. */
export const TenurePeriodSchema = z.object({
  kind: ActivitySchema.exclude(['in-post']),
  /** Its start and end with their precision (or bounds); null where the sources do not say. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** The date of the source reporting it, for a period the sources give no dates for. */
  reported: z.string().nullable(),
  evidence: z.array(EvidenceSchema),
});
export type TenurePeriod = z.infer<typeof TenurePeriodSchema>;

/** How a tenure ended, when a source says. */
export const TenureEndSchema = z.object({
  reason: z.string(),
  date: z.string().nullable(),
  evidence: z.array(EvidenceSchema),
});
export type TenureEndView = z.infer<typeof TenureEndSchema>;

/** A source stating that a post was vacant, with its date or bounds. */
export const VacancySchema = z.object({
  post: z.object({ id: z.string(), title: z.string() }),
  organisation: Ref,
  date: z.string(),
  evidence: z.array(EvidenceSchema),
});
export type Vacancy = z.infer<typeof VacancySchema>;

export const HolderSchema = z.object({
  person: Ref,
  post: z.object({ id: z.string(), title: z.string() }),
  organisation: Ref,
  tenureId: z.string(),
  qualifier: z.string().nullable(),
  capacity: z.string().nullable(),
  status: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  certainty: CertaintySchema,
  /** Why this certainty: which attestations bracket or match the date. */
  basis: z.string(),
  /** What the holder was doing on the date, and why the sources say so. */
  activity: ActivitySchema,
  activityBasis: z.string().nullable(),
  attestations: z.array(
    z.object({ documentId: z.string(), quote: z.string(), notBefore: z.string(), notAfter: z.string() }),
  ),
  /** The evidence for the stated start and end, where the sources give it apart. */
  fromEvidence: z.array(EvidenceSchema),
  toEvidence: z.array(EvidenceSchema),
  periods: z.array(TenurePeriodSchema),
  end: TenureEndSchema.nullable(),
  evidence: z.array(EvidenceSchema),
  ...cited,
});
export type Holder = z.infer<typeof HolderSchema>;

/** A post whose holder on the date the sources do not tell, with the nearest things they do tell. */
export const UnknownPostSchema = z.object({
  post: z.object({ id: z.string(), title: z.string() }),
  organisation: Ref,
  lastKnownBefore: z.object({ person: Ref, date: z.string() }).nullable(),
  nextKnownAfter: z.object({ person: Ref, date: z.string() }).nullable(),
  /**
   * Every source that bears on the date: the nearest attestations before and after, and every one
   * whose window contains the date, each with the holder it shows.
   */
  sources: z
    .array(
      DatedSourceSchema.extend({
        person: Ref,
        tenureId: z.string(),
        relation: z.enum(['before', 'after', 'around']),
      }),
    )
    // Optional only so that older callers constructing this shape by hand still type-check.
    .optional(),
});

export const AccountabilityByOrgSchema = z.object({
  organisation: Ref,
  at: z.string(),
  scope: z.array(z.object({ id: z.string(), name: z.string(), relation: z.string() })),
  holders: z.array(HolderSchema),
  notKnown: z.array(UnknownPostSchema),
  /** Sources stating a post vacant within a window that includes the date. */
  vacancies: z.array(VacancySchema),
});
export type AccountabilityByOrg = z.infer<typeof AccountabilityByOrgSchema>;

export const AccountabilityByFindingSchema = z.object({
  finding: z.object({
    id: z.string(),
    text: z.string(),
    kind: z.string(),
    evidence: z.array(EvidenceSchema),
  }),
  report: z.object({ id: z.string(), label: z.string(), name: z.string(), date: z.string().nullable() }),
  /** The day holders were looked up for, and why that day. Null when no day is known. */
  at: z.string().nullable(),
  atBasis: z.string(),
  organisations: z.array(
    z.object({ id: z.string(), name: z.string(), how: z.string(), evidence: z.array(EvidenceSchema) }),
  ),
  holders: z.array(HolderSchema),
  notKnown: z.array(UnknownPostSchema),
  vacancies: z.array(VacancySchema),
});
export type AccountabilityByFinding = z.infer<typeof AccountabilityByFindingSchema>;

export const TIMELINE_KINDS = [
  'tenure',
  'attestation',
  'inspection',
  'report',
  'finding',
  'statement',
  'document',
  'vacancy',
] as const;
export const TimelineEventSchema = z.object({
  date: z.string(),
  precision: z.enum(['year', 'month', 'day', 'bounded']),
  kind: z.enum(TIMELINE_KINDS),
  id: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  relatedIds: z.array(z.string()),
  evidence: z.array(EvidenceSchema),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
export const TimelineSchema = z.object({
  subject: z.object({ id: z.string(), label: z.string(), name: z.string() }),
  events: z.array(TimelineEventSchema),
});
export type Timeline = z.infer<typeof TimelineSchema>;

export const CypherRequestSchema = z.object({
  query: z.string().min(1, 'query is required'),
  params: z.record(z.string(), z.unknown()).optional(),
});
export const CypherResponseSchema = z.strictObject({
  columns: z.array(z.string()),
  /** One value a column; nodes, relationships and paths as plain objects (see record-mapper.ts). */
  rows: z.array(z.array(z.json())),
  elements: ElementsSchema,
  summary: z.strictObject({
    rows: z.number().int().min(0),
    truncated: z.boolean(),
    resultAvailableAfterMs: z.number().min(0),
  }),
});
export type CypherResponse = z.infer<typeof CypherResponseSchema>;

// Saved views (GET/POST /api/views, GET/DELETE /api/views/:id) have their shapes in their own file.
export * from './saved-view.ts';
