import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, Health, SearchResult } from '../graph/contract/api.ts';
import type { Graph } from '../graph/driver.ts';
import {
  getJson,
  openTestGraph,
  resetToProjectSeeds,
  startTestServer,
  type TestServer,
} from '../test/graph-helpers.ts';
import { canControlTestNeo4j, restartTestNeo4j, stopTestNeo4j } from '../test/neo4j-env.ts';

let graph: Graph;
let server: TestServer;

beforeAll(async () => {
  graph = openTestGraph();
  await resetToProjectSeeds(graph);
  server = await startTestServer(graph);
});

afterAll(async () => {
  await server?.close();
  await graph?.close();
});

describe.runIf(canControlTestNeo4j())('a Neo4j outage', () => {
  it('answers 503 DATABASE_UNAVAILABLE while Neo4j is down, and recovers by itself when it returns', async () => {
    expect((await getJson<Health>(`${server.url}/api/health`)).status).toBe(200);

    await stopTestNeo4j();
    try {
      const health = await getJson<Health>(`${server.url}/api/health`);
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({
        status: 'degraded',
        neo4j: { status: 'down' },
        error: { code: 'DATABASE_UNAVAILABLE' },
      });

      const search = await getJson<ErrorBody>(`${server.url}/api/search?q=karen`);
      expect(search.status).toBe(503);
      expect(search.body.error.code).toBe('DATABASE_UNAVAILABLE');
      expect(search.body.error.message).toMatch(/unreachable/);
    } finally {
      await restartTestNeo4j();
    }

    // The same app and driver, never restarted: it must reconnect on its own.
    let status = 0;
    for (let attempt = 0; attempt < 60 && status !== 200; attempt++) {
      status = (await getJson(`${server.url}/api/health`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(200);
    const search = await getJson<SearchResult>(`${server.url}/api/search?q=karen`);
    expect(search.status).toBe(200);
    expect(search.body.results[0]?.id).toBe('person:karen-dolton');
  });
});
