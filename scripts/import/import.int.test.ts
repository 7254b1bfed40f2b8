// `npm run import -- popolo` on a copy of the seeds, then loaded into the real test Neo4j: the
// imported membership is in the graph and the API and the tracker exports show it cited by URL, not
// quoted, and never more than possible. Entries the seeds hold are reused; a re-import writes
// nothing new; an id naming something else is refused with nothing left written.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountabilityByOrg,
  AccountabilityByOrgSchema,
  type Neighbours,
  type NodeDetail,
} from '../../graph/contract/api.ts';
import { TenureDatasetSchema } from '../../graph/contract/exports.ts';
import type { Graph } from '../../graph/driver.ts';
import { PopoloFileSchema } from '../../graph/export/popolo-schema.ts';
import { WIKIDATA_COLUMNS } from '../../graph/export/wikidata.ts';
import { loadSeeds } from '../../graph/load/load-seeds.ts';
import {
  openTestGraph,
  PROJECT_ROOT,
  startTestServer,
  type TestServer,
  wipeGraph,
} from '../../test/graph-helpers.ts';
import { PARISH_ORG, PARISH_POPOLO, PARISH_TENURE } from '../../test/popolo-parish.ts';
import { importPopolo } from './popolo.ts';

const ORG = PARISH_ORG;
const TENURE = PARISH_TENURE;
const POPOLO = PARISH_POPOLO;

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

  it('importing the same file again writes nothing new', () => {
    const file = path.join(root, 'parish.popolo.json');
    const written = path.join(seedsDir, 'facts', 'imported-parish.yaml');
    const before = readFileSync(written, 'utf8');
    const again = importPopolo({ root, seedsDir, file });
    expect(again).toMatchObject({
      ok: true,
      written: null,
      unchanged: path.join('facts', 'imported-parish.yaml'),
    });
    expect(readFileSync(written, 'utf8')).toBe(before);
  });

  it('another file naming the same entries reuses them, by name, and has nothing to write', () => {
    const before = readdirSync(path.join(seedsDir, 'facts')).sort();
    const file = path.join(root, 'same-again.json');
    writeFileSync(file, JSON.stringify(POPOLO));
    const result = importPopolo({ root, seedsDir, file });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, written: null, counts: { people: 0, posts: 0, tenures: 0 } });
    expect(result.reused.map((r) => [r.kind, r.id, r.by])).toEqual([
      ['organisation', ORG, 'name'],
      ['person', 'person:alex-example', 'name'],
      ['post', 'post:clerk', 'name'],
      ['tenure', TENURE, 'name'],
    ]);
    expect(readdirSync(path.join(seedsDir, 'facts')).sort()).toEqual(before);
  });

  it('refuses an id the seeds use for someone else, naming file and entry, and writes nothing', () => {
    const before = readdirSync(path.join(seedsDir, 'facts')).sort();
    const file = path.join(root, 'clash.json');
    writeFileSync(
      file,
      JSON.stringify({
        persons: [
          { id: 'person:pat-jones-greenhalgh', name: 'Alex Example', sources: POPOLO.persons[0]?.sources },
        ],
      }),
    );
    const result = importPopolo({ root, seedsDir, file });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        file: path.relative(root, file),
        entry: 'persons[0] (person:pat-jones-greenhalgh)',
        path: 'id',
        message:
          "id 'person:pat-jones-greenhalgh' is 'Pat Jones-Greenhalgh' in the seeds, not 'Alex Example': two different entries cannot share an id",
      },
    ]);
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

      // The tracker exports say the same: cited, possible, sources marked as citations.
      const dataset = TenureDatasetSchema.parse(await get(`/api/exports/dataset?org=${ORG}`));
      expect(dataset.tenures.find((t) => t.id === TENURE)).toMatchObject({
        evidenceKind: 'cited',
        evidence: [],
        citations: [
          { kind: 'cited', url: 'https://example.org/minutes/2018-04', note: 'minutes, April 2018' },
        ],
      });
      expect(dataset.persons[0]?.evidenceKind).toBe('cited');
      const popolo = PopoloFileSchema.parse(await get(`/api/exports/popolo?org=${ORG}`));
      expect(popolo.memberships[0]).toMatchObject({
        id: TENURE,
        start_date: '2018-04',
        end_date: '2021',
        sources: [
          {
            url: 'https://example.org/minutes/2018-04',
            note: 'cited by URL, not quoted: minutes, April 2018',
          },
        ],
        extra: { '+certainty': 'possible', '+evidence_kind': 'cited' },
      });
      const csv = await (await fetch(`${server.url}/api/exports/wikidata?org=${ORG}`)).text();
      const [header, row] = csv
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(header).toBe(WIKIDATA_COLUMNS.join(','));
      expect(row).toContain(',possible,cited,"cited by URL, not quoted",');
      expect(row).toContain(',https://example.org/minutes/2018-04,,"minutes, April 2018"');
      const ftm = (await (await fetch(`${server.url}/api/exports/ftm?org=${ORG}`)).text())
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; properties: Record<string, string[]> });
      expect(ftm.find((e) => e.id === TENURE.replace(':', '.'))?.properties).toMatchObject({
        sourceUrl: ['https://example.org/minutes/2018-04'],
        description: [
          'Certainty: possible. Every source is cited by URL, not quoted.',
          'cited by URL, not quoted: minutes, April 2018 <https://example.org/minutes/2018-04>',
        ],
      });
      const gexf = await (await fetch(`${server.url}/api/exports/gexf?org=${ORG}`)).text();
      expect(gexf).toMatch(
        new RegExp(`<edge id="${TENURE}"[\\s\\S]*?<attvalue for="known" value="possible"/>`),
      );
      expect(gexf).toContain('<attvalue for="evidence_kind" value="cited by URL, not quoted"/>');

      const person = await get<NodeDetail>(`/api/nodes/${encodeURIComponent('person:alex-example')}`);
      expect(person.citations).toEqual([{ url: 'https://example.org/people/alex', note: 'council website' }]);
      expect(person.node.properties.evidenceKind).toBe('cited');
    });
  });
});
