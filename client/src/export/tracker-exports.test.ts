import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { trickyDataset } from '../../../graph/export/dataset-fixture.ts';
import { trickyGraph } from '../../../graph/export/fixture.ts';
import { PopoloFileSchema } from '../../../graph/export/popolo-schema.ts';
import { createTrackerExporter, datasetNodeIds } from './tracker-exports.ts';

function exporter(answer: unknown = trickyDataset()) {
  const calls: Array<{ url: string; body: unknown }> = [];
  const fetchStub = (async (url: string, init?: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init?.body)) });
    return new Response(JSON.stringify(answer), { status: 200 });
  }) as typeof fetch;
  const snapshot = () => ({ graph: trickyGraph(), viewport: { zoom: 1, pan: { x: 0, y: 0 } } });
  const trackers = createTrackerExporter({
    canvas: { snapshot } as never,
    at: () => '2017-11-21',
    fetch: fetchStub,
    appUrl: 'http://app.example',
  });
  return { trackers, calls };
}

describe('tracker formats from the canvas', () => {
  it('asks for the tenures among the canvas nodes and its HOLDS edges, and writes Popolo from them', async () => {
    const { trackers, calls } = exporter();
    const file = await trackers.file('popolo', 'Bury');
    expect(calls).toEqual([
      { url: '/api/exports/dataset', body: { nodeIds: datasetNodeIds(trickyGraph()) } },
    ]);
    expect(datasetNodeIds(trickyGraph())).toContain('tenure:a-b-ceo');
    expect(file.name).toBe('bury-2017-11-21.popolo.json');
    expect(file.blob.type).toContain('application/json');
    const popolo = PopoloFileSchema.parse(JSON.parse(await file.blob.text()));
    expect(popolo.memberships.length).toBe(trickyDataset().tenures.length);
  });

  it('draws GEXF from the canvas itself, with its positions and the legend colours, asking nothing', async () => {
    const { trackers, calls } = exporter();
    const file = await trackers.file('gexf');
    expect(calls).toEqual([]);
    const graph = parse(Graph, await file.blob.text());
    expect(graph.getNodeAttributes('person:a-b')).toMatchObject({ x: 200, y: 40, color: 'rgb(37,99,235)' });
  });

  it('refuses an answer that is not tenure data', async () => {
    const { trackers } = exporter({ nodes: [] });
    await expect(trackers.file('wikidata')).rejects.toThrow('tenure data');
  });
});
