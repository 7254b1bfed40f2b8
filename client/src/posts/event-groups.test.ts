import { describe, expect, it } from 'vitest';
import type { ChartEvent } from '../../../graph/contract/posts-chart.ts';
import { groupFindingEvents } from './event-groups.ts';

function event(id: string, over: Partial<ChartEvent> = {}): ChartEvent {
  return {
    id,
    label: 'Finding',
    kind: 'weakness',
    name: `Finding ${id}`,
    date: '2017-06',
    start: '2017-06-01',
    end: '2017-06-30',
    foundBy: 'inspection:a',
    evidence: [{ documentId: 'doc:a', quote: `quote of ${id}` }],
    ...over,
  };
}

describe('groupFindingEvents', () => {
  it("gathers a report's findings of one date into one marker, in the place of the first", () => {
    const inspection = event('inspection:a', { label: 'Inspection', foundBy: null, kind: null });
    const shown = groupFindingEvents([inspection, event('f1'), event('f2'), event('f3')]);
    expect(shown).toHaveLength(2);
    const [first, group] = shown;
    expect(first).toBe(inspection);
    expect(group).toMatchObject({
      name: '3 findings',
      label: 'Finding',
      foundBy: 'inspection:a',
      kind: null,
    });
    expect(group?.members?.map((m) => m.id)).toEqual(['f1', 'f2', 'f3']);
    // Every finding's source is still there for the details.
    expect(group?.evidence.map((e) => e.quote)).toEqual(['quote of f1', 'quote of f2', 'quote of f3']);
  });

  it('keeps apart findings dated otherwise, of other reports, and groups smaller than three', () => {
    const shown = groupFindingEvents([
      event('f1'),
      event('f2'),
      event('f3'),
      event('late', { start: '2019-01-01', end: '2019-12-31' }),
      event('other1', { foundBy: 'report:b' }),
      event('other2', { foundBy: 'report:b' }),
    ]);
    expect(shown.map((e) => e.name)).toEqual([
      '3 findings',
      'Finding late',
      'Finding other1',
      'Finding other2',
    ]);
  });

  it('lists a quote shared by several findings once', () => {
    const same = [{ documentId: 'doc:a', quote: 'one sentence' }];
    const [group] = groupFindingEvents([
      event('f1', { evidence: same }),
      event('f2', { evidence: same }),
      event('f3', { evidence: same }),
    ]);
    expect(group?.evidence).toEqual(same);
  });
});
