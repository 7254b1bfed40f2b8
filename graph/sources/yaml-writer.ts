import { Document, isMap, isScalar, isSeq, Scalar, visit, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import type { Anchor } from '../contract/sources.ts';
import {
  AttestationSchema,
  ClaimSchema,
  type DocumentMeta,
  DocumentMetaSchema,
  EvidenceSchema,
  FACT_COLLECTIONS,
  type FactsFile,
  FactsFileSchema,
  FindingSchema,
  InspectionSchema,
  OrganisationSchema,
  PersonSchema,
  PostSchema,
  RelationshipSchema,
  ReportSchema,
  TenureAttestationSchema,
  TenureSchema,
} from '../seed/schema.ts';

/**
 * Seed files written as a careful person would write them, so that `git diff` shows exactly the
 * change: keys in the order the schema declares them, collections in the schema's order, no
 * folding of long lines, a blank line between entries, and what the schema would add by default
 * (empty lists, `accountable: true`) left out. Writing what was read back gives the same bytes.
 */

type Shape = Record<string, z.ZodType>;
const ENTRY_SHAPES: Record<keyof FactsFile, Shape> = {
  organisations: OrganisationSchema.shape,
  people: PersonSchema.shape,
  posts: PostSchema.shape,
  tenures: TenureSchema.shape,
  inspections: InspectionSchema.shape,
  reports: ReportSchema.shape,
  findings: FindingSchema.shape,
  relationships: RelationshipSchema.shape,
  attestations: TenureAttestationSchema.shape,
};
/** Nested lists whose items have their own key order. */
const NESTED: Record<string, Shape> = {
  evidence: EvidenceSchema.shape,
  attestations: AttestationSchema.shape,
  claims: ClaimSchema.shape,
};
const PUBLISHED_KEYS = ['date', 'quote', 'notBefore', 'notAfter', 'reason'];
const DATE_BOUNDS_KEYS = ['notBefore', 'notAfter', 'reason'];

function isDefault(key: string, value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value) && value.length === 0) return true;
  return key === 'accountable' && value === true;
}

function ordered(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const known = new Set(keys);
  // Unknown keys would be refused by the strict schemas; keep them last so nothing is lost silently.
  for (const key of [...keys, ...Object.keys(value).filter((k) => !known.has(k))]) {
    const item = value[key];
    if (!(key in value) || isDefault(key, item)) continue;
    if (Array.isArray(item) && NESTED[key]) {
      const shape = NESTED[key];
      out[key] = item.map((x) => ordered(x as Record<string, unknown>, Object.keys(shape)));
    } else if (key === 'dateBounds' && item && typeof item === 'object') {
      out[key] = ordered(item as Record<string, unknown>, DATE_BOUNDS_KEYS);
    } else out[key] = item;
  }
  return out;
}

const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function render(doc: Document): string {
  // Dates are quoted, as in the hand-written seeds: YAML 1.1 readers would take 2017-11-21 for a
  // timestamp and 2017 for a number.
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && PARTIAL_DATE.test(node.value)) {
        node.type = Scalar.QUOTE_SINGLE;
      }
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: true });
}

/** Puts a blank line before every list entry but the first, as the hand-written seeds do. */
function spaceEntries(map: YAMLMap): void {
  for (const pair of map.items) {
    if (!isSeq(pair.value)) continue;
    pair.value.items.forEach((item, index) => {
      if (index > 0 && isMap(item)) item.spaceBefore = true;
    });
  }
}

/** A facts file, with an optional comment at its head. Empty collections are left out. */
export function stringifyFacts(facts: Partial<FactsFile>, header?: string): string {
  const data: Record<string, unknown> = {};
  for (const collection of FACT_COLLECTIONS) {
    const entries = facts[collection] ?? [];
    if (entries.length === 0) continue;
    const keys = Object.keys(ENTRY_SHAPES[collection]);
    data[collection] = entries.map((entry) => ordered(entry as Record<string, unknown>, keys));
  }
  const doc = new Document(data);
  if (header) doc.commentBefore = header.replace(/^/gm, ' ');
  if (isMap(doc.contents)) spaceEntries(doc.contents);
  return render(doc);
}

/** A document's metadata file. `null`s are written (they say "not known"), undefined keys are not. */
export function stringifyDocumentMeta(meta: DocumentMeta): string {
  const keys = Object.keys(DocumentMetaSchema.shape);
  const data: Record<string, unknown> = {};
  const source = meta as unknown as Record<string, unknown>;
  for (const key of keys) {
    if (source[key] === undefined) continue;
    data[key] =
      key === 'published' ? ordered(source[key] as Record<string, unknown>, PUBLISHED_KEYS) : source[key];
  }
  return render(new Document(data));
}

/** The anchors sidecar of a document: where each of its quotes sits, as W3C selectors. */
export function stringifyAnchors(documentId: string, anchors: readonly Anchor[]): string {
  const sorted = [...anchors].sort(
    (a, b) => a.position.start - b.position.start || a.position.end - b.position.end,
  );
  const doc = new Document({
    document: documentId,
    anchors: sorted.map((a) => ({
      quote: { type: a.quote.type, exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
      position: { type: a.position.type, start: a.position.start, end: a.position.end },
    })),
  });
  doc.commentBefore =
    ' Where each quote of this document sits in its text (W3C Web Annotation selectors), written by\n' +
    ' the app beside the facts file; the loader does not read this folder.';
  if (isMap(doc.contents)) spaceEntries(doc.contents);
  return render(doc);
}

/** Parses a facts file the way the loader does (the same schema), for edits and round-trip checks. */
export function parseFactsData(data: unknown): FactsFile {
  return FactsFileSchema.parse(data ?? {});
}
