import { describe, expect, it } from 'vitest';
import type { Neighbours, NodeDetail } from '../../graph/contract/api.ts';
import type { Opening } from '../../graph/contract/opening.ts';
import type { Api } from './api.ts';
import { createDataCache } from './data.ts';

const detail = (id: string): NodeDetail => ({
  node: { id, label: 'Inspection', name: id, properties: {} },
  evidence: [],
  claims: [],
  degree: 0,
});
const around = (id: string): Neighbours => ({
  elements: { nodes: [{ data: { id, label: 'Post', name: id } }], edges: [] },
  total: 1,
  truncated: false,
});

/** An API that records what it is asked and answers from the functions above. */
function recordingApi() {
  const asked: string[] = [];
  const api = {
    schema: async () => {
      asked.push('schema');
      return SCHEMA;
    },
    node: async (id: string) => {
      asked.push(`node ${id}`);
      return detail(id);
    },
    neighbours: async (id: string, params: { at?: string | null; types?: string[]; limit?: number }) => {
      asked.push(`neighbours ${id} ${params.at ?? '-'} ${params.limit} ${params.types?.join(',') ?? '*'}`);
      return around(id);
    },
  } as unknown as Api;
  return { api, asked };
}

const SCHEMA = { labels: [], relationshipTypes: [{ type: 'HOLDS', count: 3 }], propertyKeys: [] };
const WALK = {
  finding: { id: 'inspection:i', text: '', kind: '', evidence: [] },
  report: { id: 'inspection:i', label: 'Inspection', name: 'I', date: '2017-06-12' },
  at: '2017-06-12',
  atBasis: 'the inspection',
  organisations: [],
  holders: [],
  notKnown: [],
  vacancies: [],
};
const VIEW = {
  inspection: 'inspection:i',
  expansions: [{ id: 'inspection:i', limit: 25 }],
  at: '2017-11-21',
  hiddenTypes: [],
  note: null,
};
const OPENING: Opening = {
  view: VIEW,
  schema: SCHEMA,
  accountability: WALK,
  nodes: [detail('inspection:i')],
  neighbours: [
    { id: 'inspection:i', at: '2017-11-21', limit: 25, types: ['HOLDS', 'FOUND'], result: around('a') },
    { id: 'post:ceo', at: '2017-11-21', limit: 25, types: ['HOLDS'], result: around('b') },
    { id: 'inspection:i', at: null, limit: 25, types: null, result: around('c') },
  ],
};

describe('the data cache primed by the opening', () => {
  it('answers the schema from the opening while it is still in flight, and asks again if it fails', async () => {
    const { api, asked } = recordingApi();
    const data = createDataCache(api);
    let arrive: (opening: Opening) => void = () => {};
    data.prime(new Promise<Opening>((resolve) => (arrive = resolve)));
    const schema = data.schema();
    arrive(OPENING);
    expect(await schema).toEqual(SCHEMA);
    expect(asked).toEqual([]);

    const failing = createDataCache(api);
    const refused = Promise.reject(new Error('down'));
    failing.prime(refused);
    await expect(failing.schema()).rejects.toThrow('down');
    expect(await failing.schema()).toEqual(SCHEMA);
    expect(asked).toEqual(['schema']);
  });

  it('answers the opening’s reads from the opening, under the keys the canvas asks by', async () => {
    const { api, asked } = recordingApi();
    const data = createDataCache(api);
    data.prime(Promise.resolve(OPENING));
    await Promise.resolve();
    expect((await data.node('inspection:i')).node.id).toBe('inspection:i');
    const first = await data.neighbours('inspection:i', '2017-11-21', 25, ['HOLDS', 'FOUND']);
    expect(first.elements.nodes[0]?.data.id).toBe('a');
    expect((await data.neighbours('post:ceo', '2017-11-21', 25, ['HOLDS'])).elements.nodes[0]?.data.id).toBe(
      'b',
    );
    expect((await data.neighbours('inspection:i', null, 25)).elements.nodes[0]?.data.id).toBe('c');
    // And the details panel's first read: who was accountable for the inspection.
    expect(await data.accountabilityForReport('inspection:i')).toEqual(WALK);
    expect(asked).toEqual([]);
  });

  it('still asks for what the opening did not read: another day, limit or set of types', async () => {
    const { api, asked } = recordingApi();
    const data = createDataCache(api);
    data.prime(Promise.resolve(OPENING));
    await Promise.resolve();
    await data.neighbours('inspection:i', '2018-01-01', 25, ['HOLDS', 'FOUND']);
    await data.neighbours('inspection:i', '2017-11-21', 50, ['HOLDS', 'FOUND']);
    await data.neighbours('inspection:i', '2017-11-21', 25);
    await data.node('post:ceo');
    expect(asked).toEqual([
      'neighbours inspection:i 2018-01-01 25 HOLDS,FOUND',
      'neighbours inspection:i 2017-11-21 50 HOLDS,FOUND',
      'neighbours inspection:i 2017-11-21 25 *',
      'node post:ceo',
    ]);
  });

  it('keeps what it already had, and forgets the opening on clear', async () => {
    const { api, asked } = recordingApi();
    const data = createDataCache(api);
    await data.node('inspection:i');
    data.prime(Promise.resolve({ ...OPENING, nodes: [{ ...detail('inspection:i'), degree: 7 }] }));
    await Promise.resolve();
    expect((await data.node('inspection:i')).degree).toBe(0);
    data.clear();
    await data.neighbours('post:ceo', '2017-11-21', 25, ['HOLDS']);
    expect(asked).toEqual(['node inspection:i', 'neighbours post:ceo 2017-11-21 25 HOLDS']);
  });
});
