import { z } from 'zod';
import { DOCUMENT_KINDS } from './seed-vocabulary.ts';

/**
 * The Sources API (`/api/sources`): list the documents, add one from text or HTML, annotate it with
 * facts whose quotes it prints, edit, retract, undo. Every write is checked by the loader's own
 * schemas and checks before a file changes; these shapes are only the envelope around them.
 *
 * Reads are open. Writes need, when the server listens on an address other than loopback, the
 * header `Authorization: Bearer <WRITE_TOKEN>` (else 403 FORBIDDEN), and carry the `version` they
 * started from (else 409 CONFLICT with `details: SourceConflictDetails`).
 */

/** The kinds of document a source may be: the seed format's. */
export const SOURCE_KINDS = DOCUMENT_KINDS;
/** Mirrors the seed format's facts collections (a unit test keeps them equal). */
export const SOURCE_FACT_COLLECTIONS = [
  'organisations',
  'people',
  'posts',
  'tenures',
  'inspections',
  'reports',
  'findings',
  'relationships',
] as const;
export type SourceFactCollection = (typeof SOURCE_FACT_COLLECTIONS)[number];

const partialDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD');
const documentId = z
  .string()
  .max(200)
  .regex(/^doc:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a document id like doc:2017-11-21-press-release');
/** A document's id, as in `/api/sources/:id`. */
export const SourceIdSchema = documentId;
/** A file-name stem for a new document: `seeds/documents/<name>.txt`, `.yaml`, `seeds/facts/<name>.yaml`. */
export const SourceNameSchema = z
  .string()
  .min(3)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case words with hyphens');
/** Opaque: a hash of the files a write depends on. Send back the one you were given. */
export const SourceVersionSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a version from the server');

export const DatePrecisionSchema = z.enum(['year', 'month', 'day', 'bounded']);

// ---- W3C Web Annotation selectors ----------------------------------------------------------------

export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});
export const TextPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  /** UTF-16 code-unit offsets into the document's text, as JavaScript strings index it. */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export const AnchorSchema = z.object({
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
});
export type Anchor = z.infer<typeof AnchorSchema>;

/** A span of the document chosen as evidence. Give `start`/`end` when the words occur more than once. */
export const QuoteInputSchema = z.object({
  exact: z.string().min(8, 'a quote needs at least 8 characters to prove anything').max(2_000),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
});
export type QuoteInput = z.infer<typeof QuoteInputSchema>;

// ---- documents -------------------------------------------------------------------------------------

export const PublishedInputSchema = z.union([
  z.object({
    date: partialDate,
    /** The words in the text that print the date (must be in the text). */
    quote: z.string().min(4).optional(),
  }),
  z.object({ notBefore: partialDate, notAfter: partialDate, reason: z.string().min(10) }),
]);

export const SourceMetaInputSchema = z.object({
  title: z.string().trim().min(3).max(300),
  /** null when the text does not show its publisher; then say why in `publisherNote`. */
  publisher: z.string().trim().min(2).max(200).nullable(),
  publisherNote: z.string().trim().min(5).max(1_000).optional(),
  author: z.string().trim().min(2).max(200).nullable().default(null),
  kind: z.enum(SOURCE_KINDS),
  url: z.url().nullable().default(null),
  published: PublishedInputSchema,
  note: z.string().trim().max(2_000).optional(),
});
export type SourceMetaInput = z.infer<typeof SourceMetaInputSchema>;

/** Pasted text, or the content of an uploaded `.txt` / `.html` file read as text by the browser. */
export const SourceContentSchema = z.object({
  format: z.enum(['text', 'html']),
  // The app takes JSON bodies up to 256 kB (server/app.ts); a page larger than that is refused with TOO_LARGE.
  content: z.string().min(1).max(250_000),
});
export type SourceContent = z.infer<typeof SourceContentSchema>;

/** POST /api/sources/prepare: what the text will be, whether it is already a source, and its date. */
export const PrepareSourceRequestSchema = SourceContentSchema;

export const DateSuggestionSchema = z.object({
  date: partialDate,
  precision: z.enum(['year', 'month', 'day']),
  /** The line or sentence that prints the date: use it as `published.quote`. */
  quote: z.string(),
  /** Where the date itself is in the text. */
  start: z.number(),
  end: z.number(),
  /** `labelled` (after "Issued:", "Published:"…), `day`, `month` or `iso`: the first is the strongest. */
  rule: z.enum(['labelled', 'day', 'month', 'iso']),
});
export type DateSuggestion = z.infer<typeof DateSuggestionSchema>;

export const PrepareSourceResponseSchema = z.object({
  text: z.string(),
  sha256: z.string(),
  /** The document that already has this exact text, if any (creating it would be refused). */
  duplicateOf: documentId.nullable(),
  dates: z.array(DateSuggestionSchema),
  /** A file-name stem proposed from the date and title (when a title is given in the query). */
  suggestedName: z.string().nullable(),
});
export type PrepareSourceResponse = z.infer<typeof PrepareSourceResponseSchema>;

/** POST /api/sources: create a document (its `.txt` and `.yaml`). `version` is the list's version. */
export const CreateSourceRequestSchema = z.object({
  version: SourceVersionSchema,
  content: SourceContentSchema,
  meta: SourceMetaInputSchema,
  /** Defaults to `<date or notBefore>-<title in lower-case words>`. */
  name: SourceNameSchema.optional(),
});
export type CreateSourceRequest = z.infer<typeof CreateSourceRequestSchema>;

export const SourceSummarySchema = z.object({
  id: documentId,
  name: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  publisherNote: z.string().nullable(),
  author: z.string().nullable(),
  kind: z.string(),
  url: z.string().nullable(),
  /** The day, month or year, or null when only bounds are known. */
  date: z.string().nullable(),
  precision: DatePrecisionSchema,
  notBefore: z.string(),
  notAfter: z.string(),
  dateQuote: z.string().nullable(),
  dateReason: z.string().nullable(),
  /** How many facts (entities and relationships) cite this document. */
  factCount: z.number().int(),
  sha256: z.string(),
  /** The facts file the app writes for this document, relative to the seeds folder's parent. */
  factsFile: z.string(),
});
export type SourceSummary = z.infer<typeof SourceSummarySchema>;

/** GET /api/sources */
export const SourceListSchema = z.object({
  /** The version to send with POST /api/sources. */
  version: SourceVersionSchema,
  seedsFolder: z.string(),
  documents: z.array(SourceSummarySchema),
});
export type SourceList = z.infer<typeof SourceListSchema>;

// ---- facts -----------------------------------------------------------------------------------------

/**
 * Which fact: an entity by its id, a relationship by its id (`TYPE:source>target` or `…#key`,
 * as the graph's relationship ids are).
 */
export const FactRefSchema = z.object({
  /** `attestations`: one of the file's attestations of a tenure kept elsewhere, id `<tenure id>#<n>` (n from 1). */
  collection: z.enum([...SOURCE_FACT_COLLECTIONS, 'attestations']),
  id: z.string().min(3).max(400),
});
export type FactRef = z.infer<typeof FactRefSchema>;

/**
 * One fact to add. `value` is a seed entry as the seed format writes it (graph/seed/schema.ts),
 * without `evidence`: the server adds `{documentId, quote}` from `quote`. A tenure with
 * `attest: true` also gets the quote as an attestation (dated by the document). An `attestation`
 * adds the quote to a tenure: inside it when this document's facts file keeps the tenure, else as
 * an entry of the file's top-level `attestations` list, which the loader merges into the tenure.
 */
export const FactInputSchema = z.union([
  z.object({
    collection: z.enum(SOURCE_FACT_COLLECTIONS),
    value: z.record(z.string(), z.unknown()),
    quote: QuoteInputSchema,
    attest: z.boolean().optional(),
  }),
  z.object({
    collection: z.literal('attestations'),
    tenure: z.string().regex(/^tenure:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a tenure id'),
    quote: QuoteInputSchema,
    date: partialDate.optional(),
  }),
]);
export type FactInput = z.infer<typeof FactInputSchema>;

/** POST /api/sources/:id/facts — one confirmation may add several facts (a person and a tenure). */
export const AddFactsRequestSchema = z.object({
  version: SourceVersionSchema,
  facts: z.array(FactInputSchema).min(1).max(20),
});
/** POST /api/sources/:id/facts/edit — replace a fact of this document's facts file. */
export const EditFactRequestSchema = z.object({
  version: SourceVersionSchema,
  ref: FactRefSchema,
  value: z.record(z.string(), z.unknown()),
  /** A new quote from this document; without it the fact keeps its evidence. */
  quote: QuoteInputSchema.optional(),
});
/** POST /api/sources/:id/facts/retract — remove a fact of this document's facts file. */
export const RetractFactRequestSchema = z.object({ version: SourceVersionSchema, ref: FactRefSchema });
/** POST /api/sources/:id/undo — put back this document's files as they were before the last change. */
export const UndoRequestSchema = z.object({ version: SourceVersionSchema });

export const SourceFactSchema = z.object({
  ref: FactRefSchema,
  /** A line for the margin: "Person: Jo Bloggs", "INSPECTED inspection:x → org:y". */
  summary: z.string(),
  /** The seed entry as written. */
  value: z.record(z.string(), z.unknown()),
  /** This document's quotes in the fact (evidence, attestations, claims), each with its anchor. */
  quotes: z.array(z.object({ exact: z.string(), anchor: AnchorSchema.nullable() })),
  /** True when the fact is in this document's facts file, which the app edits; else it is curated by hand. */
  editable: z.boolean(),
  file: z.string(),
});
export type SourceFact = z.infer<typeof SourceFactSchema>;

/** GET /api/sources/:id — the reader's data, and the response to every write on the document. */
export const SourceDetailSchema = z.object({
  /** The version to send with the next write on this document. */
  version: SourceVersionSchema,
  document: SourceSummarySchema,
  text: z.string(),
  facts: z.array(SourceFactSchema),
  /** Whether POST /undo has something to undo (kept in memory while the server runs). */
  canUndo: z.boolean(),
});
export type SourceDetail = z.infer<typeof SourceDetailSchema>;

export const LoadSummarySchema = z.object({
  nodes: z.object({ created: z.number(), updated: z.number(), deleted: z.number() }),
  relationships: z.object({ created: z.number(), updated: z.number(), deleted: z.number() }),
});

/** The answer to every write: the document as it now is, and what the load changed in the graph. */
export const SourceWriteResponseSchema = SourceDetailSchema.extend({
  load: LoadSummarySchema.nullable(),
  /** The files written, relative to the seeds folder's parent. */
  files: z.array(z.string()),
});
export type SourceWriteResponse = z.infer<typeof SourceWriteResponseSchema>;

// ---- suggestions -----------------------------------------------------------------------------------

export const MentionSchema = z.object({
  entityId: z.string(),
  label: z.string(),
  name: z.string(),
  /** The words found (a name or an alias) and where. */
  matched: z.string(),
  start: z.number(),
  end: z.number(),
});
export type Mention = z.infer<typeof MentionSchema>;

const Resolved = z.object({ text: z.string(), id: z.string().nullable() });

/** "Name, title of Organisation" or "Title for Organisation, Name": an attestation to confirm. */
export const AppositionSuggestionSchema = z.object({
  pattern: z.enum(['name-title', 'title-name']),
  quote: z.string(),
  anchor: AnchorSchema,
  person: Resolved,
  title: z.string(),
  capacity: z.enum(['interim', 'acting']).nullable(),
  organisation: Resolved,
  post: Resolved,
  /** The tenure already known for this person in this post, if any. */
  tenure: Resolved,
  /** The facts to POST to /facts, pre-filled: new person, post and tenure with the quote as attestation. */
  facts: z.array(FactInputSchema),
  /** Why the pre-filled facts cannot be sent as they are, when they cannot (a field to fill in). */
  needs: z.array(z.string()),
});
export type AppositionSuggestion = z.infer<typeof AppositionSuggestionSchema>;

/** GET /api/sources/:id/suggestions */
export const SourceSuggestionsSchema = z.object({
  mentions: z.array(MentionSchema),
  attestations: z.array(AppositionSuggestionSchema),
});
export type SourceSuggestions = z.infer<typeof SourceSuggestionsSchema>;

/** The `details` of a 409 CONFLICT from a stale write or a duplicate text. */
export const SourceConflictDetailsSchema = z.union([
  z.object({
    reason: z.literal('stale'),
    expectedVersion: z.string(),
    currentVersion: z.string(),
    /** Files changed since the version sent, or null when the server no longer knows that version. */
    changedFiles: z.array(z.string()).nullable(),
  }),
  z.object({ reason: z.literal('duplicate'), existingId: documentId, sha256: z.string() }),
  z.object({ reason: z.literal('name-taken'), name: z.string(), files: z.array(z.string()) }),
]);
export type SourceConflictDetails = z.infer<typeof SourceConflictDetailsSchema>;
