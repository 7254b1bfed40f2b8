import { describe, expect, it } from 'vitest';
import { FactsFileSchema } from '../seed/schema.ts';
import { anchorAt } from './anchors.ts';
import { addFacts, entriesOf, quotesIn, retractFact } from './facts-edit.ts';

const TEXT = 'Jo Bloggs, chief executive, opened the new centre.';
const QUOTE = 'Jo Bloggs, chief executive';
const anchor = anchorAt(TEXT, 0, QUOTE.length);
const DOC = 'doc:fixture-later';
const empty = FactsFileSchema.parse({});

describe('attesting a tenure kept in another file', () => {
  const input = {
    collection: 'attestations' as const,
    tenure: 'tenure:jo-bloggs-ceo',
    quote: { exact: QUOTE },
    anchor,
  };

  it('adds an entry to the top-level list, not a second tenure', () => {
    const facts = addFacts(empty, [input], DOC);
    expect(facts.tenures).toEqual([]);
    expect(facts.attestations).toEqual([{ tenure: 'tenure:jo-bloggs-ceo', documentId: DOC, quote: QUOTE }]);
    // The same attestation twice is kept once.
    expect(addFacts(facts, [input], DOC).attestations).toHaveLength(1);
  });

  it('lists it as a fact with its quote, and retracts it by its id', () => {
    const at = TEXT.indexOf('opened');
    const second = {
      ...input,
      quote: { exact: 'opened the new centre' },
      anchor: anchorAt(TEXT, at, at + 'opened the new centre'.length),
      date: '2019-03',
    };
    const facts = addFacts(empty, [input, second], DOC);
    const entries = entriesOf(facts);
    expect(entries.map((e) => e.id)).toEqual(['tenure:jo-bloggs-ceo#1', 'tenure:jo-bloggs-ceo#2']);
    expect(quotesIn(entries[0]?.value ?? {}, DOC)).toEqual([QUOTE]);
    const after = retractFact(facts, { collection: 'attestations', id: 'tenure:jo-bloggs-ceo#1' });
    expect(after.attestations).toEqual([
      { tenure: 'tenure:jo-bloggs-ceo', documentId: DOC, quote: 'opened the new centre', date: '2019-03' },
    ]);
    expect(() => retractFact(after, { collection: 'attestations', id: 'tenure:jo-bloggs-ceo#2' })).toThrow(
      /No attestation/,
    );
  });

  it('still adds to the tenure itself when this file keeps it', () => {
    const withTenure = FactsFileSchema.parse({
      tenures: [
        {
          id: 'tenure:jo-bloggs-ceo',
          person: 'person:jo-bloggs',
          post: 'post:ceo',
          evidence: [{ documentId: DOC, quote: 'opened the new centre' }],
        },
      ],
    });
    const facts = addFacts(withTenure, [input], DOC);
    expect(facts.attestations).toEqual([]);
    expect(facts.tenures[0]?.attestations).toEqual([{ documentId: DOC, quote: QUOTE }]);
  });
});
