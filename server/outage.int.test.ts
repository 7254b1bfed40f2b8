import { describe, expect, it } from 'vitest';
import { HealthSchema, SearchResultSchema } from '../graph/contract/api.ts';
import { callJson, getError, getJson } from '../test/api-calls.ts';
import { useSeededApp } from '../test/graph-helpers.ts';
import { canControlTestNeo4j, restartTestNeo4j, stopTestNeo4j } from '../test/neo4j-env.ts';

const server = useSeededApp();

describe.runIf(canControlTestNeo4j())('a Neo4j outage', () => {
  it('answers 503 DATABASE_UNAVAILABLE while Neo4j is down, and recovers by itself when it returns', async () => {
    expect((await getJson(`${server.url}/api/health`, HealthSchema)).status).toBe('ok');

    await stopTestNeo4j();
    try {
      const health = await getJson(`${server.url}/api/health`, HealthSchema, 503);
      expect(health).toMatchObject({
        status: 'degraded',
        neo4j: { status: 'down' },
        error: { code: 'DATABASE_UNAVAILABLE' },
      });

      const search = await getError(`${server.url}/api/search?q=karen`, 503);
      expect(search.error.code).toBe('DATABASE_UNAVAILABLE');
      expect(search.error.message).toMatch(/unreachable/);
    } finally {
      await restartTestNeo4j();
    }

    // The same app and driver, never restarted: it must reconnect on its own.
    let status = 0;
    for (let attempt = 0; attempt < 60 && status !== 200; attempt++) {
      status = (await callJson(`${server.url}/api/health`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(status).toBe(200);
    expect((await getJson(`${server.url}/api/health`, HealthSchema)).status).toBe('ok');
    const search = await getJson(`${server.url}/api/search?q=karen`, SearchResultSchema);
    expect(search.results[0]?.id).toBe('person:karen-dolton');
  });
});
