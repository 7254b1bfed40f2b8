import { describe, expect, it } from 'vitest';
import { NeighboursSchema } from '../../graph/contract/api.ts';
import { type NeighbourRow, neighbourhood } from './neighbourhood.ts';

const post = { id: 'post:ce', title: 'Chief Executive' };
const self = { id: 'post:ce', label: 'Post', props: post };

function row(fields: Partial<NeighbourRow> & Pick<NeighbourRow, 'other' | 'otherLabel'>): NeighbourRow {
  return { rel: null, type: 'POST_IN', outgoing: true, tenure: null, ...fields };
}

describe('neighbourhood', () => {
  it('keeps each relationship’s direction relative to the node', () => {
    const result = neighbourhood(
      self,
      [
        row({
          rel: { id: 'r1' },
          outgoing: true,
          other: { id: 'org:a', name: 'A' },
          otherLabel: 'Organisation',
        }),
        row({
          rel: { id: 'r2' },
          type: 'MENTIONS',
          outgoing: false,
          other: { id: 'doc:d', title: 'D' },
          otherLabel: 'Document',
        }),
      ],
      2,
      10,
    );
    const edges = Object.fromEntries(result.elements.edges.map((e) => [e.data.id, e.data]));
    expect(edges.r1).toMatchObject({ source: 'post:ce', target: 'org:a', type: 'POST_IN' });
    expect(edges.r2).toMatchObject({ source: 'doc:d', target: 'post:ce', type: 'MENTIONS' });
    expect(NeighboursSchema.parse(result)).toEqual(result);
  });

  it('folds a tenure into one HOLDS edge from the person to the post, whichever end was asked for', () => {
    const tenure = { id: 'tenure:p-ce', personId: 'person:p', postId: 'post:ce', capacity: 'interim' };
    const result = neighbourhood(
      self,
      [
        row({
          type: 'HOLDS',
          outgoing: false,
          tenure,
          other: { id: 'person:p', name: 'P' },
          otherLabel: 'Person',
        }),
      ],
      1,
      10,
    );
    expect(result.elements.edges).toHaveLength(1);
    expect(result.elements.edges[0]?.data).toMatchObject({
      id: 'tenure:p-ce',
      source: 'person:p',
      target: 'post:ce',
      type: 'HOLDS',
      capacity: 'interim',
      known: 'attested',
    });
  });

  it('lists each node once and says when the cap cut the neighbourhood short', () => {
    const other = { id: 'org:a', name: 'A' };
    const rows = [
      row({ rel: { id: 'r1' }, other, otherLabel: 'Organisation' }),
      row({ rel: { id: 'r2' }, type: 'RESPONSIBLE_FOR', other, otherLabel: 'Organisation' }),
    ];
    const result = neighbourhood(self, rows, 5, 2);
    expect(result.elements.nodes.map((n) => n.data.id)).toEqual(['post:ce', 'org:a']);
    expect(result).toMatchObject({ total: 5, truncated: true });
    expect(neighbourhood(self, rows, 2, 2).truncated).toBe(false);
  });
});
