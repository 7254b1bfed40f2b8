/**
 * `api`: the real app on the real seeds. Sequential latency of representative requests (after a
 * warm-up), then a short bounded run of a few concurrent clients on one endpoint. Loopback only.
 */
import path from 'node:path';
import type { Graph } from '../../graph/driver.ts';
import { loadSeeds } from '../../graph/load/load-seeds.ts';
import { createApp } from '../../server/app.ts';
import type { ServerConfig } from '../../server/config.ts';
import { listenOnFreePort } from '../../server/listen.ts';
import { silentLogger } from '../../server/logger.ts';
import { type BenchRequest, timedRequest } from './http.ts';
import { type Say, wipeData } from './neo4j-target.ts';
import { perSecond, round, summarize } from './stats.ts';

export const API_REQUESTS: readonly BenchRequest[] = [
  { name: 'health', method: 'GET', path: '/api/health' },
  { name: 'search', method: 'GET', path: '/api/search?q=karen' },
  { name: 'node', method: 'GET', path: '/api/nodes/org:bury-council' },
  { name: 'neighbours', method: 'GET', path: '/api/nodes/org:bury-council/neighbours' },
  {
    name: 'neighbours at a date',
    method: 'GET',
    path: '/api/nodes/org:bury-council/neighbours?at=2017-11-21',
  },
  {
    name: 'accountability (org, date)',
    method: 'GET',
    path: '/api/accountability?org=org:bury-council&at=2017-11-21',
  },
  {
    name: 'accountability (report)',
    method: 'GET',
    path: '/api/accountability?report=report:bury-written-statement-of-action-2017',
  },
  { name: 'timeline', method: 'GET', path: '/api/timeline?org=org:bury-council' },
  {
    name: 'cypher console',
    method: 'POST',
    path: '/api/cypher',
    body: { query: 'MATCH (p:Person)-[:HELD]->(t)-[:OF_POST]->(post) RETURN p, t, post' },
  },
];

const WARM_UP = 20;
const CONCURRENT_CLIENTS = 4;
const CONCURRENT_SECONDS = 5;
const CONCURRENT_REQUEST = API_REQUESTS[5] as BenchRequest;

export interface LatencyResult {
  name: string;
  method: string;
  path: string;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  requestsPerSecond: number;
}

export interface ApiSuiteResult {
  iterations: number;
  warmUp: number;
  sequential: LatencyResult[];
  concurrent: LatencyResult & { clients: number; seconds: number };
}

function latency(request: BenchRequest, samples: number[], elapsedMs: number): LatencyResult {
  const s = summarize(samples);
  return {
    name: request.name,
    method: request.method,
    path: request.path,
    requests: samples.length,
    p50Ms: round(s.median),
    p95Ms: round(s.p95),
    p99Ms: round(s.p99),
    maxMs: round(s.max),
    meanMs: round(s.mean),
    requestsPerSecond: round(perSecond(samples.length, elapsedMs), 1),
  };
}

async function sequential(
  baseUrl: string,
  request: BenchRequest,
  iterations: number,
): Promise<LatencyResult> {
  for (let i = 0; i < WARM_UP; i++) await timedRequest(baseUrl, request);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations; i++) samples.push(await timedRequest(baseUrl, request));
  return latency(request, samples, performance.now() - started);
}

/** `clients` loops sending one request after another until the time is up; none starts after it. */
async function concurrent(baseUrl: string, request: BenchRequest, clients: number, seconds: number) {
  const samples: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) samples.push(await timedRequest(baseUrl, request));
    }),
  );
  return { ...latency(request, samples, performance.now() - started), clients, seconds };
}

export async function runApiSuite(options: {
  graph: Graph;
  root: string;
  iterations: number;
  say: Say;
}): Promise<ApiSuiteResult> {
  const { graph, root, iterations, say } = options;
  await wipeData(graph);
  await loadSeeds(graph, root);

  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    cypher: { timeoutMs: 10_000, maxRows: 1_000, maxQueryLength: 20_000 },
    dataDir: path.join(root, '.cache', 'bench-data'),
  };
  const server = await listenOnFreePort(createApp({ graph, config, logger: silentLogger }));
  try {
    const baseUrl = server.url;
    const results: LatencyResult[] = [];
    for (const request of API_REQUESTS) {
      const result = await sequential(baseUrl, request, iterations);
      results.push(result);
      say(
        `  ${request.name.padEnd(28)} p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms`,
      );
    }
    for (let i = 0; i < WARM_UP; i++) await timedRequest(baseUrl, CONCURRENT_REQUEST);
    const parallel = await concurrent(baseUrl, CONCURRENT_REQUEST, CONCURRENT_CLIENTS, CONCURRENT_SECONDS);
    say(
      `  ${CONCURRENT_CLIENTS} concurrent clients on ${CONCURRENT_REQUEST.name}: ${parallel.requestsPerSecond} requests/s`,
    );
    return { iterations, warmUp: WARM_UP, sequential: results, concurrent: parallel };
  } finally {
    await server.close();
  }
}
