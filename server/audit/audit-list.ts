import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { CERTAINTIES, DaySchema, TIMELINE_KINDS } from '../../graph/contract/api.ts';

/**
 * The audit list (seeds/audit/*.yaml): for each source text, the facts it supports and the things it
 * must not be taken to say, each with a check the integration test runs against the loaded seeds
 * through the HTTP API (or the read-only Cypher endpoint where the API cannot show it). The format
 * is documented at the top of the list itself; this schema is its single definition.
 */

const NodeId = z.string().regex(/^[a-z]+:[a-z0-9-]+$/, 'expected a node id like org:bury-council');
const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected lower-case words with hyphens');
const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** Property values to compare exactly; null means "not set". */
const Properties = z.record(z.string(), z.union([Scalar, z.array(z.union([z.string(), z.number()]))]));
const Certainty = z.enum([...CERTAINTIES, 'possible']);

/** Model changes an entry waits for; such entries run too, and may fail until the change lands. */
export const NEEDS = ['honest-dates-model', 'organisations-in-force', 'local-area-accountability'] as const;

const common = {
  /** Unique within the list: names the entry in test output. */
  id: Slug,
  /** What the text supports (or must not be taken to say), in plain words. */
  says: z.string().min(10),
  /** Exact words of the text. Always checked to be in it; for a fact, also to be among its evidence. */
  quote: z.string().min(4).optional(),
  needs: z.enum(NEEDS).optional(),
  note: z.string().optional(),
};

const NodeCheck = z.strictObject({
  ...common,
  check: z.literal('node'),
  node: NodeId,
  label: z.string().optional(),
  name: z.string().optional(),
  properties: Properties.optional(),
});
const NoNodeCheck = z.strictObject({ ...common, check: z.literal('no-node'), node: NodeId });
const RelationshipCheck = z.strictObject({
  ...common,
  check: z.literal('relationship'),
  type: z.string().regex(/^[A-Z_]+$/),
  source: NodeId,
  target: NodeId,
  key: Slug.optional(),
  properties: Properties.optional(),
});
const NoRelationshipCheck = z.strictObject({
  ...common,
  check: z.literal('no-relationship'),
  type: z.string().regex(/^[A-Z_]+$/),
  source: NodeId,
  target: NodeId,
});
const HolderCheck = z.strictObject({
  ...common,
  check: z.literal('holder'),
  org: NodeId,
  at: DaySchema,
  person: NodeId,
  post: NodeId,
  capacity: z.string().optional(),
  /** The certainties the answer may give; any when left out. */
  certainty: z.array(Certainty).min(1).optional(),
});
const NotHolderCheck = z.strictObject({
  ...common,
  check: z.literal('not-holder'),
  org: NodeId,
  at: DaySchema,
  person: NodeId,
  post: NodeId.optional(),
  /** Certainties under which the person may still be listed (e.g. possible). */
  allow: z.array(Certainty).default([]),
});
const TimelineCheck = z.strictObject({
  ...common,
  check: z.literal('timeline'),
  subject: NodeId,
  event: z.string().min(3),
  kind: z.enum(TIMELINE_KINDS).optional(),
  /** The event's date exactly as the API gives it: a day, month, year or `notBefore/notAfter`. */
  date: z.string().optional(),
  /** A date the event must not be given (a day the text does not support). */
  notDate: z.string().optional(),
});
const NotInTimelineCheck = z.strictObject({
  ...common,
  check: z.literal('not-in-timeline'),
  subject: NodeId,
  events: z.array(z.string().min(3)).default([]),
  /** No event may lie wholly before this day. */
  noneEndingBefore: DaySchema.optional(),
});
const ChainCheck = z.strictObject({
  ...common,
  check: z.literal('chain'),
  /** A finding, report or inspection: GET /api/accountability?finding= or ?report=. */
  from: NodeId,
  report: NodeId.optional(),
  at: z.string().optional(),
  organisations: z.array(NodeId).default([]),
  notOrganisations: z.array(NodeId).default([]),
  holders: z.array(z.strictObject({ person: NodeId, post: NodeId })).default([]),
});
const OrgAccountabilityCheck = z.strictObject({
  ...common,
  check: z.literal('answerable'),
  /** GET /api/accountability?org=&at=: these bodies are in its scope or hold its posts. */
  org: NodeId,
  at: DaySchema,
  organisations: z.array(NodeId).default([]),
  notOrganisations: z.array(NodeId).default([]),
});
const CypherCheck = z.strictObject({
  ...common,
  check: z.literal('cypher'),
  /** A read-only query for POST /api/cypher; return scalars so rows compare simply. */
  query: z.string().min(10),
  params: z.record(z.string(), z.unknown()).optional(),
  /** The rows expected, in any order. */
  rows: z.array(z.array(z.unknown())),
});

export const AuditEntrySchema = z.discriminatedUnion('check', [
  NodeCheck,
  NoNodeCheck,
  RelationshipCheck,
  NoRelationshipCheck,
  HolderCheck,
  NotHolderCheck,
  TimelineCheck,
  NotInTimelineCheck,
  ChainCheck,
  OrgAccountabilityCheck,
  CypherCheck,
]);
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditTextSchema = z.strictObject({
  document: z.string().regex(/^doc:[a-z0-9-]+$/),
  supports: z.array(AuditEntrySchema).default([]),
  mustNotSay: z.array(AuditEntrySchema).default([]),
});
export type AuditText = z.infer<typeof AuditTextSchema>;

export const AuditListSchema = z.strictObject({ texts: z.array(AuditTextSchema).min(1) });
export type AuditList = z.infer<typeof AuditListSchema>;

/** Checks that only make sense as a "must not": they assert an absence. */
export const NEGATIVE_CHECKS: ReadonlySet<AuditEntry['check']> = new Set([
  'no-node',
  'no-relationship',
  'not-holder',
  'not-in-timeline',
]);

/** Reads and validates an audit list, naming the file and the path of any problem. */
export function readAuditList(file: string): AuditList {
  const parsed = AuditListSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${file} is not a valid audit list:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

/** Problems with the list as a whole that no schema can see: duplicate ids, quotes not in their text. */
export function listProblems(list: AuditList, texts: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const text of list.texts) {
    const body = texts.get(text.document);
    if (body === undefined) problems.push(`${text.document}: no such document in the seeds`);
    for (const [side, entries] of [
      ['supports', text.supports],
      ['mustNotSay', text.mustNotSay],
    ] as const) {
      for (const entry of entries) {
        if (seen.has(entry.id)) problems.push(`${entry.id}: the id is used twice`);
        seen.add(entry.id);
        if (entry.quote !== undefined && body !== undefined && !body.includes(entry.quote)) {
          problems.push(`${entry.id}: the quote "${entry.quote}" is not in ${text.document}`);
        }
        if (side === 'supports' && NEGATIVE_CHECKS.has(entry.check)) {
          problems.push(`${entry.id}: a '${entry.check}' check belongs under mustNotSay`);
        }
      }
    }
  }
  return problems;
}

/** Entries per text and side, for the report at the end of a run. */
export function listSize(list: AuditList): { document: string; supports: number; mustNotSay: number }[] {
  return list.texts.map((t) => ({
    document: t.document,
    supports: t.supports.length,
    mustNotSay: t.mustNotSay.length,
  }));
}
