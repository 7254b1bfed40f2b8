import { describe, expect, it } from 'vitest';
import { slugify } from '../contract/slug.ts';
import { citedDataset, trickyDataset } from '../export/dataset-fixture.ts';
import { datasetToPopolo } from '../export/popolo.ts';
import { quotedIn } from './popolo-links.ts';
import { popoloToSeeds } from './popolo-seed.ts';

const FILE = 'imports/bury.popolo.json';
/** Seed documents holding every quote of the fixture, as the loader would have them. */
const documents = (() => {
  const dataset = trickyDataset();
  const quotes = new Map<string, string[]>();
  const add = (id: string, quote: string) => quotes.set(id, [...(quotes.get(id) ?? []), quote]);
  for (const x of [...dataset.persons, ...dataset.posts, ...dataset.organisations, ...dataset.tenures])
    for (const e of x.evidence) add(e.documentId, e.quote);
  for (const t of dataset.tenures) for (const a of t.attestations) add(a.documentId, a.quote);
  return dataset.documents.map((d) => ({ id: d.id, url: d.url, text: (quotes.get(d.id) ?? []).join('\n') }));
})();

describe('Popolo → seeds', () => {
  it('reads our own Popolo export back as the same facts, evidence quoted and dates as given', () => {
    const popolo = datasetToPopolo(
      trickyDataset(),
      { exportedAt: '2026-01-01T00:00:00Z' },
      { appUrl: 'http://x' },
    );
    const result = popoloToSeeds(FILE, popolo, documents);
    expect(result.problems).toEqual([]);
    expect(result.cited).toEqual([]);
    expect(result.facts.people.map((p) => p.id)).toEqual(['person:pat-jones-greenhalgh', 'person:a-b']);
    expect(result.facts.posts.map((p) => [p.id, p.organisation])).toEqual([
      ['post:bury-council-chief-executive', 'org:bury-council'],
      ['post:bury-council-leader', 'org:bury-council'],
    ]);
    const [pat, leader] = result.facts.tenures;
    expect(pat).toMatchObject({ capacity: 'interim', person: 'person:pat-jones-greenhalgh' });
    expect(pat?.attestations.map((a) => a.documentId)).toEqual(['doc:release', 'doc:undated']);
    expect(leader).toMatchObject({ from: '2016-02', to: '2019', capacity: 'acting' });
    expect(leader?.evidence).toEqual([{ documentId: 'doc:web', quote: '=SUM(A1) said Jane, "leader"' }]);
  });

  it('keeps what is only cited by URL as citations, marked as resting on them alone', () => {
    const result = popoloToSeeds(
      FILE,
      {
        persons: [
          { id: 'a1b2', name: 'Ann Other', sources: [{ url: 'https://example.com/ann', note: 'Wikipedia' }] },
        ],
        organizations: [
          {
            id: 'o1',
            name: 'Bury Council',
            sources: [{ url: 'https://example.org/leader', note: '“not in the text at all”' }],
          },
        ],
        posts: [
          { id: 'p1', label: 'Leader', organization_id: 'o1', sources: [{ url: 'https://example.org/p' }] },
        ],
        memberships: [
          {
            id: 'm1',
            person_id: 'a1b2',
            post_id: 'p1',
            start_date: '2019-05',
            sources: [{ url: 'https://example.org/m', note: 'council website' }],
          },
        ],
      },
      documents,
    );
    expect(result.problems).toEqual([]);
    expect(result.cited.map((c) => [c.kind, c.id])).toEqual([
      ['organisation', 'org:bury-council'],
      ['person', 'person:ann-other'],
      ['post', 'post:leader'],
      ['tenure', 'tenure:ann-other-leader'],
    ]);
    expect(result.facts.people[0]).toMatchObject({
      evidence: [],
      citations: [{ url: 'https://example.com/ann', note: 'Wikipedia' }],
    });
    expect(result.facts.posts[0]?.citations).toEqual([{ url: 'https://example.org/p' }]);
    expect(result.facts.tenures[0]).toMatchObject({
      person: 'person:ann-other',
      post: 'post:leader',
      from: '2019-05',
      evidence: [],
      citations: [{ url: 'https://example.org/m', note: 'council website' }],
    });
  });

  it('reads our export of cited entries back as citations with the citer’s note, not marked twice', () => {
    const popolo = datasetToPopolo(citedDataset(), { exportedAt: '2026-01-01T00:00:00Z' });
    const result = popoloToSeeds(FILE, popolo, documents);
    expect(result.problems).toEqual([]);
    expect(result.cited.map((c) => c.id)).toEqual([
      'person:ann-other',
      'post:bury-council-clerk',
      'tenure:ann-other-bury-council-clerk',
    ]);
    const cited = result.facts.tenures.find((t) => t.id === 'tenure:ann-other-bury-council-clerk');
    expect(cited).toMatchObject({
      from: '2019-05',
      to: '2021',
      evidence: [],
      citations: [{ url: 'https://example.org/minutes/2019-05', note: 'minutes, May 2019' }],
    });
    expect(result.facts.posts.find((p) => p.id === 'post:bury-council-clerk')?.citations).toEqual([
      { url: 'https://example.org/clerk' },
    ]);
  });

  it('keeps a quoted source as evidence and the other sources of the same entry as citations', () => {
    const popolo = datasetToPopolo(
      trickyDataset(),
      { exportedAt: '2026-01-01T00:00:00Z' },
      { appUrl: 'http://x' },
    );
    const person = popolo.persons[0];
    person?.sources?.push({ url: 'https://example.com/profile', note: 'profile page' });
    const result = popoloToSeeds(FILE, popolo, documents);
    expect(result.cited).toEqual([]);
    expect(result.facts.people[0]?.evidence.length).toBeGreaterThan(0);
    expect(result.facts.people[0]?.citations).toEqual([
      { url: 'https://example.com/profile', note: 'profile page' },
    ]);
  });

  it('refuses an entry with no source at all, and a citation that is not a URL', () => {
    const result = popoloToSeeds(FILE, { persons: [{ id: 'x', name: 'No Source' }] }, documents);
    expect(result.problems.map((p) => `${p.file}: ${p.entry} › ${p.path}: ${p.message}`)).toEqual([
      `${FILE}: persons[0] (x) › sources: no sources: a seed needs a quoted source or at least a cited URL`,
    ]);
    expect(result.facts.people).toEqual([]);
    const badLink = popoloToSeeds(
      FILE,
      { persons: [{ id: 'y', name: 'Bad Link', sources: [{ url: 'see the minutes' }] }] },
      documents,
    );
    expect(badLink.problems).toEqual([
      expect.objectContaining({ file: FILE, entry: 'persons[0]', path: 'sources[0].url' }),
    ]);
  });

  it('refuses, naming the file and the entry: no post, unknown ids, impossible dates, ends before starts', () => {
    const cite = [{ url: 'https://example.org/minutes' }];
    const result = popoloToSeeds(
      FILE,
      {
        persons: [{ id: 'x', name: 'X Person', sources: cite }],
        organizations: [{ id: 'o', name: 'Org', sources: cite }],
        posts: [
          { id: 'p', label: 'Chair', organization_id: 'o', sources: cite },
          { id: 'q', label: 'Orphan', sources: cite },
        ],
        memberships: [
          { id: 'm0', person_id: 'x', organization_id: 'o', sources: cite },
          { id: 'm1', person_id: 'x', post_id: 'nope', sources: cite },
          { id: 'm2', person_id: 'x', post_id: 'p', start_date: '2017-02-30', sources: cite },
          { id: 'm3', person_id: 'x', post_id: 'p', start_date: '2019', end_date: '2018-06', sources: cite },
        ],
      },
      documents,
    );
    expect(result.problems.map((p) => `${p.file}: ${p.entry} › ${p.path}: ${p.message}`)).toEqual([
      `${FILE}: posts[1] (q) › organization_id: a post needs the organization it is held in`,
      `${FILE}: memberships[0] (m0) › post_id: a membership without a post_id names no post to hold; it is not a tenure`,
      `${FILE}: memberships[1] (m1) › post_id: no post with id 'nope' in the file`,
      `${FILE}: memberships[2] (m2) › start_date: '2017-02-30' is not a day: 2017-02 has no day 30`,
      `${FILE}: memberships[3] (m3) › end_date: ends (2018-06) before it starts (2019)`,
    ]);
  });

  it('refuses a file that is not Popolo, saying where', () => {
    const result = popoloToSeeds(FILE, { persons: [{ name: 'A', birth_date: '12/03/1970' }] }, documents);
    expect(result.problems).toEqual([
      expect.objectContaining({ file: FILE, entry: 'persons[0]', path: 'birth_date' }),
    ]);
  });

  it('finds the quote in a note and makes ids from names', () => {
    expect(quotedIn('Building a better Bury (Bury Council, 2017-11-21): “the council’s interim chief”')).toBe(
      'the council’s interim chief',
    );
    expect(quotedIn('Wikipedia')).toBeNull();
    expect(slugify('Pat Jones-Greenhalgh, Chief Exécutive')).toBe('pat-jones-greenhalgh-chief-executive');
  });
});
