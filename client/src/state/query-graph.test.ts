import { describe, expect, it } from 'vitest';
import type { ElementEdge, ElementNode, Elements } from '../../../graph/contract/api.ts';
import { reduce } from './actions.ts';
import { graphKey, initialState } from './app-state.ts';
import { mergeElements, withQueryGraph } from './query-graph.ts';

const node = (id: string, label = 'Person', name = id): ElementNode => ({ data: { id, label, name } });
const edge = (id: string, source: string, target: string, type = 'HELD'): ElementEdge => ({
  data: { id, source, target, type, from: null, to: null, qualifier: null, evidence: [] },
});
const NO_FILTERS = { hidden: [], hiddenLabels: [], hiddenTypes: [] };

describe('a console result on the canvas', () => {
  const result: Elements = {
    nodes: [node('person:a'), node('tenure:t', 'Tenure'), node('post:p', 'Post')],
    edges: [edge('e1', 'person:a', 'tenure:t'), edge('e2', 'tenure:t', 'post:p', 'OF_POST')],
  };

  it('merges elements by id, the newer copy winning', () => {
    const merged = mergeElements(
      { nodes: [node('x', 'Person', 'old')], edges: [] },
      { nodes: [node('x', 'Person', 'new'), node('y')], edges: [] },
    );
    expect(merged.nodes.map((n) => n.data.name)).toEqual(['new', 'y']);
  });

  it('adds the result to the composed canvas under the same filters', () => {
    const composed: Elements = { nodes: [node('org:o', 'Organisation')], edges: [] };
    const all = withQueryGraph(composed, result, NO_FILTERS);
    expect(all.nodes.map((n) => n.data.id)).toEqual(['org:o', 'person:a', 'tenure:t', 'post:p']);
    expect(all.edges).toHaveLength(2);

    const filtered = withQueryGraph(composed, result, {
      hidden: ['post:p'],
      hiddenLabels: ['Tenure'],
      hiddenTypes: [],
    });
    expect(filtered.nodes.map((n) => n.data.id)).toEqual(['org:o', 'person:a']);
    // No edge is kept whose ends are not both drawn.
    expect(filtered.edges).toEqual([]);
    expect(
      withQueryGraph(composed, result, { ...NO_FILTERS, hiddenTypes: ['HELD'] }).edges.map((e) => e.data.id),
    ).toEqual(['e2']);
  });

  it('replaces the canvas: pins, expansions, hidden nodes and selection go, the explorer shows', () => {
    const start = {
      ...initialState(),
      pinned: ['org:x'],
      expansions: [{ id: 'org:x', limit: 25 }],
      hidden: ['org:y'],
      selected: { kind: 'node' as const, id: 'org:x' },
      tab: 'console' as const,
    };
    const state = reduce(start, { type: 'showQueryGraph', elements: result, mode: 'replace' });
    expect(state).toMatchObject({ pinned: [], expansions: [], hidden: [], selected: null, tab: 'explore' });
    expect(state.queryGraph).toBe(result);
    expect(graphKey(state)).not.toBe(graphKey(start));
  });

  it('adds to the canvas: keeps what is there, unhides the result’s nodes, and can be cleared', () => {
    const start = {
      ...initialState(),
      pinned: ['org:x'],
      hidden: ['person:a', 'org:y'],
      tab: 'console' as const,
    };
    const first = reduce(start, {
      type: 'showQueryGraph',
      elements: { nodes: [node('org:z')], edges: [] },
      mode: 'merge',
    });
    const state = reduce(first, { type: 'showQueryGraph', elements: result, mode: 'merge' });
    expect(state.pinned).toEqual(['org:x']);
    expect(state.hidden).toEqual(['org:y']);
    expect(state.queryGraph.nodes.map((n) => n.data.id)).toEqual(['org:z', 'person:a', 'tenure:t', 'post:p']);
    expect(state.tab).toBe('explore');
    const cleared = reduce(state, { type: 'clearQueryGraph' });
    expect(cleared.queryGraph.nodes).toEqual([]);
    expect(graphKey(cleared)).not.toBe(graphKey(state));
  });
});
