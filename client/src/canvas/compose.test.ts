import { describe, expect, it } from 'vitest';
import type { ElementEdge, ElementNode } from '../../../graph/contract/api.ts';
import { edgeElement } from '../../../test/elements.ts';
import {
  caption,
  composeGraph,
  type FetchedExpansion,
  MAX_POST_HOLDERS,
  postsToShowHolders,
  truncations,
  viewRelationshipTypes,
} from './compose.ts';

function node(id: string, label = 'Organisation'): ElementNode {
  return { data: { id, label, name: id } };
}
function edge(source: string, target: string, type = 'POST_IN'): ElementEdge {
  return edgeElement(source, type, target, { id: `${type}:${source}>${target}` });
}
function expansion(id: string, neighbours: Array<[string, string, string?]>): FetchedExpansion {
  return {
    id,
    limit: 25,
    total: neighbours.length,
    truncated: false,
    elements: {
      nodes: [node(id), ...neighbours.map(([n, label]) => node(n, label))],
      edges: neighbours.map(([n, , type]) => edge(id, n, type)),
    },
  };
}
const none = { hidden: [], hiddenLabels: [], hiddenTypes: [] };
const ids = (list: Array<{ data: { id: string } }>) => list.map((x) => x.data.id).sort();

describe('composeGraph', () => {
  it('collapsing an expansion removes only the neighbours nothing else brings', () => {
    const a = expansion('org:a', [
      ['post:shared', 'Post'],
      ['post:only-a', 'Post'],
    ]);
    const b = expansion('org:b', [['post:shared', 'Post']]);
    const both = composeGraph({ pinned: [], expansions: [a, b], ...none });
    expect(ids(both.nodes)).toEqual(['org:a', 'org:b', 'post:only-a', 'post:shared']);
    const collapsed = composeGraph({ pinned: [], expansions: [b], ...none });
    expect(ids(collapsed.nodes)).toEqual(['org:b', 'post:shared']);
  });

  it('skips edges whose ends are missing', () => {
    const a = expansion('org:a', [['post:x', 'Post']]);
    a.elements.edges.push(edge('post:x', 'person:absent', 'HOLDS'));
    const graph = composeGraph({ pinned: [], expansions: [a], ...none });
    expect(graph.edges.map((e) => e.data.type)).toEqual(['POST_IN']);
  });

  it('hides hidden nodes, filtered labels and types, and the neighbours left floating', () => {
    const a = expansion('org:a', [
      ['post:x', 'Post'],
      ['doc:d', 'Document', 'MENTIONS'],
      ['person:p', 'Person', 'HOLDS'],
    ]);
    const graph = composeGraph({
      pinned: [node('org:lonely')],
      expansions: [a],
      hidden: ['person:p'],
      hiddenLabels: [],
      hiddenTypes: ['MENTIONS'],
    });
    expect(ids(graph.nodes)).toEqual(['org:a', 'org:lonely', 'post:x']);
    expect(graph.edges).toHaveLength(1);
  });

  it('reports truncated expansions with how many were left out', () => {
    const a = { ...expansion('org:a', []), truncated: true, total: 40 };
    expect(truncations([a], () => 'A')).toEqual([
      { id: 'org:a', name: 'A', shown: 25, total: 40, limit: 25 },
    ]);
  });
});

describe('caption', () => {
  it('keeps short names and cuts long ones at a word', () => {
    expect(caption('Bury Council')).toBe('Bury Council');
    const long = caption(
      'The local area has been too slow to implement the disability and special educational needs reforms',
      40,
    );
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long.endsWith('…')).toBe(true);
    expect(long).toBe('The local area has been too slow to…');
  });
});

describe('viewRelationshipTypes', () => {
  it('offers HOLDS for tenures when the database has HELD', () => {
    const types = viewRelationshipTypes([
      { type: 'CONCERNS', count: 4 },
      { type: 'HELD', count: 10 },
      { type: 'OF_POST', count: 10 },
    ]);
    expect(types[0]).toEqual({ type: 'HOLDS', count: 10 });
    expect(types.map((t) => t.type)).toContain('HELD');
  });

  it('leaves the list alone without tenures', () => {
    expect(viewRelationshipTypes([{ type: 'CONCERNS', count: 4 }])).toEqual([{ type: 'CONCERNS', count: 4 }]);
  });
});

describe('postsToShowHolders', () => {
  const org = (id: string) => ({ data: { id, label: 'Organisation', name: id } });
  const post = (id: string) => ({ data: { id, label: 'Post', name: id } });
  const postIn = (from: string, to: string) => ({
    data: { id: `POST_IN:${from}`, source: from, target: to, type: 'POST_IN', evidence: [] },
  });
  const expansion = (id: string, nodes: unknown[], edges: unknown[]) =>
    ({
      id,
      limit: 25,
      total: nodes.length,
      truncated: false,
      elements: { nodes, edges },
    }) as FetchedExpansion;

  it("asks for the holders of an expanded organisation's posts, not of posts already expanded", () => {
    const fetched = [
      expansion(
        'org:a',
        [org('org:a'), post('post:x'), post('post:y')],
        [postIn('post:x', 'org:a'), postIn('post:y', 'org:a')],
      ),
      expansion('post:y', [post('post:y')], []),
    ];
    expect(postsToShowHolders(fetched, undefined)).toEqual(['post:x']);
  });

  it('asks for nothing when HOLDS is filtered out, or for a node that is not an organisation', () => {
    const fetched = [expansion('org:a', [org('org:a'), post('post:x')], [postIn('post:x', 'org:a')])];
    expect(postsToShowHolders(fetched, ['POST_IN'])).toEqual([]);
    const fromPost = [expansion('post:x', [post('post:x'), org('org:a')], [postIn('post:x', 'org:a')])];
    expect(postsToShowHolders(fromPost, undefined)).toEqual([]);
  });

  it(`caps the posts at ${MAX_POST_HOLDERS}`, () => {
    const ids = Array.from({ length: 20 }, (_, i) => `post:p${i}`);
    const fetched = [
      expansion(
        'org:a',
        [org('org:a'), ...ids.map(post)],
        ids.map((id) => postIn(id, 'org:a')),
      ),
    ];
    expect(postsToShowHolders(fetched, undefined)).toHaveLength(MAX_POST_HOLDERS);
  });
});
