import { describe, expect, it } from 'vitest';
import type { ElementEdge } from '../../../graph/contract/api.ts';
import { edgeLabel } from './definitions.ts';

function edge(data: Partial<ElementEdge['data']>): ElementEdge {
  return {
    data: {
      id: 'tenure:a',
      source: 'person:a',
      target: 'post:b',
      type: 'HOLDS',
      evidence: [{ documentId: 'doc:a', quote: 'A, chief executive' }],
      ...data,
    },
  } as ElementEdge;
}

describe('edgeLabel', () => {
  it('names the type and counts the sources', () => {
    expect(edgeLabel(edge({}))).toBe('holds · 1 source');
  });

  it('says in words when a relationship is only possibly in force, or undated', () => {
    expect(edgeLabel(edge({ standing: 'possible' }))).toBe('possibly holds · 1 source');
    expect(edgeLabel(edge({ standing: 'undated' }))).toBe('holds · date unknown · 1 source');
  });

  it('says a relationship resting on citations alone is possible and cited by URL, not quoted', () => {
    const cited = edge({
      evidence: [],
      evidenceKind: 'cited',
      citations: [{ url: 'https://example.org/minutes', note: null }],
    });
    expect(edgeLabel(cited)).toBe('possibly holds · cited by URL, not quoted');
  });
});
