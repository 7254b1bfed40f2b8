import { describe, expect, it } from 'vitest';
import { type ExistingSeeds, normalName } from './popolo-match.ts';
import { popoloToSeeds } from './popolo-seed.ts';

const FILE = 'imports/parish.popolo.json';
const cite = [{ url: 'https://example.org/minutes', note: 'minutes' }];
const SEEDS: ExistingSeeds = {
  organisations: [{ id: 'org:bury-council', name: 'Bury Council' }],
  people: [
    { id: 'person:pat-jones-greenhalgh', name: 'Pat Jones-Greenhalgh' },
    { id: 'person:sam-smith', name: 'Sam Smith' },
    { id: 'person:sam-smith-2', name: 'Sam  SMITH' },
  ],
  posts: [
    { id: 'post:bury-council-chief-executive', title: 'Chief Executive', organisation: 'org:bury-council' },
  ],
  tenures: [
    {
      id: 'tenure:pat-jones-greenhalgh-bury-council-chief-executive',
      person: 'person:pat-jones-greenhalgh',
      post: 'post:bury-council-chief-executive',
      from: null,
      to: null,
    },
  ],
};
const problems = (r: ReturnType<typeof popoloToSeeds>) =>
  r.problems.map((p) => `${p.file}: ${p.entry} › ${p.path}: ${p.message}`);

describe('Popolo import reuses what the seeds already hold', () => {
  it('by id, then by normalised name, and by title within the organisation for posts', () => {
    const result = popoloToSeeds(
      FILE,
      {
        organizations: [{ id: 'o1', name: '  bury   COUNCIL ', sources: cite }],
        persons: [
          { id: 'person:pat-jones-greenhalgh', name: 'Pat Jones-Greenhalgh', sources: cite },
          { id: 'p2', name: 'Alex New', sources: cite },
        ],
        posts: [
          { id: 'x1', label: 'chief executive', organization_id: 'o1', sources: cite },
          { id: 'x2', label: 'Clerk', organization_id: 'o1', sources: cite },
        ],
        memberships: [
          { id: 'm1', person_id: 'person:pat-jones-greenhalgh', post_id: 'x1', sources: cite },
          { id: 'm2', person_id: 'p2', post_id: 'x2', start_date: '2019', sources: cite },
        ],
      },
      [],
      SEEDS,
    );
    expect(problems(result)).toEqual([]);
    expect(result.reused.map((r) => [r.entry, r.id, r.by])).toEqual([
      ['organizations[0] (o1)', 'org:bury-council', 'name'],
      ['persons[0] (person:pat-jones-greenhalgh)', 'person:pat-jones-greenhalgh', 'id'],
      ['posts[0] (x1)', 'post:bury-council-chief-executive', 'name'],
      ['memberships[0] (m1)', 'tenure:pat-jones-greenhalgh-bury-council-chief-executive', 'name'],
    ]);
    // Only what is new is written, pointing at the seeds' entries.
    expect(result.facts.organisations).toEqual([]);
    expect(result.facts.people.map((p) => p.id)).toEqual(['person:alex-new']);
    expect(result.facts.posts).toMatchObject([{ id: 'post:clerk', organisation: 'org:bury-council' }]);
    expect(result.facts.tenures).toMatchObject([
      { id: 'tenure:alex-new-clerk', person: 'person:alex-new', post: 'post:clerk', from: '2019' },
    ]);
  });

  it('a second tenure of the same post with other dates is new, never merged into the first', () => {
    const result = popoloToSeeds(
      FILE,
      {
        persons: [{ id: 'a', name: 'Pat Jones-Greenhalgh', sources: cite }],
        organizations: [{ id: 'o', name: 'Bury Council', sources: cite }],
        posts: [{ id: 'p', label: 'Chief Executive', organization_id: 'o', sources: cite }],
        memberships: [{ id: 'm', person_id: 'a', post_id: 'p', start_date: '2023', sources: cite }],
      },
      [],
      SEEDS,
    );
    expect(problems(result)).toEqual([]);
    // The seeds' own id is taken, so the new tenure gets another.
    expect(result.facts.tenures.map((t) => t.id)).toEqual([
      'tenure:pat-jones-greenhalgh-bury-council-chief-executive-2',
    ]);
  });

  it('refuses a name two seed entries answer to, naming the file, the entry and the candidates', () => {
    const result = popoloToSeeds(
      FILE,
      { persons: [{ id: 'p9', name: 'Sam Smith', sources: cite }] },
      [],
      SEEDS,
    );
    expect(problems(result)).toEqual([
      `${FILE}: persons[0] (p9) › name: name 'Sam Smith' matches 2 people in the seeds (person:sam-smith, person:sam-smith-2): give the id of the one meant`,
    ]);
    expect(result.facts.people).toEqual([]);
    // Giving the id settles it.
    const byId = popoloToSeeds(
      FILE,
      { persons: [{ id: 'person:sam-smith-2', name: 'Sam Smith', sources: cite }] },
      [],
      SEEDS,
    );
    expect(byId.reused).toMatchObject([{ id: 'person:sam-smith-2', by: 'id' }]);
  });

  it('refuses an id the seeds use for something else, and two entries of the file that are one seed entry', () => {
    const result = popoloToSeeds(
      FILE,
      {
        persons: [
          { id: 'person:pat-jones-greenhalgh', name: 'Someone Else', sources: cite },
          { id: 'a', name: 'Sam Smith', sources: cite },
        ],
        organizations: [
          { id: 'o', name: 'Bury Council', sources: cite },
          { id: 'o2', name: 'BURY COUNCIL', sources: cite },
        ],
      },
      [],
      { ...SEEDS, people: SEEDS.people.slice(0, 2) },
    );
    expect(problems(result)).toEqual([
      `${FILE}: organizations[1] (o2) › id: organizations[0] (o) is already 'org:bury-council' of the seeds: two entries of the file cannot both be it`,
      `${FILE}: persons[0] (person:pat-jones-greenhalgh) › id: id 'person:pat-jones-greenhalgh' is 'Pat Jones-Greenhalgh' in the seeds, not 'Someone Else': two different entries cannot share an id`,
    ]);
  });

  it('normalises case, spacing and Unicode forms, nothing else', () => {
    expect(normalName(' Pat\u00a0 JONES-Greenhalgh ')).toBe('pat jones-greenhalgh');
    expect(normalName('Café')).toBe(normalName('Cafe\u0301'));
    expect(normalName('Pat Jones Greenhalgh')).not.toBe(normalName('Pat Jones-Greenhalgh'));
  });
});
