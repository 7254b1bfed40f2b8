import { describe, expect, it } from 'vitest';
import { windowOf } from './certainty.ts';
import { type ScopeCandidate, scopeAt } from './scope.ts';

const org = (id: string, overrides: Partial<ScopeCandidate> = {}): ScopeCandidate => ({
  id,
  name: id,
  relation: 'the organisation itself',
  validFrom: null,
  validTo: null,
  successors: [],
  ...overrides,
});

const ids = (candidates: ScopeCandidate[], day: string) =>
  scopeAt(candidates, windowOf(day)).map((s) => s.id);

describe('scopeAt', () => {
  const icb = { id: 'org:icb', name: 'ICB', date: '2022-07-01', validFrom: '2022-07-01', validTo: null };
  const ccg = org('org:ccg', { validTo: '2022-06-30', successors: [icb] });

  it('an organisation succeeded mid-range: the predecessor before, the successor after, never both', () => {
    expect(ids([ccg], '2019-06-01')).toEqual(['org:ccg']);
    expect(ids([ccg], '2024-05-09')).toEqual(['org:icb']);
    expect(scopeAt([ccg], windowOf('2024-05-09'))[0]?.relation).toContain(
      'successor of org:ccg since 2022-07-01',
    );
  });

  it('a succession known only to its month: either body may answer on a day of that month', () => {
    const monthly = org('org:ccg', { successors: [{ ...icb, date: '2022-07', validFrom: null }] });
    expect(ids([monthly], '2022-07-15')).toEqual(['org:ccg', 'org:icb']);
  });

  it('leaves out an organisation not yet formed', () => {
    expect(ids([org('org:new', { validFrom: '2020-04' })], '2019-06-01')).toEqual([]);
  });

  it('the bodies named responsible for an area stand from the date a source names them until the next naming', () => {
    const named = (id: string, date: string) =>
      org(id, { relation: 'responsible for the area', responsibleAt: { notBefore: date, notAfter: date } });
    const candidates = [
      org('org:area'),
      named('org:council', '2017-11-21'),
      named('org:ccg', '2017-11-21'),
      named('org:council', '2024-05-09'),
      named('org:icb', '2024-05-09'),
    ];
    expect(ids(candidates, '2017-06-12')).toEqual(['org:area', 'org:council', 'org:ccg']);
    expect(ids(candidates, '2017-11-21')).toEqual(['org:area', 'org:council', 'org:ccg']);
    expect(ids(candidates, '2024-05-09')).toEqual(['org:area', 'org:council', 'org:icb']);
    expect(scopeAt(candidates, windowOf('2024-05-09'))[1]?.relation).toContain(
      'as a source says on 2024-05-09',
    );
  });
});
