/**
 * The HTTP floor for api-scale: the least any HTTP service over the same driver call must cost. A
 * process of its own (as the app is, see app-process.ts) with node:http and no framework, which for
 * `GET /<endpoint index>` runs that endpoint's statements in one read transaction, exactly as the
 * bare script does, and answers the last statement's records as JSON. None of what the app adds
 * around the same call: routing, validation, security headers, tokens, the session gate, the
 * request log, the switch fence, the answer's shaping. So app/floor is what the app's own layers
 * cost, and floor/bare what the HTTP hop itself costs, on the same machine and Neo4j.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../../graph/config.ts';
import { endpoints, runStatements } from './api-scale-endpoints.ts';

interface StartMessage {
  neo4j: Neo4jConfig;
  hub: { id: string; label: string };
}

export interface FloorProcess {
  url: string;
  pid: number;
  /** The path that runs the statements of the endpoint at `index` in `endpoints(hub)`. */
  pathFor(index: number): string;
  close(): Promise<void>;
}

const STARTUP_MS = 60_000;

/** Starts this module as a child process serving the floor; resolves once it listens. */
export async function startFloorProcess(message: StartMessage): Promise<FloorProcess> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the floor process did not start in time')), STARTUP_MS);
    child.once('message', (reply: { url?: string; error?: string }) => {
      clearTimeout(timer);
      if (reply.url) resolve(reply.url);
      else reject(new Error(`the floor process failed to start: ${reply.error}`));
    });
    child.once('exit', (code) => reject(new Error(`the floor process exited with ${code}`)));
    child.send(message);
  }).catch(async (error) => {
    child.kill();
    await exited;
    throw error;
  });
  return {
    url,
    pid: child.pid as number,
    pathFor: (index) => `/${index}`,
    async close() {
      if (child.connected) child.send('close');
      await exited;
    },
  };
}

async function serve({ neo4j: config, hub }: StartMessage): Promise<void> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password), {
    disableLosslessIntegers: true,
  });
  const all = endpoints(hub);
  const server = http.createServer(async (req, res) => {
    const endpoint = all[Number((req.url ?? '').slice(1))];
    if (!endpoint) {
      res.writeHead(404).end();
      return;
    }
    const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => runStatements(tx, endpoint.statements));
      const body = JSON.stringify(result?.records.map((r) => r.toObject()) ?? []);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    } finally {
      await session.close();
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('message', async (next) => {
    if (next !== 'close') return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await driver.close();
    process.disconnect();
  });
  process.send?.({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.send) {
  process.once('message', (message: StartMessage) => {
    serve(message).catch((error: unknown) => {
      process.send?.({ error: error instanceof Error ? error.message : String(error) });
      process.exitCode = 1;
      process.disconnect();
    });
  });
}
