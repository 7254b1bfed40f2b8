import { describe, expect, it } from 'vitest';
import type { ElementEdge } from '../../../graph/contract/api.ts';
import { markStanding, standingOf, undatedOnlyDocuments } from './in-force.ts';

const edge = (id: string, extra: Partial<ElementEdge['data']>, docs: string[] = []): ElementEdge => ({
  data: {
    id,
    source: 'a',
    target: 'b',
    type: 'T',
    from: null,
    to: null,
    qualifier: null,
    evidence: docs.map((documentId) => ({ documentId, quote: 'q' })),
    ...extra,
  },
});

describe('standing on a date', () => {
  it('tells possible, undated and certain apart, and says nothing without a date', () => {
    expect(standingOf(edge('p', { inForce: 'possible', from: '2018' }), '2019-01-01')).toBe('possible');
    expect(standingOf(edge('c', { inForce: 'certain', from: '2018' }), '2019-01-01')).toBeNull();
    expect(standingOf(edge('u', {}), '2019-01-01')).toBe('undated');
    expect(standingOf(edge('u', {}), null)).toBeNull();
  });

  it('lists documents cited only by undated relationships', () => {
    const marked = markStanding(
      {
        nodes: [],
        edges: [
          edge('u', {}, ['doc:2024']),
          edge('c', { inForce: 'certain', from: '2017' }, ['doc:2017']),
          edge('u2', {}, ['doc:2017']),
        ],
      },
      '2017-11-21',
    );
    expect([...undatedOnlyDocuments(marked.edges)]).toEqual(['doc:2024']);
  });
});
