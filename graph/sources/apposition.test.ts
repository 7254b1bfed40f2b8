import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSeeds } from '../seed/read-seeds.ts';
import { suggestAppositions } from './apposition.ts';
import { findMentions, knownEntities } from './known-entities.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { seeds } = readSeeds(root);
const known = knownEntities(seeds);

function suggestionsFor(id: string) {
  const document = seeds.documents.find((d) => d.meta.id === id);
  if (!document) throw new Error(`no ${id}`);
  const mentions = findMentions(document.text, known);
  return { document, mentions, suggestions: suggestAppositions(document.text, mentions, known) };
}

describe('suggestions on the seed texts', () => {
  it('highlights known names and aliases where the text prints them, the longest name winning', () => {
    const { document, mentions } = suggestionsFor('doc:2017-11-21-bury-council-building-a-better-bury');
    for (const m of mentions) expect(document.text.slice(m.start, m.end)).toBe(m.matched);
    const ids = new Set(mentions.map((m) => m.entityId));
    expect(ids).toContain('person:karen-dolton');
    expect(ids).toContain('org:nhs-bury-ccg');
    // No mention overlaps another.
    const sorted = [...mentions].sort((a, b) => a.start - b.start);
    sorted.slice(1).forEach((m, i) => {
      expect(m.start).toBeGreaterThanOrEqual(sorted[i]?.end ?? 0);
    });
  });

  it('reads "Name, title of Organisation" as the person in the known post', () => {
    const { suggestions } = suggestionsFor('doc:2018-03-to-2024-05-bury-send-revisit-progress');
    const geoff = suggestions.find((s) => s.person.id === 'person:geoff-little');
    expect(geoff).toMatchObject({
      pattern: 'name-title',
      quote: 'Geoff Little, chief executive of Bury Council',
      post: { id: 'post:bury-council-chief-executive' },
      tenure: { id: 'tenure:geoff-little-bury-council-chief-executive' },
    });
    // The known tenure, kept in a curated file, is attested: no second tenure for the same post.
    expect(geoff?.facts).toEqual([
      {
        collection: 'attestations',
        tenure: 'tenure:geoff-little-bury-council-chief-executive',
        quote: { exact: geoff?.quote, start: geoff?.anchor.position.start, end: geoff?.anchor.position.end },
      },
    ]);
    expect(suggestions.find((s) => s.person.id === 'person:jeffrey-schryer')?.post.id).toBe(
      'post:nhs-bury-ccg-chair',
    );
  });

  it('reads "Title for Organisation, Name" with its capacity, matching titles across "of"/"for"', () => {
    const { suggestions } = suggestionsFor('doc:2017-bury-written-statement-of-action-approved');
    const byPerson = new Map(suggestions.map((s) => [s.person.id, s]));
    expect(byPerson.get('person:karen-dolton')).toMatchObject({
      pattern: 'title-name',
      capacity: 'acting',
      post: { id: 'post:bury-council-executive-director-children-young-people-and-culture' },
    });
    expect(byPerson.get('person:pat-jones-greenhalgh')).toMatchObject({ capacity: 'interim' });
    expect(byPerson.get('person:rishi-shori')?.quote).toBe('Leader of Bury Council, Cllr Rishi Shori');
  });

  it('offers every suggestion as facts whose quote is the exact words at the anchor', () => {
    for (const document of seeds.documents) {
      const { suggestions } = suggestionsFor(document.meta.id);
      for (const s of suggestions) {
        const { start, end } = s.anchor.position;
        expect(document.text.slice(start, end)).toBe(s.quote);
        expect(s.facts.length).toBeGreaterThan(0);
        for (const f of s.facts) expect(f.quote.exact).toBe(s.quote);
      }
    }
  });

  it('does not take a title for a person ("Regional Director, North West for Ofsted")', () => {
    const { suggestions } = suggestionsFor('doc:2017-11-21-bury-council-building-a-better-bury');
    expect(suggestions.map((s) => s.person.text)).not.toContain('Regional Director');
  });

  it('pre-fills a new person and a tenure in the known post for a name the graph does not know', () => {
    const text = 'Jane Smith, interim chief executive of Bury Council, said so.';
    const mentions = findMentions(text, known);
    const [s] = suggestAppositions(text, mentions, known);
    expect(s?.person).toEqual({ text: 'Jane Smith', id: null });
    expect(s?.facts).toEqual([
      {
        collection: 'people',
        value: { id: 'person:jane-smith', name: 'Jane Smith' },
        quote: { exact: s?.quote, start: 0, end: 51 },
      },
      {
        collection: 'tenures',
        value: {
          id: 'tenure:jane-smith-bury-council-chief-executive',
          person: 'person:jane-smith',
          post: 'post:bury-council-chief-executive',
          capacity: 'interim',
        },
        quote: { exact: s?.quote, start: 0, end: 51 },
        attest: true,
      },
    ]);
  });
});
