import type { Anchor, FactInput, FactRef, SourceFactCollection } from '../contract/sources.ts';
import { AppError } from '../errors.ts';
import { relationshipId } from '../seed/entries.ts';
import type { Evidence, FactsFile } from '../seed/schema.ts';

/**
 * Pure edits of one document's facts file. They build the entries; whether the result is sound
 * (ids, references, quotes, dates) is left to the loader's own schemas and checks, run on it next.
 */

type Entry = Record<string, unknown>;

/** The id a fact is known by: an entity's `id`, a relationship's `TYPE:source>target#key`. */
export function factId(collection: SourceFactCollection, value: Entry): string {
  if (collection === 'relationships') {
    return relationshipId(
      String(value.type),
      String(value.source),
      String(value.target),
      typeof value.key === 'string' ? value.key : undefined,
    );
  }
  return String(value.id);
}

function listOf(facts: FactsFile, collection: SourceFactCollection): Entry[] {
  return facts[collection] as unknown as Entry[];
}

function withList(facts: FactsFile, collection: SourceFactCollection, list: Entry[]): FactsFile {
  return { ...facts, [collection]: list } as FactsFile;
}

function evidenceOf(value: Entry): Evidence[] {
  return Array.isArray(value.evidence) ? (value.evidence as Evidence[]) : [];
}

function addEvidence(list: Evidence[], item: Evidence): Evidence[] {
  return list.some((e) => e.documentId === item.documentId && e.quote === item.quote)
    ? list
    : [...list, item];
}

/** A fact input whose quote has been found in the document. */
export type LocatedInput = FactInput & { anchor: Anchor };

/** Adds facts citing `documentId`, in order: the quote becomes the evidence (and the attestation). */
export function addFacts(facts: FactsFile, inputs: readonly LocatedInput[], documentId: string): FactsFile {
  let out = facts;
  for (const input of inputs) {
    const evidence: Evidence = { documentId, quote: input.anchor.quote.exact };
    if (input.collection === 'attestations') {
      const tenures = listOf(out, 'tenures');
      const index = tenures.findIndex((t) => t.id === input.tenure);
      if (index === -1) {
        throw new AppError(
          'BAD_REQUEST',
          `The tenure '${input.tenure}' is not in this document's facts file: an attestation can only be added here to a tenure this document records (add a tenure with "attest" instead).`,
          { tenure: input.tenure },
        );
      }
      const tenure = tenures[index] as Entry;
      const attestation = { ...evidence, ...(input.date ? { date: input.date } : {}) };
      const attestations = Array.isArray(tenure.attestations) ? (tenure.attestations as Entry[]) : [];
      const next = {
        ...tenure,
        attestations: [...attestations, attestation],
        evidence: addEvidence(evidenceOf(tenure), evidence),
      };
      out = withList(
        out,
        'tenures',
        tenures.map((t, i) => (i === index ? next : t)),
      );
      continue;
    }
    const { evidence: given, ...rest } = input.value;
    const value: Entry = {
      ...rest,
      evidence: addEvidence(Array.isArray(given) ? (given as Evidence[]) : [], evidence),
    };
    if (input.collection === 'tenures' && input.attest) {
      const attestations = Array.isArray(value.attestations) ? (value.attestations as Entry[]) : [];
      value.attestations = [...attestations, { ...evidence }];
    }
    out = withList(out, input.collection, [...listOf(out, input.collection), value]);
  }
  return out;
}

function indexOfRef(facts: FactsFile, ref: FactRef): number {
  const index = listOf(facts, ref.collection).findIndex((e) => factId(ref.collection, e) === ref.id);
  if (index === -1) {
    throw new AppError('NOT_FOUND', `No ${ref.collection} entry '${ref.id}' in this document's facts file.`, {
      ref,
    });
  }
  return index;
}

/**
 * Replaces a fact by `value`. Its evidence and attestations stay unless `value` gives them, or a
 * new quote (`evidence`) replaces this document's quotes.
 */
export function editFact(
  facts: FactsFile,
  ref: FactRef,
  value: Entry,
  evidence: Evidence | undefined,
): FactsFile {
  const list = listOf(facts, ref.collection);
  const index = indexOfRef(facts, ref);
  const old = list[index] as Entry;
  const next: Entry = { ...value };
  if (!('evidence' in value)) {
    const kept = evidenceOf(old).filter((e) => !evidence || e.documentId !== evidence.documentId);
    next.evidence = evidence ? [...kept, evidence] : kept;
  }
  if (ref.collection === 'tenures' && !('attestations' in value) && old.attestations) {
    next.attestations = old.attestations;
  }
  return withList(
    facts,
    ref.collection,
    list.map((e, i) => (i === index ? next : e)),
  );
}

export function retractFact(facts: FactsFile, ref: FactRef): FactsFile {
  const index = indexOfRef(facts, ref);
  return withList(
    facts,
    ref.collection,
    listOf(facts, ref.collection).filter((_e, i) => i !== index),
  );
}

/** Every quote of `documentId` in an entry: evidence, attestations and claims. */
export function quotesIn(value: Entry, documentId: string): string[] {
  const quotes: string[] = [];
  const take = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const item of list as Entry[]) {
      if (item.documentId === documentId && typeof item.quote === 'string' && !quotes.includes(item.quote)) {
        quotes.push(item.quote);
      }
    }
  };
  take(value.evidence);
  take(value.attestations);
  if (Array.isArray(value.claims)) for (const claim of value.claims as Entry[]) take(claim.evidence);
  return quotes;
}

export const COLLECTIONS: readonly SourceFactCollection[] = [
  'organisations',
  'people',
  'posts',
  'tenures',
  'inspections',
  'reports',
  'findings',
  'relationships',
];

/** Each entry of a facts file with its collection, for listing and counting. */
export function entriesOf(facts: FactsFile): { collection: SourceFactCollection; value: Entry }[] {
  return COLLECTIONS.flatMap((collection) =>
    listOf(facts, collection).map((value) => ({ collection, value })),
  );
}

/** True when the file would hold nothing: it is then removed rather than written empty. */
export function isEmpty(facts: FactsFile): boolean {
  return entriesOf(facts).length === 0;
}
