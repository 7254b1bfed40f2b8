// `npm run import -- popolo` on a copy of the seeds, then loaded into the real test Neo4j: the
// imported membership is in the graph and the API shows it cited by URL, not quoted, and never
// more than possible. A file that clashes with the seeds is refused with nothing left written.
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountabilityByOrg,
  AccountabilityByOrgSchema,
  type Neighbours,
  type NodeDetail,
} from '../../graph/contract/api.ts';
import type { Graph } from '../../graph/driver.ts';
import { loadSeeds } from '../../graph/load/load-seeds.ts';
import {
  openTestGraph,
  PROJECT_ROOT,
  startTestServer,
  type TestServer,
  wipeGraph,
} from '../../test/graph-helpers.ts';
import { importPopolo } from './popolo.ts';

const ORG = 'org:example-parish-council';
const TENURE = 'tenure:alex-example-clerk';
const POPOLO = {
  persons: [
    {
      id: 'p-1',
      name: 'Alex Example',
      sources: [{ url: 'https://example.org/people/alex', note: 'council website' }],
    },
  ],
  organizations: [
    {
      id: 'o-1',
      name: 'Example Parish Council',
      classification: 'local-authority',
      sources: [{ url: 'https://example.org/' }],
    },
  ],
  posts: [
    { id: 'post-1', label: 'Clerk', organization_id: 'o-1', sources: [{ url: 'https://example.org/clerk' }] },
  ],
  memberships: [
    {
      id: 'm-1',
      person_id: 'p-1',
      post_id: 'post-1',
      organization_id: 'o-1',
      start_date: '2018-04',
      end_date: '2021',
      sources: [{ url: 'https://example.org/minutes/2018-04', note: 'minutes, April 2018' }],
    },
  ],
};

let root: string;
let seedsDir: string;
let graph: Graph;
let server: TestServer;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'import-int-'));
  seedsDir = path.join(root, 'seeds');
  cpSync(path.join(PROJECT_ROOT, 'seeds'), seedsDir, { recursive: true });
  graph = openTestGraph();
});

afterAll(async () => {
  await server?.close();
  await graph?.close();
});

async function get<T>(url: string): Promise<T> {
  const response = await fetch(`${server.url}${url}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('importing a Popolo file into the seeds', () => {
  it('writes facts/imported-<name>.yaml with the entries cited by URL, and the seeds still check', () => {
    const file = path.join(root, 'parish.popolo.json');
    writeFileSync(file, JSON.stringify(POPOLO));
    const result = importPopolo({ root, seedsDir, file });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({
      ok: true,
      written: path.join('facts', 'imported-parish.yaml'),
      counts: { organisations: 1, people: 1, posts: 1, tenures: 1 },
    });
    expect(result.cited.map((c) => c.id)).toContain(TENURE);
  });

  it('refuses a file whose entries clash with the seeds, naming file and entry, and writes nothing', () => {
    const before = readdirSync(path.join(seedsDir, 'facts')).sort();
    const file = path.join(root, 'clash.json');
    writeFileSync(file, JSON.stringify({ ...POPOLO, memberships: [] }));
    const result = importPopolo({ root, seedsDir, file });
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.file.includes('imported-clash.yaml') || p.entry.includes(ORG))).toBe(
      true,
    );
    expect(readdirSync(path.join(seedsDir, 'facts')).sort()).toEqual(before);
  });

  describe('loaded into the graph', () => {
    // Loading the whole seeds takes a while on a busy machine: a hook has the longer time limit.
    beforeAll(async () => {
      await wipeGraph(graph);
      await loadSeeds(graph, root, { seedsDir });
      server = await startTestServer(graph);
    });

    it('the API shows the membership with cited evidence and no more than possible certainty', async () => {
      const accountability = AccountabilityByOrgSchema.parse(
        await get<AccountabilityByOrg>(`/api/accountability?org=${ORG}&at=2019-06-01`),
      );
      const holder = accountability.holders.find((h) => h.tenureId === TENURE);
      expect(holder).toMatchObject({
        certainty: 'possible',
        evidence: [],
        evidenceKind: 'cited',
        citations: [{ url: 'https://example.org/minutes/2018-04', note: 'minutes, April 2018' }],
      });
      expect(holder?.basis).toContain('cited by URL, not quoted');

      const neighbours = await get<Neighbours>(`/api/nodes/${encodeURIComponent('post:clerk')}/neighbours`);
      const holds = neighbours.elements.edges.find((e) => e.data.id === TENURE);
      expect(holds?.data).toMatchObject({ type: 'HOLDS', evidenceKind: 'cited', evidence: [] });
      expect(holds?.data.known).toBeUndefined();
      expect(holds?.data.citations).toHaveLength(1);

      const person = await get<NodeDetail>(`/api/nodes/${encodeURIComponent('person:alex-example')}`);
      expect(person.citations).toEqual([{ url: 'https://example.org/people/alex', note: 'council website' }]);
      expect(person.node.properties.evidenceKind).toBe('cited');
    });
  });
});
