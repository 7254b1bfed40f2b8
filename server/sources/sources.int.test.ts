import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AccountabilityByOrg } from '../../graph/contract/api.ts';
import type {
  PrepareSourceResponse,
  SourceDetail,
  SourceList,
  SourceSuggestions,
  SourceWriteResponse,
} from '../../graph/contract/sources.ts';
import { type Graph, openGraph } from '../../graph/driver.ts';
import { fingerprintGraph } from '../../graph/fingerprint.ts';
import { loadSeeds } from '../../graph/load/load-seeds.ts';
import { FactsFileSchema } from '../../graph/seed/schema.ts';
import { stringifyFacts } from '../../graph/sources/yaml-writer.ts';
import {
  openTestGraph,
  PROJECT_ROOT,
  startTestServer,
  type TestServer,
  wipeGraph,
} from '../../test/graph-helpers.ts';
import { apiNotFound, errorMiddleware } from '../http/error-middleware.ts';
import { listenOnFreePort } from '../listen.ts';
import { silentLogger } from '../logger.ts';
import { createSourcesRouter } from './sources-router.ts';

const TOKEN = 'a-write-token-long-enough';
let graph: Graph;
let seedsDir: string;
let server: TestServer;
let exposed: TestServer;

/** Every file of the seeds folder, by name, with a hash of its bytes. */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

async function call<T>(
  base: string,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as T & {
      error?: { code: string; message: string; details: Record<string, unknown> };
    },
  };
}

/** Runs `refuse`, and proves that neither a file nor the graph changed. */
async function unchanged(refuse: () => Promise<void>) {
  const files = filesOf(seedsDir);
  const fingerprint = await fingerprintGraph(graph);
  await refuse();
  expect(filesOf(seedsDir)).toEqual(files);
  expect(await fingerprintGraph(graph)).toBe(fingerprint);
}

const PRESS_RELEASE = [
  'Press release',
  'Issued: 3 March 2025.',
  '',
  'Jane Smith, interim chief executive of Bury Council, said the SEND plan was on track.',
  'Leader of Bury Council, Cllr Rishi Shori, welcomed the news.',
  '',
].join('\n');
const META = {
  title: 'SEND plan on track',
  publisher: 'Bury Council',
  kind: 'press-release',
  published: { date: '2025-03-03', quote: 'Issued: 3 March 2025.' },
};
const NEW_ID = 'doc:2025-03-03-send-plan-on-track';

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'sources-int-'));
  seedsDir = path.join(root, 'seeds');
  cpSync(path.join(PROJECT_ROOT, 'seeds'), seedsDir, { recursive: true });
  graph = openTestGraph();
  await wipeGraph(graph);
  await loadSeeds(graph, root, { seedsDir });
  server = await startTestServer(graph, { config: { sources: { seedsDir } } });
  exposed = await startTestServer(graph, {
    config: {
      host: '0.0.0.0',
      sources: { seedsDir },
      access: { writeToken: TOKEN, trustProxy: false },
    },
  });
});

afterAll(async () => {
  await server?.close();
  await exposed?.close();
  await graph?.close();
});

describe('the Sources API on a copy of the seeds', () => {
  let version = '';

  it('lists the documents with their dates, precision and how many facts each supports', async () => {
    const { status, body } = await call<SourceList>(server.url, 'GET', '/api/sources');
    expect(status).toBe(200);
    expect(body.documents).toHaveLength(5);
    const release = body.documents.find((d) => d.id === 'doc:2017-11-21-bury-council-building-a-better-bury');
    expect(release).toMatchObject({
      date: '2017-11-21',
      precision: 'day',
      kind: 'press-release',
      publisher: 'Bury Council',
    });
    expect(release?.factCount).toBeGreaterThan(10);
    const revisit = body.documents.find((d) => d.id === 'doc:2018-03-to-2024-05-bury-send-revisit-progress');
    expect(revisit).toMatchObject({ date: null, precision: 'bounded', notBefore: '2018-03' });
    version = body.version;
  });

  it('prepares a text: its date suggested, and a duplicate pointed to its document', async () => {
    const fresh = await call<PrepareSourceResponse>(server.url, 'POST', '/api/sources/prepare', {
      format: 'text',
      content: PRESS_RELEASE,
    });
    expect(fresh.body).toMatchObject({
      duplicateOf: null,
      dates: [{ date: '2025-03-03', rule: 'labelled', quote: 'Issued: 3 March 2025.' }],
    });
    const bury = readFileSync(path.join(seedsDir, 'documents', '2017-bbc-bury-two-years-behind.txt'), 'utf8');
    const dup = await call<PrepareSourceResponse>(server.url, 'POST', '/api/sources/prepare', {
      format: 'text',
      content: bury,
    });
    expect(dup.body.duplicateOf).toBe('doc:2017-bbc-bury-two-years-behind');
  });

  it('refuses a duplicate text with 409 and the existing id, changing nothing', async () => {
    const bury = readFileSync(path.join(seedsDir, 'documents', '2017-bbc-bury-two-years-behind.txt'), 'utf8');
    await unchanged(async () => {
      const { status, body } = await call(server.url, 'POST', '/api/sources', {
        version,
        content: { format: 'text', content: bury },
        meta: { ...META, published: { date: '2017' } },
      });
      expect(status).toBe(409);
      expect(body.error?.details).toMatchObject({
        reason: 'duplicate',
        existingId: 'doc:2017-bbc-bury-two-years-behind',
      });
    });
  });

  it('refuses writes on a non-loopback address without the token (403), changing nothing', async () => {
    await unchanged(async () => {
      const none = await call(exposed.url, 'POST', '/api/sources', {
        version,
        content: { format: 'text', content: PRESS_RELEASE },
        meta: META,
      });
      expect(none.status).toBe(403);
      expect(none.body.error?.code).toBe('FORBIDDEN');
      const wrong = await call(
        exposed.url,
        'POST',
        '/api/sources',
        { version, content: { format: 'text', content: PRESS_RELEASE }, meta: META },
        { authorization: `Bearer ${TOKEN}x` },
      );
      expect(wrong.status).toBe(403);
    });
    // Reads stay open there.
    expect((await call(exposed.url, 'GET', '/api/sources')).status).toBe(200);
  });

  it('creates the document: its two files, written so the loader reads them back unchanged, and its node', async () => {
    const before = filesOf(seedsDir);
    const { status, body } = await call<SourceWriteResponse>(server.url, 'POST', '/api/sources', {
      version,
      content: { format: 'text', content: PRESS_RELEASE },
      meta: META,
    });
    expect(status).toBe(201);
    expect(body.document).toMatchObject({ id: NEW_ID, date: '2025-03-03', precision: 'day', factCount: 0 });
    expect(body.load?.nodes.created).toBe(1);
    const after = filesOf(seedsDir);
    const added = Object.keys(after).filter((f) => !(f in before));
    expect(added.sort()).toEqual([
      'documents/2025-03-03-send-plan-on-track.txt',
      'documents/2025-03-03-send-plan-on-track.yaml',
    ]);
    expect(Object.keys(before).every((f) => before[f] === after[f])).toBe(true);
    expect(readFileSync(path.join(seedsDir, 'documents', '2025-03-03-send-plan-on-track.yaml'), 'utf8')).toBe(
      [
        `id: ${NEW_ID}`,
        'text: 2025-03-03-send-plan-on-track.txt',
        'title: SEND plan on track',
        'publisher: Bury Council',
        'author: null',
        'kind: press-release',
        'url: null',
        'published:',
        "  date: '2025-03-03'",
        '  quote: "Issued: 3 March 2025."',
        '',
      ].join('\n'),
    );
    const node = await graph.read((tx) =>
      tx.run('MATCH (d:Document {id: $id}) RETURN d.published AS p', { id: NEW_ID }),
    );
    expect(node.records[0]?.get('p')).toBe('2025-03-03');
  });

  it('refuses a stale version with 409 and the files that changed, changing nothing', async () => {
    await unchanged(async () => {
      const { status, body } = await call(server.url, 'POST', '/api/sources', {
        version,
        content: { format: 'text', content: 'Another text, quite different.\n' },
        meta: { ...META, title: 'Another', published: { date: '2025' } },
      });
      expect(status).toBe(409);
      expect(body.error?.details).toMatchObject({
        reason: 'stale',
        changedFiles: [
          'seeds/documents/2025-03-03-send-plan-on-track.txt',
          'seeds/documents/2025-03-03-send-plan-on-track.yaml',
        ],
      });
    });
  });

  it('suggests the names it knows and the attestation of the new person, and confirming it puts her in post', async () => {
    const { body: suggestions } = await call<SourceSuggestions>(
      server.url,
      'GET',
      `/api/sources/${NEW_ID}/suggestions`,
    );
    expect(suggestions.mentions.map((m) => m.entityId)).toContain('org:bury-council');
    const jane = suggestions.attestations.find((s) => s.person.text === 'Jane Smith');
    expect(jane).toMatchObject({
      person: { id: null },
      post: { id: 'post:bury-council-chief-executive' },
      capacity: 'interim',
    });
    const { body: detail } = await call<SourceDetail>(server.url, 'GET', `/api/sources/${NEW_ID}`);
    const { status, body } = await call<SourceWriteResponse>(
      server.url,
      'POST',
      `/api/sources/${NEW_ID}/facts`,
      {
        version: detail.version,
        facts: jane?.facts,
      },
    );
    expect(status).toBe(200);
    expect(body.facts.map((f) => f.ref.id).sort()).toEqual([
      'person:jane-smith',
      'tenure:jane-smith-bury-council-chief-executive',
    ]);
    expect(body.facts.every((f) => f.editable && f.quotes[0]?.anchor?.position.start === 14 + 22 + 1)).toBe(
      true,
    );
    const { body: who } = await call<AccountabilityByOrg>(
      server.url,
      'GET',
      '/api/accountability?org=org:bury-council&at=2025-03-03',
    );
    const holder = who.holders.find((h) => h.person.id === 'person:jane-smith');
    expect(holder).toMatchObject({ certainty: 'attested', capacity: 'interim' });
    expect(holder?.attestations[0]?.quote).toBe('Jane Smith, interim chief executive of Bury Council');
  });

  it('writes the facts file in the documented format, stable through the loader, with anchors beside it', () => {
    const file = readFileSync(path.join(seedsDir, 'facts', '2025-03-03-send-plan-on-track.yaml'), 'utf8');
    expect(file).toContain('people:\n  - id: person:jane-smith\n    name: Jane Smith\n');
    const header = file
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .map((l) => l.slice(2))
      .join('\n');
    expect(stringifyFacts(FactsFileSchema.parse(parse(file)), header)).toBe(file);
    const anchors = parse(
      readFileSync(path.join(seedsDir, 'anchors', '2025-03-03-send-plan-on-track.yaml'), 'utf8'),
    );
    expect(anchors.anchors[0]).toMatchObject({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Jane Smith, interim chief executive of Bury Council',
        prefix: 'Press release\nIssued: 3 March 2025.\n\n'.slice(-32),
      },
      position: { type: 'TextPositionSelector', start: 37, end: 88 },
    });
  });

  it('refuses a quote not in the text and an unknown reference, changing nothing', async () => {
    const { body: detail } = await call<SourceDetail>(server.url, 'GET', `/api/sources/${NEW_ID}`);
    await unchanged(async () => {
      const notThere = await call(server.url, 'POST', `/api/sources/${NEW_ID}/facts`, {
        version: detail.version,
        facts: [
          {
            collection: 'people',
            value: { id: 'person:john-doe', name: 'John Doe' },
            quote: { exact: 'John Doe, chair of nothing' },
          },
        ],
      });
      expect(notThere.status).toBe(400);
      expect(notThere.body.error?.message).toMatch(/is not in the document's text/);
      const unknown = await call(server.url, 'POST', `/api/sources/${NEW_ID}/facts`, {
        version: detail.version,
        facts: [
          {
            collection: 'tenures',
            value: { id: 'tenure:nobody-leader', person: 'person:nobody', post: 'post:bury-council-leader' },
            quote: { exact: 'Leader of Bury Council, Cllr Rishi Shori' },
            attest: true,
          },
        ],
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error?.message).toMatch(/unknown person 'person:nobody'/);
      expect(unknown.body.error?.details.problems).toBeDefined();
    });
  });

  it('edits, retracts and undoes, the graph following each step', async () => {
    const tenure = { collection: 'tenures', id: 'tenure:jane-smith-bury-council-chief-executive' };
    let { body: detail } = await call<SourceDetail>(server.url, 'GET', `/api/sources/${NEW_ID}`);
    const edited = await call<SourceWriteResponse>(server.url, 'POST', `/api/sources/${NEW_ID}/facts/edit`, {
      version: detail.version,
      ref: tenure,
      value: {
        id: tenure.id,
        person: 'person:jane-smith',
        post: 'post:bury-council-chief-executive',
        capacity: 'acting',
      },
    });
    expect(edited.status).toBe(200);
    const capacity = async () =>
      (
        await graph.read((tx) =>
          tx.run('MATCH (t:Tenure {id: $id}) RETURN t.capacity AS c', { id: tenure.id }),
        )
      ).records[0]?.get('c');
    expect(await capacity()).toBe('acting');
    // Retracting the person first is refused: her tenure still names her.
    await unchanged(async () => {
      const refused = await call(server.url, 'POST', `/api/sources/${NEW_ID}/facts/retract`, {
        version: edited.body.version,
        ref: { collection: 'people', id: 'person:jane-smith' },
      });
      expect(refused.status).toBe(400);
    });
    const retracted = await call<SourceWriteResponse>(
      server.url,
      'POST',
      `/api/sources/${NEW_ID}/facts/retract`,
      {
        version: edited.body.version,
        ref: tenure,
      },
    );
    expect(retracted.status).toBe(200);
    expect(await capacity()).toBeUndefined();
    const { body: who } = await call<AccountabilityByOrg>(
      server.url,
      'GET',
      '/api/accountability?org=org:bury-council&at=2025-03-03',
    );
    expect(who.holders.some((h) => h.person.id === 'person:jane-smith')).toBe(false);
    const undone = await call<SourceWriteResponse>(server.url, 'POST', `/api/sources/${NEW_ID}/undo`, {
      version: retracted.body.version,
    });
    expect(undone.status).toBe(200);
    expect(await capacity()).toBe('acting');
    ({ body: detail } = await call<SourceDetail>(server.url, 'GET', `/api/sources/${NEW_ID}`));
    expect(detail.facts).toHaveLength(2);
  });

  it('opens writing on a non-loopback address to the right token', async () => {
    const { body: detail } = await call<SourceDetail>(exposed.url, 'GET', `/api/sources/${NEW_ID}`);
    const { status } = await call(
      exposed.url,
      'POST',
      `/api/sources/${NEW_ID}/facts/edit`,
      {
        version: detail.version,
        ref: { collection: 'people', id: 'person:jane-smith' },
        value: { id: 'person:jane-smith', name: 'Jane Smith', honorific: 'Ms' },
      },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(status).toBe(200);
  });

  it('puts the files back when the load fails, and the graph stays as it was', async () => {
    // A real load against a database that is not there: the driver fails, the files must come back.
    const nowhere = openGraph({
      uri: 'bolt://127.0.0.1:1',
      username: 'neo4j',
      password: 'x',
      database: 'neo4j',
      external: true,
    });
    const app = express();
    app.use(express.json());
    const api = express.Router();
    api.use(
      '/sources',
      createSourcesRouter({
        graph: nowhere,
        logger: silentLogger,
        config: {
          host: '127.0.0.1',
          port: 0,
          cypher: { timeoutMs: 1000, maxRows: 10, maxQueryLength: 100 },
          dataDir: seedsDir,
          sources: { seedsDir },
        },
        load: (dir) => loadSeeds(nowhere, path.dirname(dir), { seedsDir: dir }),
      }),
    );
    api.use(apiNotFound());
    app.use('/api', api);
    app.use(errorMiddleware(silentLogger));
    const failing = await listenOnFreePort(app);
    try {
      const { body: detail } = await call<SourceDetail>(failing.url, 'GET', `/api/sources/${NEW_ID}`);
      await unchanged(async () => {
        const { status, body } = await call(failing.url, 'POST', `/api/sources/${NEW_ID}/facts`, {
          version: detail.version,
          facts: [
            {
              collection: 'organisations',
              value: { id: 'org:send-plan-board', name: 'SEND plan board', kind: 'board' },
              quote: { exact: 'the SEND plan was on track' },
            },
          ],
        });
        expect(status).toBe(503);
        expect(body.error?.code).toBe('DATABASE_UNAVAILABLE');
      });
    } finally {
      await failing.close();
      await nowhere.close();
    }
  });
});
