import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { trickyGraph } from './fixture.ts';
import { GRAPHML_KEYS, graphToGraphml } from './graphml.ts';

const meta = { title: 'Bury & "SEND"', at: '2017-11-21', exportedAt: '2025-01-01T00:00:00.000Z' };

function parse(xml: string) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
    parseTagValue: false,
  });
  return parser.parse(xml) as {
    graphml: {
      key: Array<Record<string, string>>;
      graph: {
        '@edgedefault': string;
        node: Array<{ '@id': string; data: Array<{ '@key': string; '#text': string }> }>;
        edge: Array<{
          '@id': string;
          '@source': string;
          '@target': string;
          data: Array<{ '@key': string; '#text': string }>;
        }>;
      };
    };
  };
}

describe('graphToGraphml', () => {
  const graph = trickyGraph();
  const xml = graphToGraphml(graph, meta, {
    colourOf: (label) => (label === 'Person' ? '#2563eb' : undefined),
  });

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('has as many nodes and edges as the graph, with their ids and ends', () => {
    const doc = parse(xml).graphml;
    expect(doc.graph['@edgedefault']).toBe('directed');
    expect(doc.graph.node.map((n) => n['@id'])).toEqual(graph.nodes.map((n) => n.data.id));
    expect(doc.graph.edge).toHaveLength(graph.edges.length);
    expect(doc.graph.edge.map((e) => [e['@source'], e['@target']])).toEqual(
      graph.edges.map((e) => [e.data.source, e.data.target]),
    );
  });

  it('declares every key it uses, each with a type', () => {
    const doc = parse(xml).graphml;
    const declared = new Map(doc.key.map((k) => [k['@id'], k]));
    expect(doc.key).toHaveLength(GRAPHML_KEYS.length);
    for (const key of doc.key) expect(['string', 'double', 'int', 'boolean']).toContain(key['@attr.type']);
    const used = [...doc.graph.node, ...doc.graph.edge].flatMap((el) => el.data.map((d) => d['@key']));
    for (const key of used) expect(declared.has(key), key).toBe(true);
  });

  it('keeps names, quotes and colours exact through escaping', () => {
    const doc = parse(xml).graphml;
    const person = doc.graph.node.find((n) => n['@id'] === 'person:a-b');
    const value = (key: string) => person?.data.find((d) => d['@key'] === key)?.['#text'];
    expect(value('n_label')).toBe("Jane O'Brien & <Co>");
    expect(value('n_type')).toBe('Person');
    expect([value('n_r'), value('n_g'), value('n_b')]).toEqual(['37', '99', '235']);
    expect(value('n_x')).toBe('200');
    const holds = doc.graph.edge[0]?.data ?? [];
    expect(holds.find((d) => d['@key'] === 'e_evidence_quotes')?.['#text']).toBe(
      'She said, "we will act"\nand did.\nInterim chief executive',
    );
    expect(holds.find((d) => d['@key'] === 'e_evidence_count')?.['#text']).toBe('2');
  });

  it('leaves out an edge whose end is not in the graph, which GraphML forbids', () => {
    const broken = trickyGraph();
    broken.nodes = broken.nodes.filter((n) => n.data.id !== 'finding:x');
    expect(parse(graphToGraphml(broken, meta)).graphml.graph.edge).toHaveLength(2);
  });
});
