import { describe, expect, it } from 'vitest';
import type { ElementNode, Elements } from '../../../graph/contract/api.ts';
import { edgeElement } from '../../../test/elements.ts';
import { estimateTextWidth } from '../export/svg-writer.ts';
import { pictureOf } from './picture-drawing.ts';
import { MAX_FIT_ZOOM, READABLE_ZOOM } from './viewport.ts';

const node = (id: string, label: string, name: string): ElementNode => ({ data: { id, label, name } });
const edge = edgeElement;

/** An inspection, the body it inspected, a post there and its holder. */
const chain: Elements = {
  nodes: [
    node('person:pat', 'Person', 'Pat Jones'),
    node('post:ceo', 'Post', 'Chief Executive, Bury Council'),
    node('org:council', 'Organisation', 'Bury Council'),
    node('inspection:2017', 'Inspection', 'Ofsted and CQC Local Area SEND inspection of Bury, June 2017'),
  ],
  edges: [
    edge('inspection:2017', 'INSPECTED', 'org:council'),
    edge('post:ceo', 'POST_IN', 'org:council'),
    edge('person:pat', 'HOLDS', 'post:ceo', { known: 'attested' }),
  ],
};

const size = { width: 1000, height: 700 };
const options = { size, selected: null, expanded: [], measure: estimateTextWidth };

describe('the opening’s picture', () => {
  it('lays the chain out in accountability columns, left to right', () => {
    const picture = pictureOf(chain, options);
    const x = (id: string) => picture?.positions.get(id)?.x ?? Number.NaN;
    expect(x('inspection:2017')).toBeLessThan(x('org:council'));
    expect(x('org:council')).toBeLessThan(x('post:ceo'));
    expect(x('post:ceo')).toBeLessThan(x('person:pat'));
  });

  it('is fitted as the canvas fits a first drawing: all of it on the canvas, at a readable zoom', () => {
    const picture = pictureOf(chain, options);
    if (!picture) throw new Error('no picture');
    const { zoom, pan } = picture.viewport;
    expect(zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(zoom).toBeLessThanOrEqual(MAX_FIT_ZOOM);
    for (const at of picture.positions.values()) {
      const x = at.x * zoom + pan.x;
      const y = at.y * zoom + pan.y;
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(size.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(size.height);
    }
    // The drawing's window is the canvas, in model coordinates.
    expect(picture.drawing.width).toBe(size.width);
    expect(picture.drawing.box.width * zoom).toBeCloseTo(size.width);
    expect(picture.drawing.box.x).toBeCloseTo(-pan.x / zoom);
  });

  it('draws every node with its name, in its label’s shape and colour', () => {
    const drawing = pictureOf(chain, options)?.drawing;
    const pat = drawing?.nodes.find((n) => n.id === 'person:pat');
    expect(pat).toMatchObject({ shape: 'ellipse', fill: '#2563eb', width: 30, height: 30 });
    expect(pat?.label).toMatchObject({ text: 'Pat Jones', valign: 'bottom', wrapWidth: 140 });
    expect(pat?.label?.font.weight).toBe(700);
    expect(drawing?.nodes.find((n) => n.id === 'post:ceo')?.shape).toBe('diamond');
  });

  it('marks the selection and the expanded nodes, and names the selected node’s relationships', () => {
    const drawing = pictureOf(chain, {
      ...options,
      selected: { kind: 'node', id: 'org:council' },
      expanded: ['org:council', 'inspection:2017'],
    })?.drawing;
    const council = drawing?.nodes.find((n) => n.id === 'org:council');
    expect(council?.border).toMatchObject({ color: '#facc15', width: 5 });
    expect(drawing?.nodes.find((n) => n.id === 'inspection:2017')?.border).toMatchObject({
      color: '#0f172a',
      width: 3,
    });
    const named = drawing?.edges.filter((e) => e.label !== null).map((e) => e.id);
    expect(named?.sort()).toEqual(['inspection:2017-INSPECTED-org:council', 'post:ceo-POST_IN-org:council']);
    expect(drawing?.edges.find((e) => e.id === 'post:ceo-POST_IN-org:council')?.label?.text).toBe('post in');
  });

  it('names none of them when the selection has more than a dozen, as the canvas does', () => {
    const many: Elements = {
      nodes: [
        node('org:hub', 'Organisation', 'Hub'),
        ...Array.from({ length: 13 }, (_, i) => node(`post:p${i}`, 'Post', `Post ${i}`)),
      ],
      edges: Array.from({ length: 13 }, (_, i) => edge(`post:p${i}`, 'POST_IN', 'org:hub')),
    };
    const drawing = pictureOf(many, { ...options, selected: { kind: 'node', id: 'org:hub' } })?.drawing;
    expect(drawing?.edges.every((e) => e.label === null)).toBe(true);
  });

  it('draws each relationship from rim to rim, in its type’s line', () => {
    const picture = pictureOf(chain, options);
    const holds = picture?.drawing.edges.find((e) => e.id === 'person:pat-HOLDS-post:ceo');
    const pat = picture?.positions.get('person:pat');
    if (!holds || !pat) throw new Error('missing');
    // A person is a circle 30 across with a 2-pixel border: the line leaves it 16 from its centre.
    expect(Math.hypot(holds.source.x - pat.x, holds.source.y - pat.y)).toBeCloseTo(16, 5);
    expect(holds.line).toMatchObject({ color: '#2563eb', width: 3, dash: [7, 4] });
    expect(holds.arrow?.scale).toBe(0.9);
  });

  it('leaves out a relationship whose end is not drawn, and draws nothing for no nodes or no room', () => {
    const stray: Elements = {
      nodes: chain.nodes,
      edges: [...chain.edges, edge('person:pat', 'HOLDS', 'post:gone')],
    };
    expect(pictureOf(stray, options)?.drawing.edges).toHaveLength(3);
    expect(pictureOf({ nodes: [], edges: [] }, options)).toBeNull();
    expect(pictureOf(chain, { ...options, size: { width: 0, height: 700 } })).toBeNull();
  });
});
