// `npm run export` in the tracker formats, spawned with tsx against the seeded test Neo4j: an
// organisation in each format, a saved view's tenures, and the refusals.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph as Neo4jGraph } from '../../graph/driver.ts';
import { FtmEntitySchema, ftmReferenceProblems } from '../../graph/export/ftm-schema.ts';
import { PopoloFileSchema } from '../../graph/export/popolo-schema.ts';
import { createViewStore } from '../../server/views/view-store.ts';
import { openTestGraph, PROJECT_ROOT, resetToProjectSeeds } from '../../test/graph-helpers.ts';

const ORG = 'org:bury-council';
const PAT = 'tenure:pat-jones-greenhalgh-bury-council-chief-executive';
const PAT_QUOTE = "Pat Jones-Greenhalgh, the council's interim chief executive";
let graph: Neo4jGraph;
let dir: string;

function exportCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/export.ts', ...args],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATA_DIR: path.join(dir, 'data') },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
const out = (name: string) => path.join(dir, name);
const org = (format: string, file: string) =>
  exportCli(['--from', ORG, '--format', format, '--out', out(file)]);

beforeAll(async () => {
  graph = openTestGraph();
  await resetToProjectSeeds(graph);
  dir = await mkdtemp(path.join(tmpdir(), 'export-tracker-'));
});

afterAll(async () => {
  await graph?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run export in the tracker formats', () => {
  let tenures = 0;

  it('popolo: the organisation as valid Popolo, the known membership with its quote', async () => {
    const run = await org('popolo', 'bury.popolo.json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const popolo = PopoloFileSchema.parse(JSON.parse(await readFile(out('bury.popolo.json'), 'utf8')));
    tenures = popolo.memberships.length;
    expect(tenures).toBeGreaterThan(3);
    expect(run.stdout).toContain(`(${tenures} tenures of ${popolo.posts.length} posts)`);
    const pat = popolo.memberships.find((m) => m.id === PAT);
    expect(pat?.organization_id).toBe(ORG);
    expect(pat?.sources?.some((s) => s.note?.includes(PAT_QUOTE))).toBe(true);
  });

  it('ftm: one valid entity a line, an Occupancy per tenure', async () => {
    expect((await org('ftm', 'bury.ndjson')).code).toBe(0);
    const lines = (await readFile(out('bury.ndjson'), 'utf8')).trimEnd().split('\n');
    const entities = lines.map((l) => FtmEntitySchema.parse(JSON.parse(l)));
    expect(ftmReferenceProblems(entities)).toEqual([]);
    expect(entities.filter((e) => e.schema === 'Occupancy')).toHaveLength(tenures);
  });

  it('gexf: read by graphology, an edge per tenure with its spell', async () => {
    expect((await org('gexf', 'bury.gexf')).code).toBe(0);
    const xml = await readFile(out('bury.gexf'), 'utf8');
    const parsed = parseGexf(Graph, xml);
    expect(parsed.filterEdges((_e, a) => a.type === 'HOLDS')).toHaveLength(tenures);
    expect(xml).toMatch(new RegExp(`<edge id="${PAT}"[^>]*>[\\s\\S]*?<spell start="2017-`));
  });

  it('wikidata: statements with the attestation of 21 November 2017 and its quote', async () => {
    expect((await org('wikidata', 'bury.csv')).code).toBe(0);
    const lines = (await readFile(out('bury.csv'), 'utf8')).split('\r\n');
    expect(lines.find((l) => l.startsWith(`${PAT},`) && l.includes(',2017-11-21,11,'))).toContain(PAT_QUOTE);
  });

  it("a saved view's tenures: only those among its people and posts", { timeout: 180_000 }, async () => {
    const store = createViewStore(path.join(dir, 'data'));
    const saved = await store.create({
      name: 'Chief executive',
      state: {
        pinned: ['post:bury-council-chief-executive'],
        expansions: [{ id: 'post:bury-council-chief-executive', limit: 25 }],
        hidden: [],
        selected: null,
        at: '2017-11-21',
        hiddenLabels: [],
        hiddenTypes: [],
        layout: 'fcose',
        view: 'explore',
      },
      positions: { 'post:bury-council-chief-executive': { x: 10, y: 20 } },
      viewport: null,
    });
    const run = await exportCli(['--view', saved.id, '--format', 'popolo', '--out', out('view.json')]);
    expect(run.stderr).toBe('');
    const popolo = PopoloFileSchema.parse(JSON.parse(await readFile(out('view.json'), 'utf8')));
    // On 21 November 2017 the post's neighbours include its interim holder, not the later one.
    expect(popolo.memberships.map((m) => m.id)).toEqual([PAT]);
    const gexf = await exportCli(['--view', saved.id, '--format', 'gexf', '--out', out('view.gexf')]);
    expect(gexf.code).toBe(0);
    const parsed = parseGexf(Graph, await readFile(out('view.gexf'), 'utf8'));
    expect(parsed.getNodeAttributes('post:bury-council-chief-executive')).toMatchObject({ x: 10, y: 20 });
  });

  it('refuses an unknown organisation, saying so', { timeout: 180_000 }, async () => {
    const unknown = await exportCli([
      '--from',
      'org:no-such-council',
      '--format',
      'popolo',
      '--out',
      out('x.json'),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--from: no organisation with id 'org:no-such-council'");
  });

  it('refuses a person, before opening anything', async () => {
    const person = await exportCli([
      '--from',
      'person:pat-jones-greenhalgh',
      '--format',
      'ftm',
      '--out',
      out('p.ndjson'),
    ]);
    expect(person.code).toBe(2);
    expect(person.stderr).toContain('ftm exports an organisation');
  });
});
