// Fuzzing against the real app and Neo4j: random query strings and bodies on every endpoint never
// give a 500, and a mutated seed set the loader refuses never changes the graph.
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../graph/driver.ts';
import { fingerprintGraph } from '../graph/fingerprint.ts';
import { loadSeeds } from '../graph/load/load-seeds.ts';
import { SeedValidationError } from '../graph/seed/problems.ts';
import {
  openTestGraph,
  PROJECT_ROOT,
  resetToProjectSeeds,
  startTestServer,
  type TestServer,
} from '../test/graph-helpers.ts';
import { mutationArbitrary, seedSandbox } from '../test/seed-mutations.ts';

const HTTP_RUNS = Number(process.env.HTTP_FUZZ_RUNS || 600);
const LOAD_RUNS = Number(process.env.LOAD_FUZZ_RUNS || 60);

let graph: Graph;
let server: TestServer;

beforeAll(async () => {
  graph = openTestGraph();
  await resetToProjectSeeds(graph);
  server = await startTestServer(graph, {
    // High console limits: this is about what the endpoints make of odd input, not about 429s.
    config: {
      limits: {
        consoleConcurrentPerClient: 4,
        consoleRatePerMinute: 100_000,
        consoleBurst: 10_000,
        neo4jSessions: 16,
        neo4jWaitMs: 5_000,
        readTimeoutMs: 15_000,
      },
    },
  });
});

afterAll(async () => {
  await server?.close();
  await graph?.close();
});

const ENDPOINTS = [
  { method: 'GET', path: '/api/health' },
  { method: 'GET', path: '/api/schema' },
  { method: 'GET', path: '/api/search' },
  { method: 'GET', path: '/api/nodes/{id}' },
  { method: 'GET', path: '/api/nodes/{id}/neighbours' },
  { method: 'GET', path: '/api/documents/{id}' },
  { method: 'GET', path: '/api/accountability' },
  { method: 'GET', path: '/api/timeline' },
  { method: 'POST', path: '/api/cypher' },
  { method: 'GET', path: '/api/views' },
  { method: 'POST', path: '/api/views' },
  { method: 'GET', path: '/api/views/{id}' },
  { method: 'DELETE', path: '/api/views/{id}' },
] as const;
const KEYS = [
  'q',
  'limit',
  'at',
  'org',
  'report',
  'finding',
  'types',
  'labels',
  'id',
  'query',
  'params',
  'x',
];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '1e309',
    'null',
    '[]',
    '{}',
    'org:bury-council',
    '2017-11-21',
    "' OR 1=1",
    '%',
    '\u202E',
  ),
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({
    query: text,
    params: fc.option(fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }))),
  }),
  fc.record({ name: text, state: fc.jsonValue({ maxDepth: 2 }), positions: fc.jsonValue({ maxDepth: 2 }) }),
);
const request = fc.record({
  endpoint: fc.constantFrom(...ENDPOINTS),
  id: text,
  query: fc.dictionary(fc.constantFrom(...KEYS), text, { maxKeys: 4 }),
  body,
  raw: fc.boolean(),
});

describe('HTTP fuzzing', () => {
  it(`${HTTP_RUNS} random query strings and bodies across every endpoint: never a 500`, {
    timeout: 900_000,
  }, async () => {
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(request, async ({ endpoint, id, query, body, raw }) => {
        const url = new URL(`${server.url}${endpoint.path.replace('{id}', encodeURIComponent(id) || 'x')}`);
        for (const [key, value] of Object.entries(query)) url.searchParams.append(key, value);
        const response = await fetch(url, {
          method: endpoint.method,
          headers: { 'content-type': 'application/json' },
          // Sometimes a body that is not valid JSON (its first character cut).
          body:
            endpoint.method === 'POST'
              ? raw
                ? JSON.stringify(body).slice(1)
                : JSON.stringify(body)
              : undefined,
        });
        const answer = await response.text();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        expect(response.status, `${endpoint.method} ${url} → ${answer.slice(0, 300)}`).toBeLessThan(500);
        if (response.status >= 400) expect(JSON.parse(answer).error.code).toMatch(/^[A-Z_]+$/);
      }),
      { numRuns: HTTP_RUNS },
    );
    console.log(`http fuzz: ${JSON.stringify(statuses)}`);
  });
});

describe('load fuzzing', () => {
  it(`${LOAD_RUNS} mutated seed sets loaded into the seeded graph: refused ones leave it exactly as it was`, {
    timeout: 900_000,
  }, async () => {
    const sandbox = seedSandbox(PROJECT_ROOT);
    let before = await fingerprintGraph(graph);
    const tally = { refused: 0, accepted: 0, unchanged: 0 };
    try {
      await fc.assert(
        fc.asyncProperty(mutationArbitrary(sandbox.factsFiles), async (mutation) => {
          if (!sandbox.apply(mutation)) {
            tally.unchanged += 1;
            return;
          }
          try {
            await loadSeeds(graph, sandbox.root);
            tally.accepted += 1;
            // An accepted mutation changes the graph on purpose; put the project's seeds back.
            await resetToProjectSeeds(graph);
            before = await fingerprintGraph(graph);
          } catch (error) {
            if (!(error instanceof SeedValidationError)) throw error;
            tally.refused += 1;
            expect(await fingerprintGraph(graph)).toBe(before);
          } finally {
            sandbox.restore();
          }
        }),
        { numRuns: LOAD_RUNS },
      );
    } finally {
      rmSync(sandbox.root, { recursive: true, force: true });
    }
    console.log(`load fuzz: ${JSON.stringify(tally)}`);
    expect(tally.refused).toBeGreaterThan(0);
  });
});
