import { describe, expect, it } from 'vitest';
import { trickyGraph } from './fixture.ts';
import { graphFromJson, graphToJson } from './json.ts';

describe('graphToJson', () => {
  const graph = trickyGraph();
  const meta = { title: 'Bury, 2017', at: '2017-11-21', exportedAt: '2025-01-01T00:00:00.000Z' };

  it('round-trips: what is read back equals what was written', () => {
    const { graph: back, file } = graphFromJson(graphToJson(graph, meta));
    expect(back).toEqual(graph);
    expect(file.data).toEqual({ name: 'Bury, 2017', at: '2017-11-21', exportedAt: meta.exportedAt });
  });

  it('is laid out as Cytoscape elements with positions', () => {
    const parsed = JSON.parse(graphToJson(graph, meta));
    expect(parsed.format_version).toBe('1.0');
    expect(parsed.elements.nodes[0]).toEqual({
      data: graph.nodes[0]?.data,
      position: { x: 10.5, y: -20.25 },
    });
    expect(parsed.elements.nodes[2]).not.toHaveProperty('position');
    expect(parsed.elements.edges).toHaveLength(3);
  });

  it('refuses a file that is not an elements file', () => {
    expect(() => graphFromJson('{"elements": {"nodes": [{}]}}')).toThrow();
  });
});
