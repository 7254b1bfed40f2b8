import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherResponseSchema } from '../../graph/contract/api.ts';
import type { Graph } from '../../graph/driver.ts';
import { callJson, postJson } from '../../test/api-calls.ts';
import {
  openTestGraph,
  PROJECT_ROOT,
  resetToProjectSeeds,
  startTestServer,
  type TestServer,
} from '../../test/graph-helpers.ts';
import { type AuditApi, runCheck } from './audit-checks.ts';
import { readAuditList } from './audit-list.ts';

// The audit of the graph against the five seed texts, kept as a test: every entry of the list is
// checked against the real seeds loaded into the test Neo4j, through the HTTP API. Entries tagged
// `needs:` wait for a model change; they run too, and their test name says what they wait for.
const list = readAuditList(path.join(PROJECT_ROOT, 'seeds', 'audit', 'bury-send.yaml'));

let graph: Graph;
let server: TestServer;
let api: AuditApi;

beforeAll(async () => {
  graph = openTestGraph();
  await resetToProjectSeeds(graph);
  server = await startTestServer(graph);
  api = {
    async get<T>(p: string) {
      const answer = await callJson(`${server.url}${p}`);
      return { status: answer.status, body: answer.body as T };
    },
    cypher: (query, params) => postJson(`${server.url}/api/cypher`, { query, params }, CypherResponseSchema),
  };
});

afterAll(async () => {
  await server?.close();
  await graph?.close();
});

for (const text of list.texts) {
  describe(text.document, () => {
    for (const [side, entries] of [
      ['supports', text.supports],
      ['must not say', text.mustNotSay],
    ] as const) {
      for (const entry of entries) {
        const tag = entry.needs ? ` [needs: ${entry.needs}]` : '';
        it(`${side}: ${entry.id}${tag}`, async () => {
          expect(await runCheck(api, entry, text.document), entry.says).toEqual([]);
        });
      }
    }
  });
}
