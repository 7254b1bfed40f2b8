// Popolo out and back in: Bury Council exported from the seeds through the real Neo4j and the API,
// then imported into temporary copies of the seeds. Into the full seeds it is all reused and writes
// nothing; into seeds with the documents but no facts, every person, post and membership comes back
// as a normal fact, its quotes found in the documents; with one document gone, what only it quoted
// comes back cited by URL, not quoted, and the API and the exports say so once loaded.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NeighboursSchema } from '../../graph/contract/api.ts';
import { type TenureDataset, TenureDatasetSchema } from '../../graph/contract/exports.ts';
import type { Graph } from '../../graph/driver.ts';
import { type PopoloFile, PopoloFileSchema } from '../../graph/export/popolo-schema.ts';
import { loadSeeds } from '../../graph/load/load-seeds.ts';
import { getJson } from '../../test/api-calls.ts';
import {
  openTestGraph,
  PROJECT_ROOT,
  resetToProjectSeeds,
  startTestServer,
  type TestServer,
  wipeGraph,
} from '../../test/graph-helpers.ts';
import { importPopolo } from './popolo.ts';

const ORG = 'org:bury-council';
/** The SEND revisit article: the only source quoted for Geoff Little as Bury's chief executive. */
const GONE = 'doc:2018-03-to-2024-05-bury-send-revisit-progress';

let graph: Graph;
let server: TestServer | undefined;
let popolo: PopoloFile;
let original: TenureDataset;
let exported: string;
let work: string;

/** A copy of the seeds with only the documents wanted and none of the facts. */
function seedsCopy(name: string, keepDocument: (file: string) => boolean, keepFacts: boolean): string {
  const seedsDir = path.join(work, name, 'seeds');
  cpSync(path.join(PROJECT_ROOT, 'seeds'), seedsDir, { recursive: true });
  for (const file of readdirSync(path.join(seedsDir, 'documents')))
    if (!keepDocument(file)) rmSync(path.join(seedsDir, 'documents', file));
  if (!keepFacts)
    for (const file of readdirSync(path.join(seedsDir, 'facts'))) rmSync(path.join(seedsDir, 'facts', file));
  return seedsDir;
}

beforeAll(async () => {
  graph = openTestGraph();
  await resetToProjectSeeds(graph);
  server = await startTestServer(graph);
  const response = await fetch(`${server.url}/api/exports/popolo?org=${encodeURIComponent(ORG)}`);
  expect(response.status).toBe(200);
  popolo = PopoloFileSchema.parse(await response.json());
  original = await getJson(
    `${server.url}/api/exports/dataset?org=${encodeURIComponent(ORG)}`,
    TenureDatasetSchema,
  );
  await server.close();
  server = undefined;
  work = mkdtempSync(path.join(tmpdir(), 'popolo-round-trip-'));
  exported = path.join(work, 'bury.popolo.json');
  writeFileSync(exported, JSON.stringify(popolo));
});

afterAll(async () => {
  await server?.close();
  await graph?.close();
});

describe('Popolo round trip', () => {
  it('the export holds people, posts and memberships to bring back', () => {
    expect([popolo.persons.length, popolo.posts.length, popolo.memberships.length].every((n) => n > 0)).toBe(
      true,
    );
  });

  it('into the full seeds: every entry is reused, by its id, and nothing is written', () => {
    const seedsDir = seedsCopy('full', () => true, true);
    const result = importPopolo({ root: path.dirname(seedsDir), seedsDir, file: exported });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({
      ok: true,
      written: null,
      counts: { organisations: 0, people: 0, posts: 0, tenures: 0 },
    });
    expect(result.reused).toHaveLength(
      popolo.organizations.length + popolo.persons.length + popolo.posts.length + popolo.memberships.length,
    );
    expect(result.reused.every((r) => r.by === 'id')).toBe(true);
    expect(existsSync(path.join(seedsDir, 'facts', 'imported-bury.yaml'))).toBe(false);
  });

  it('into seeds with the documents and no facts: all come back as normal facts, quotes found', () => {
    const seedsDir = seedsCopy('documents', () => true, false);
    const result = importPopolo({ root: path.dirname(seedsDir), seedsDir, file: exported });
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({
      organisations: popolo.organizations.length,
      people: popolo.persons.length,
      posts: popolo.posts.length,
      tenures: popolo.memberships.length,
    });
    expect(result.cited).toEqual([]);
    // Importing it again writes nothing new.
    const again = importPopolo({ root: path.dirname(seedsDir), seedsDir, file: exported });
    expect(again).toMatchObject({
      ok: true,
      written: null,
      unchanged: path.join('facts', 'imported-bury.yaml'),
    });
  });

  describe('into seeds without the SEND revisit article, then loaded', () => {
    let seedsDir: string;
    let cited: string[];
    /** Tenures of the seeds whose every quote is from the missing article. */
    const onlyGone = () =>
      original.tenures
        .filter((t) => t.evidence.length > 0 && t.evidence.every((e) => e.documentId === GONE))
        .map((t) => t.id);

    beforeAll(async () => {
      seedsDir = seedsCopy('no-revisit', (file) => !file.startsWith('2018-03-to-2024-05-'), false);
      const result = importPopolo({ root: path.dirname(seedsDir), seedsDir, file: exported });
      expect(result.problems).toEqual([]);
      cited = result.cited.filter((c) => c.kind === 'tenure').map((c) => c.id);
      await wipeGraph(graph);
      await loadSeeds(graph, path.dirname(seedsDir), { seedsDir });
      server = await startTestServer(graph);
    });

    it('what only the missing document quoted is cited; the rest are normal facts', () => {
      expect(onlyGone()).toEqual(['tenure:geoff-little-bury-council-chief-executive']);
      expect(cited.sort()).toEqual(onlyGone());
    });

    it('the graph has every membership back, the cited ones marked so in the API and the exports', async () => {
      const url = server?.url ?? '';
      const dataset = await getJson(`${url}/api/exports/dataset?org=${ORG}`, TenureDatasetSchema);
      expect(dataset.tenures.map((t) => t.id).sort()).toEqual(
        popolo.memberships.map((m) => String(m.id)).sort(),
      );
      expect(dataset.persons.map((p) => p.id).sort()).toEqual(popolo.persons.map((p) => String(p.id)).sort());
      for (const t of dataset.tenures) {
        expect(t.evidenceKind).toBe(cited.includes(t.id) ? 'cited' : 'quoted');
        if (t.evidenceKind === 'cited') {
          expect(t.evidence).toEqual([]);
          expect(t.citations.length).toBeGreaterThan(0);
        }
      }
      const back = PopoloFileSchema.parse(await (await fetch(`${url}/api/exports/popolo?org=${ORG}`)).json());
      for (const m of back.memberships) {
        const certainty = m.extra?.['+certainty'];
        if (cited.includes(String(m.id))) {
          expect(certainty).toBe('possible');
          expect(m.sources?.every((s) => s.note?.startsWith('cited by URL, not quoted'))).toBe(true);
        } else expect(['stated', 'attested']).toContain(certainty);
      }
      // The explorer draws the cited tenure as cited, never as known from a source.
      const neighbours = await getJson(
        `${url}/api/nodes/${encodeURIComponent('person:geoff-little')}/neighbours`,
        NeighboursSchema,
      );
      const holds = neighbours.elements.edges.filter((e) => e.data.type === 'HOLDS');
      expect(holds.map((e) => [e.data.id, e.data.evidenceKind, e.data.known])).toEqual([
        ['tenure:geoff-little-bury-council-chief-executive', 'cited', undefined],
      ]);
    });
  });
});
