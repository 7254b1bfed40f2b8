/**
 * `api-scale`: the real app on the synthetic graph of `--scale` people, beside a bare neo4j-driver
 * script that runs the same Cypher with the same parameters on the same Neo4j. For each endpoint,
 * `CLIENTS` concurrent connections for `--seconds` a side: p50/p95/p99, requests/s and errors, the
 * sides taking turns in half-stretches (app, bare, bare, app; see stretches.ts); the ratio app/bare
 * is the figure. Each query is also run once under PROFILE: its db hits and whether its plan starts
 * from an index or scans.
 */
import path from 'node:path';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Neo4jConfig } from '../../graph/config.ts';
import type { Graph } from '../../graph/driver.ts';
import { queryFor } from '../../graph/label-queries.ts';
import { loadPlan } from '../../graph/load/load-plan.ts';
import { ACCOUNTABILITY_BY_ORG } from '../../server/accountability/accountability-queries.ts';
import { DEFAULT_LIMITS, type ServerConfig } from '../../server/config.ts';
import { NEIGHBOURS } from '../../server/nodes/node-queries.ts';
import { luceneQuery } from '../../server/search/lucene-query.ts';
import { SEARCH } from '../../server/search/search-queries.ts';
import { AREA_INSPECTIONS, ORG_TIMELINE } from '../../server/timeline/timeline-queries.ts';
import { startAppProcess } from './app-process.ts';
import { startCpuMeter } from './cpu-meter.ts';
import { type BenchRequest, timedRequest } from './http.ts';
import type { Say } from './neo4j-target.ts';
import { round } from './stats.ts';
import { type RunFigures, type Side, STRETCH_ORDER, type Stretch, sideFigures } from './stretches.ts';
import { sharedSyntheticPlan } from './synthetic-plan.ts';

export const CLIENTS = 32;
const NEIGHBOUR_LIMIT = 500;
/**
 * The bare script's calls have no time limit, so the app's requests get one far above any answer
 * seen: a slow answer counts in the percentiles on both sides, not as an error on one of them.
 */
const APP_REQUEST_TIMEOUT_MS = 120_000;

interface Statement {
  query: string;
  params: Record<string, unknown>;
}

interface Endpoint {
  name: string;
  request: BenchRequest;
  /** The Cypher the app runs for this request, in order, in one read transaction. */
  statements: Statement[];
}

export type { RunFigures };

export interface ApiScaleEndpointResult {
  name: string;
  path: string;
  app: RunFigures;
  bare: RunFigures;
  /** app requests/s ÷ bare requests/s. */
  ratio: number;
  profile: { dbHits: number; rows: number; operators: string[]; scans: string[] };
}

export interface ApiScaleSuiteResult {
  scale: number;
  nodes: number;
  relationships: number;
  clients: number;
  seconds: number;
  hub: { id: string; degree: number };
  endpoints: ApiScaleEndpointResult[];
  errors: Record<string, string>;
}

/**
 * `CLIENTS` loops, each sending one call after another until the time is up; none starts after it.
 * The CPU of the given processes is measured over the same time.
 */
async function hammer(
  call: () => Promise<unknown>,
  seconds: number,
  pids: { neo4j?: number; app?: number },
): Promise<Stretch> {
  const samples: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const meter = startCpuMeter(pids);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          await call();
          samples.push(performance.now() - t);
        } catch (error) {
          errors += 1;
          firstError ??= error instanceof Error ? error.message.slice(0, 200) : String(error);
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  return { samples, errors, firstError, elapsedMs, cpu: meter.stop() };
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  children: PlanNode[];
}

/** Sums db hits over the statements' PROFILE plans and names every operator that scans. */
async function profile(graph: Graph, statements: Statement[]): Promise<ApiScaleEndpointResult['profile']> {
  const operators = new Set<string>();
  let dbHits = 0;
  let rows = 0;
  const walk = (node: PlanNode) => {
    operators.add(node.operatorType.replace(/@.*$/, ''));
    dbHits += node.dbHits;
    for (const child of node.children) walk(child);
  };
  await graph.read(async (tx) => {
    for (const { query, params } of statements) {
      const result = await tx.run(`PROFILE ${query}`, params);
      const plan = result.summary.profile as unknown as PlanNode | false;
      if (plan) {
        walk(plan);
        rows += plan.rows;
      }
    }
  });
  const all = [...operators].sort();
  return { dbHits, rows, operators: all, scans: all.filter((o) => /AllNodesScan|LabelScan/.test(o)) };
}

async function runStatements(tx: ManagedTransaction, statements: Statement[]) {
  for (const { query, params } of statements) await tx.run(query, params);
}

/** The node with the most relationships, for the capped neighbours request. */
async function findHub(graph: Graph): Promise<{ id: string; label: string; degree: number }> {
  const record = await graph.read(
    async (tx) =>
      (
        await tx.run(`
          MATCH (n:Document)
          WITH n, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT 1
          RETURN n.id AS id, labels(n)[0] AS label, degree`)
      ).records[0],
  );
  if (!record) throw new Error('the synthetic graph has no Document');
  return { id: record.get('id'), label: record.get('label'), degree: Number(record.get('degree')) };
}

function endpoints(hub: { id: string; label: string }): Endpoint[] {
  const org = 'org:synthetic-0';
  const lucene = luceneQuery('council') as string;
  return [
    {
      name: 'search',
      request: { name: 'search', method: 'GET', path: '/api/search?q=council' },
      statements: [
        {
          query: SEARCH,
          params: { lucene, label: null, limit: neo4j.int(10), candidates: neo4j.int(50) },
        },
      ],
    },
    {
      name: `neighbours (capped at ${NEIGHBOUR_LIMIT})`,
      request: {
        name: 'neighbours',
        method: 'GET',
        path: `/api/nodes/${encodeURIComponent(hub.id)}/neighbours?limit=${NEIGHBOUR_LIMIT}`,
      },
      statements: [
        {
          query: queryFor(NEIGHBOURS, hub.label),
          params: { id: hub.id, at: null, types: null, limit: neo4j.int(NEIGHBOUR_LIMIT) },
        },
      ],
    },
    {
      name: 'accountability (org, date)',
      request: {
        name: 'accountability',
        method: 'GET',
        path: `/api/accountability?org=${org}&at=2020-06-01`,
      },
      statements: [{ query: ACCOUNTABILITY_BY_ORG, params: { org } }],
    },
    {
      name: 'timeline (org)',
      request: { name: 'timeline', method: 'GET', path: `/api/timeline?org=${org}` },
      // The app answers no area inspections for a synthetic organisation, so the second query gets [].
      statements: [
        { query: AREA_INSPECTIONS, params: { id: org } },
        { query: ORG_TIMELINE, params: { id: org, areaInspections: [] } },
      ],
    },
  ];
}

export async function runApiScaleSuite(options: {
  graph: Graph;
  /** Where the app process connects: the same Neo4j as `graph`. */
  neo4j: Neo4jConfig;
  /** Neo4j's process, when it runs on this machine, to measure the CPU it spends per request. */
  neo4jPid?: number;
  root: string;
  scale: number;
  seconds: number;
  /** The plan of `scale` is loaded already (the scale suite just loaded it): skip the load. */
  loaded?: boolean;
  say: Say;
}): Promise<ApiScaleSuiteResult> {
  const { graph, root, scale, seconds, say } = options;
  const plan = sharedSyntheticPlan(scale);
  if (!options.loaded) {
    // Brings whatever is loaded in line with the plan: nothing to write if it is loaded already.
    const loaded = await loadPlan(graph, plan);
    say(
      `  loaded ${plan.nodes.length} nodes, ${plan.relationships.length} relationships (${loaded.mode}, ${(loaded.durationMs / 1000).toFixed(1)} s)`,
    );
  }
  const hub = await findHub(graph);
  say(`  busiest node: ${hub.id} with ${hub.degree} relationships`);

  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    cypher: { timeoutMs: 10_000, maxRows: 1_000, maxQueryLength: 20_000 },
    dataDir: path.join(root, '.cache', 'bench-data'),
    // Sized for the load it is given, as a deployment for 32 clients would be (NEO4J_SESSIONS,
    // NEO4J_SESSION_WAIT_MS, API_READ_TIMEOUT_MS): as many sessions as the bare script has clients,
    // and the same patience, so a slow answer counts in the percentiles on both sides instead of
    // being shed on one. With the single-person defaults (16 sessions, 5 s wait), the 1M run's
    // neighbours requests were answered 503 "busy" 14 times.
    limits: {
      ...DEFAULT_LIMITS,
      neo4jSessions: CLIENTS,
      neo4jWaitMs: APP_REQUEST_TIMEOUT_MS,
      readTimeoutMs: APP_REQUEST_TIMEOUT_MS,
    },
  };
  // The app runs in its own process, as deployed (see app-process.ts); the bare script runs here.
  const server = await startAppProcess({ neo4j: options.neo4j, server: config });
  const results: ApiScaleEndpointResult[] = [];
  const errors: Record<string, string> = {};
  try {
    for (const endpoint of endpoints(hub)) {
      try {
        const appCall = () => timedRequest(server.url, endpoint.request, APP_REQUEST_TIMEOUT_MS);
        const bareCall = async () => {
          const session = graph.driver.session({
            database: graph.database,
            defaultAccessMode: neo4j.session.READ,
          });
          try {
            await session.executeRead((tx) => runStatements(tx, endpoint.statements));
          } finally {
            await session.close();
          }
        };
        // Both sides warm up the same way: a few calls before the clock starts.
        for (let i = 0; i < 5; i++) await appCall();
        for (let i = 0; i < 5; i++) await bareCall();
        const stretches: Record<Side, Stretch[]> = { app: [], bare: [] };
        const stretchSeconds = seconds / (STRETCH_ORDER.length / 2);
        for (const side of STRETCH_ORDER) {
          stretches[side].push(
            side === 'app'
              ? await hammer(appCall, stretchSeconds, { neo4j: options.neo4jPid, app: server.pid })
              : await hammer(bareCall, stretchSeconds, { neo4j: options.neo4jPid }),
          );
        }
        const app = sideFigures(stretches.app);
        const bare = sideFigures(stretches.bare);
        const result: ApiScaleEndpointResult = {
          name: endpoint.name,
          path: endpoint.request.path,
          app,
          bare,
          ratio: round(bare.requestsPerSecond > 0 ? app.requestsPerSecond / bare.requestsPerSecond : 0, 2),
          profile: await profile(graph, endpoint.statements),
        };
        results.push(result);
        say(
          `  ${endpoint.name.padEnd(28)} app ${app.requestsPerSecond}/s p95 ${app.p95Ms} ms (${app.errors} errors); bare ${bare.requestsPerSecond}/s p95 ${bare.p95Ms} ms; ratio ${result.ratio}; CPU ms/request app ${JSON.stringify(app.cpu)} bare ${JSON.stringify(bare.cpu)}; ${result.profile.dbHits} db hits${result.profile.scans.length ? `, scans: ${result.profile.scans.join(', ')}` : ''}`,
        );
      } catch (error) {
        // One endpoint failing (say, its warm-up timing out on a busy machine) is a result, not the end.
        errors[endpoint.name] = error instanceof Error ? error.message : String(error);
        say(`  ${endpoint.name} failed: ${errors[endpoint.name]}`);
      }
    }
  } finally {
    await server.close();
  }
  return {
    scale,
    nodes: plan.nodes.length,
    relationships: plan.relationships.length,
    clients: CLIENTS,
    seconds,
    hub: { id: hub.id, degree: hub.degree },
    endpoints: results,
    errors,
  };
}
