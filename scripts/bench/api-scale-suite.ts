/**
 * `api-scale`: the real app on the synthetic graph of `--scale` people, beside a bare neo4j-driver
 * script that runs the same Cypher with the same parameters on the same Neo4j, and the HTTP floor
 * (floor-process.ts: the same call behind node:http, nothing else) between them. The bare script
 * runs twice over: in a managed read transaction, as the driver's manual has it (the figure the
 * app is held to), and as auto-commit queries in turn on one session, as the app itself reads
 * (graph/driver.ts), so the ratio shows what the app's own work costs apart from that choice. For
 * each endpoint, `CLIENTS` concurrent connections for `--seconds` a side: p50/p95/p99, requests/s
 * and errors, the sides taking turns in half-stretches (see stretches.ts); the ratio app/bare is the
 * figure, and floor/bare says how much of the gap any HTTP hop costs. Each query is also run once under PROFILE: its db hits and whether its plan starts
 * from an index or scans.
 */
import path from 'node:path';
import neo4j, { type Session } from 'neo4j-driver';
import type { Neo4jConfig } from '../../graph/config.ts';
import type { Graph } from '../../graph/driver.ts';
import { loadPlan } from '../../graph/load/load-plan.ts';
import { DEFAULT_LIMITS, type ServerConfig } from '../../server/config.ts';
import { endpoints, runStatements, type Statement } from './api-scale-endpoints.ts';
import { startAppProcess } from './app-process.ts';
import { startCpuMeter } from './cpu-meter.ts';
import { startFloorProcess } from './floor-process.ts';
import { type BenchRequest, timedRequest } from './http.ts';
import type { Say } from './neo4j-target.ts';
import { type Settled, settleNeo4j } from './settle.ts';
import { round } from './stats.ts';
import { type RunFigures, type Side, STRETCH_ORDER, type Stretch, sideFigures } from './stretches.ts';
import { sharedSyntheticPlan } from './synthetic-plan.ts';

export const CLIENTS = 32;
/**
 * The bare script's calls have no time limit, so the app's requests get one far above any answer
 * seen: a slow answer counts in the percentiles on both sides, not as an error on one of them.
 */
const APP_REQUEST_TIMEOUT_MS = 120_000;

export type { RunFigures };

export interface ApiScaleEndpointResult {
  name: string;
  path: string;
  app: RunFigures;
  /** The HTTP floor: node:http and the bare call, no framework (floor-process.ts). */
  floor: RunFigures;
  bare: RunFigures;
  /** The bare script as auto-commit queries, as the app reads (absent from runs before it was measured). */
  bareAuto?: RunFigures;
  /** app requests/s ÷ bare requests/s. */
  ratio: number;
  /** app requests/s ÷ auto-commit bare requests/s. */
  autoRatio?: number;
  /** floor requests/s ÷ bare requests/s: what any HTTP service over the same call can reach. */
  floorRatio: number;
  profile: { dbHits: number; rows: number; operators: string[]; scans: string[] };
}

export interface ApiScaleSuiteResult {
  scale: number;
  nodes: number;
  relationships: number;
  clients: number;
  seconds: number;
  hub: { id: string; degree: number };
  /** How Neo4j was brought to rest before the first request (settle.ts). */
  settled?: Settled;
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
  const settled = await settleNeo4j(options.neo4jPid);
  say(
    `  Neo4j ${settled.quiet === undefined ? 'not watched (its CPU cannot be read)' : settled.quiet ? 'quiet' : 'still busy'} after ${(settled.waitedMs / 1000).toFixed(1)} s`,
  );

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
  // The app runs in its own process, as deployed (see app-process.ts), and so does the HTTP floor
  // (floor-process.ts); the bare script runs here.
  const server = await startAppProcess({ neo4j: options.neo4j, server: config });
  const floor = await startFloorProcess({ neo4j: options.neo4j, hub }).catch(async (error) => {
    await server.close();
    throw error;
  });
  const results: ApiScaleEndpointResult[] = [];
  const errors: Record<string, string> = {};
  try {
    for (const [index, endpoint] of endpoints(hub).entries()) {
      try {
        const appCall = () => timedRequest(server.url, endpoint.request, APP_REQUEST_TIMEOUT_MS);
        const floorRequest: BenchRequest = {
          name: endpoint.request.name,
          method: 'GET',
          path: floor.pathFor(index),
        };
        const floorCall = () => timedRequest(floor.url, floorRequest, APP_REQUEST_TIMEOUT_MS);
        // The bare script, on a session of its own per call as the app's reads are.
        const onSession = (use: (session: Session) => Promise<unknown>) => async () => {
          const session = graph.driver.session({
            database: graph.database,
            defaultAccessMode: neo4j.session.READ,
          });
          try {
            await use(session);
          } finally {
            await session.close();
          }
        };
        const bareCall = onSession((session) =>
          session.executeRead((tx) => runStatements(tx, endpoint.statements)),
        );
        const bareAutoCall = onSession((session) => runStatements(session, endpoint.statements));
        // Every side warms up the same way: a few calls before the clock starts.
        for (let i = 0; i < 5; i++) await appCall();
        for (let i = 0; i < 5; i++) await floorCall();
        for (let i = 0; i < 5; i++) await bareCall();
        for (let i = 0; i < 5; i++) await bareAutoCall();
        const stretches: Record<Side, Stretch[]> = { app: [], floor: [], bare: [], bareAuto: [] };
        // Each side runs twice (STRETCH_ORDER), half of its time each.
        const stretchSeconds = seconds / 2;
        const run = {
          app: () => hammer(appCall, stretchSeconds, { neo4j: options.neo4jPid, app: server.pid }),
          floor: () => hammer(floorCall, stretchSeconds, { neo4j: options.neo4jPid, app: floor.pid }),
          bare: () => hammer(bareCall, stretchSeconds, { neo4j: options.neo4jPid }),
          bareAuto: () => hammer(bareAutoCall, stretchSeconds, { neo4j: options.neo4jPid }),
        };
        for (const side of STRETCH_ORDER) stretches[side].push(await run[side]());
        const app = sideFigures(stretches.app);
        const floorFigures = sideFigures(stretches.floor);
        const bare = sideFigures(stretches.bare);
        const bareAuto = sideFigures(stretches.bareAuto);
        const per = (a: RunFigures, b: RunFigures) =>
          round(b.requestsPerSecond > 0 ? a.requestsPerSecond / b.requestsPerSecond : 0, 2);
        const result: ApiScaleEndpointResult = {
          name: endpoint.name,
          path: endpoint.request.path,
          app,
          floor: floorFigures,
          bare,
          bareAuto,
          ratio: per(app, bare),
          autoRatio: per(app, bareAuto),
          floorRatio: per(floorFigures, bare),
          profile: await profile(graph, endpoint.statements),
        };
        results.push(result);
        say(
          `  ${endpoint.name.padEnd(28)} app ${app.requestsPerSecond}/s p95 ${app.p95Ms} ms (${app.errors} errors); bare ${bare.requestsPerSecond}/s p95 ${bare.p95Ms} ms; auto-commit bare ${bareAuto.requestsPerSecond}/s; ratio ${result.ratio} (${result.autoRatio} to auto-commit); CPU ms/request app ${JSON.stringify(app.cpu)} bare ${JSON.stringify(bare.cpu)}; ${result.profile.dbHits} db hits${result.profile.scans.length ? `, scans: ${result.profile.scans.join(', ')}` : ''}`,
        );
      } catch (error) {
        // One endpoint failing (say, its warm-up timing out on a busy machine) is a result, not the end.
        errors[endpoint.name] = error instanceof Error ? error.message : String(error);
        say(`  ${endpoint.name} failed: ${errors[endpoint.name]}`);
      }
    }
  } finally {
    await Promise.all([server.close(), floor.close()]);
  }
  return {
    scale,
    nodes: plan.nodes.length,
    relationships: plan.relationships.length,
    clients: CLIENTS,
    seconds,
    hub: { id: hub.id, degree: hub.degree },
    settled,
    endpoints: results,
    errors,
  };
}
