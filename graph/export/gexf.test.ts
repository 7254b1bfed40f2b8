import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { trickyDataset } from './dataset-fixture.ts';
import { graphFromDataset } from './dataset-graph.ts';
import { trickyGraph } from './fixture.ts';
import { edgeSpells, graphToGexf, mergeSpells } from './gexf.ts';

const meta = { title: 'Bury, "all" <dates>', at: null, exportedAt: '2026-01-02T03:04:05.000Z' };

/** Spells as GEXF's XML holds them (graphology's reader keeps attributes and viz, not time). */
function spellsOf(xml: string, tag: 'node' | 'edge'): Map<string, string[]> {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const out = new Map<string, string[]>();
  const elements = doc.getElementsByTagName(tag);
  for (let i = 0; i < elements.length; i += 1) {
    const element = elements.item(i);
    if (!element) continue;
    const spells = element.getElementsByTagName('spell');
    const list: string[] = [];
    for (let j = 0; j < spells.length; j += 1) {
      const s = spells.item(j);
      list.push(`${s?.getAttribute('start') || '…'}/${s?.getAttribute('end') || '…'}`);
    }
    out.set(element.getAttribute('id') ?? '', list);
  }
  return out;
}

describe('GEXF 1.3 with spells', () => {
  it('is read by a real GEXF reader with every node, edge, label, colour and position', () => {
    const xml = graphToGexf(trickyGraph(), meta, {
      colourOf: (label) => (label === 'Person' ? '#2563eb' : undefined),
    });
    const graph = parse(Graph, xml);
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(3);
    expect(graph.getNodeAttributes('person:a-b')).toMatchObject({
      label: "Jane O'Brien & <Co>",
      type: 'Person',
      x: 200,
      y: 40,
      color: 'rgb(37,99,235)',
    });
    expect(graph.getNodeAttributes('finding:x')).toMatchObject({ date: '2017-06', disputed: 'date; kind' });
    expect(graph.getEdgeAttributes('tenure:a-b-ceo')).toMatchObject({
      type: 'HOLDS',
      from: '2016-02',
      capacity: 'interim',
      evidence_quotes: 'She said, "we will act"\nand did.\nInterim chief executive',
    });
    expect(xml).toContain('<graph mode="dynamic" defaultedgetype="directed" timeformat="date"');
    expect(xml).toContain('xmlns="http://gexf.net/1.3"');
  });

  it('leaves a node uncoloured when the caller gives no colour for its label', () => {
    const graph = parse(Graph, graphToGexf(trickyGraph(), meta));
    expect(graph.getNodeAttributes('person:a-b').color).toBeUndefined();
    expect(graph.getNodeAttributes('person:a-b')).toMatchObject({ x: 200, y: 40 });
  });

  it('gives nodes and edges the days they held, a partial date read as its widest days', () => {
    const xml = graphToGexf(trickyGraph(), meta);
    const edges = spellsOf(xml, 'edge');
    expect(edges.get('tenure:a-b-ceo')).toEqual(['2016-02-01/…']);
    expect(edges.get('rel:post-in')).toEqual([]);
    const nodes = spellsOf(xml, 'node');
    expect(nodes.get('person:a-b')).toEqual(['2016-02-01/…']);
    expect(nodes.get('finding:x')).toEqual(['2017-06-01/…']);
    expect(nodes.get('org:bury-council')).toEqual([]);
  });

  it('draws an attested tenure between the sources that show it, and a stated one across its bounds', () => {
    const graph = graphFromDataset(trickyDataset());
    const xml = graphToGexf(graph, meta);
    const parsed = parse(Graph, xml);
    expect([parsed.order, parsed.size]).toEqual([5, 4]);
    const edges = spellsOf(xml, 'edge');
    expect(edges.get('tenure:pat-jones-greenhalgh-bury-council-chief-executive')).toEqual([
      '2017-06-16/2017-11-21',
    ]);
    expect(edges.get('tenure:a-b-bury-council-leader')).toEqual(['2016-02-01/2019-12-31']);
    expect(
      parsed.getEdgeAttributes('tenure:pat-jones-greenhalgh-bury-council-chief-executive'),
    ).toMatchObject({
      known: 'attested',
      attested_on: '2017-11-21; 2017-06-16/2017-11-21',
    });
    // Nodes without a position are placed, so the file opens with something to see.
    expect(parsed.getNodeAttributes('org:bury-council')).toHaveProperty('x');
  });

  it('joins overlapping spells and keeps open ends open', () => {
    expect(
      mergeSpells([
        { start: '2018-01-01', end: '2018-06-30' },
        { start: '2017-01-01', end: '2017-12-31' },
        { start: '2017-06-01', end: '2018-02-01' },
        { start: '2020-01-01', end: null },
      ]),
    ).toEqual([
      { start: '2017-01-01', end: '2018-06-30' },
      { start: '2020-01-01', end: null },
    ]);
    const statement = {
      id: 's',
      source: 'a',
      target: 'b',
      type: 'STATED',
      from: null,
      to: null,
      qualifier: null,
    };
    expect(edgeSpells({ ...statement, evidence: [], date: '2018-03/2024-05-09' })).toEqual([
      { start: '2018-03-01', end: null },
    ]);
  });
});
