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
      const attestation = { ...evidence, ...(input.date ? { date: input.date } : {}) };
      if (index === -1) {
        // A tenure kept in another file: the top-level list attests it there (the loader checks it exists).
        const kept = out.attestations ?? [];
        const duplicate = kept.some(
          (a) => a.tenure === input.tenure && a.documentId === documentId && a.quote === evidence.quote,
        );
        if (!duplicate) out = { ...out, attestations: [...kept, { tenure: input.tenure, ...attestation }] };
        continue;
      }
      const tenure = tenures[index] as Entry;
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

/** The id of a top-level attestation: its tenure and its place among that tenure's entries here. */
export function attestationIds(facts: FactsFile): string[] {
  const seen = new Map<string, number>();
  return (facts.attestations ?? []).map((a) => {
    const n = (seen.get(a.tenure) ?? 0) + 1;
    seen.set(a.tenure, n);
    return `${a.tenure}#${n}`;
  });
}

function indexOfRef(facts: FactsFile, ref: FactRef): number {
  if (ref.collection === 'attestations') {
    const index = attestationIds(facts).indexOf(ref.id);
    if (index === -1) {
      throw new AppError('NOT_FOUND', `No attestation '${ref.id}' in this document's facts file.`, { ref });
    }
    return index;
  }
  const collection = ref.collection;
  const index = listOf(facts, collection).findIndex((e) => factId(collection, e) === ref.id);
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
  if (ref.collection === 'attestations') {
    throw new AppError('BAD_REQUEST', 'An attestation is changed by retracting it and adding it again.', {
      ref,
    });
  }
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
  if (ref.collection === 'attestations') {
    return { ...facts, attestations: facts.attestations.filter((_a, i) => i !== index) };
  }
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
  // A top-level attestation is itself a quote of its document.
  if (typeof value.tenure === 'string' && typeof value.documentId === 'string') take([value]);
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

/** Each entry of a facts file with its collection and id, for listing and counting. */
export function entriesOf(
  facts: FactsFile,
): { collection: FactRef['collection']; id: string; value: Entry }[] {
  const ids = attestationIds(facts);
  return [
    ...COLLECTIONS.flatMap((collection) =>
      listOf(facts, collection).map((value) => ({ collection, id: factId(collection, value), value })),
    ),
    ...(facts.attestations ?? []).map((a, i) => ({
      collection: 'attestations' as const,
      id: ids[i] as string,
      value: a as unknown as Entry,
    })),
  ];
}

/** True when the file would hold nothing: it is then removed rather than written empty. */
export function isEmpty(facts: FactsFile): boolean {
  return entriesOf(facts).length === 0;
}
