import { Node } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { ElementsSchema } from '../contract/api.ts';
import { edgeElement, holdsEdge, nodeDate, nodeElement } from '../contract/elements.ts';
import { toElements } from '../contract/record-mapper.ts';
import { graphToCsv } from './csv.ts';
import type { ExportMeta } from './elements.ts';
import { graphToGraphml } from './graphml.ts';
import { graphFromJson, graphToJson } from './json.ts';

// A report dated only by the bounds its sources allow: no `published`, no `date`.
const boundedReport = {
  id: 'report:revisit-letter',
  name: 'Revisit letter',
  kind: 'revisit letter',
  notBefore: '2018-03',
  notAfter: '2024-05-09',
};
const meta: ExportMeta = { at: null, exportedAt: '2026-01-01T00:00:00.000Z' };

describe('nodeDate: one rule for every node', () => {
  it('prefers an explicit date, then publication, then fieldwork, then bounds', () => {
    expect(nodeDate('Statement', { date: '2017-11-21', published: '2017' })).toBe('2017-11-21');
    expect(nodeDate('Report', { published: '2017-11', notBefore: '2017' })).toBe('2017-11');
    expect(nodeDate('Inspection', { from: '2017-06-12', to: '2017-06-16' })).toBe('2017-06-12');
    expect(nodeDate('Inspection', { to: '2019' })).toBe('2019');
    expect(nodeDate('Report', boundedReport)).toBe('2018-03/2024-05-09');
    expect(nodeDate('Finding', { notBefore: '2017', notAfter: '2017' })).toBe('2017');
    expect(nodeDate('Person', { name: 'x' })).toBeNull();
  });
});

describe('one mapper for the explorer, the console and every export', () => {
  it('gives a bounds-dated report the same date in each', () => {
    const explorer = nodeElement('Report', boundedReport);
    const console = toElements([new Node(1, ['Report'], boundedReport, 'e:1')]).nodes[0];
    expect(explorer.data.date).toBe('2018-03/2024-05-09');
    expect(console?.data).toEqual(explorer.data);

    const graph = { nodes: [explorer], edges: [] };
    const csvRow = graphToCsv(graph, {}, { bom: false }).nodes.split('\r\n')[1] ?? '';
    expect(csvRow).toContain('2018-03/2024-05-09');
    expect(graphToGraphml(graph, meta)).toContain('<data key="n_date">2018-03/2024-05-09</data>');
    expect(graphFromJson(graphToJson(graph, meta)).graph.nodes[0]?.data.date).toBe('2018-03/2024-05-09');
  });

  it('leaves out optional keys that have no value, on every path', () => {
    const edge = edgeElement('FOUND', 'report:a', 'finding:b', {
      id: 'found:a-b',
      evidenceDocumentIds: ['doc:a'],
      evidenceQuotes: ['found'],
    });
    expect(Object.keys(edge.data).sort()).toEqual(
      ['evidence', 'from', 'id', 'qualifier', 'source', 'target', 'to', 'type'].sort(),
    );
    const node = nodeElement('Person', { id: 'person:x', name: 'X' });
    expect(node.data).toEqual({ id: 'person:x', label: 'Person', name: 'X' });
    expect(ElementsSchema.parse({ nodes: [node], edges: [edge] })).toBeTruthy();
  });

  it('draws a tenure as one HOLDS edge with its attestations', () => {
    const edge = holdsEdge({
      id: 'tenure:a',
      personId: 'person:a',
      postId: 'post:b',
      capacity: 'interim',
      attestationNotBefore: ['2017-11-21', '2018-03'],
      attestationNotAfter: ['2017-11-21', '2024-05-09'],
      evidenceDocumentIds: ['doc:a'],
      evidenceQuotes: ['q'],
    });
    expect(edge.data).toMatchObject({
      type: 'HOLDS',
      known: 'attested',
      attestedOn: ['2017-11-21', '2018-03/2024-05-09'],
    });
  });
});
