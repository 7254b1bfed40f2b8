/**
 * The HTTP floor for api-scale: the least any HTTP service over the same driver call must cost. A
 * process of its own (as the app is, see app-process.ts) with node:http and no framework, which for
 * `GET /<endpoint index>` runs that endpoint's statements in one read transaction, exactly as the
 * bare script does, and answers the last statement's records as JSON. None of what the app adds
 * around the same call: routing, validation, security headers, tokens, the session gate, the
 * request log, the switch fence, the answer's shaping. So app/floor is what the app's own layers
 * cost, and floor/bare what the HTTP hop itself costs, on the same machine and Neo4j.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../../graph/config.ts';
import { endpoints, runStatements } from './api-scale-endpoints.ts';
import { type ChildServer, serveInChild, startChildServer } from './child-server.ts';

interface StartMessage {
  neo4j: Neo4jConfig;
  hub: { id: string; label: string };
}

export interface FloorProcess extends ChildServer {
  /** The path that runs the statements of the endpoint at `index` in `endpoints(hub)`. */
  pathFor(index: number): string;
}

/** Starts this module as a child process serving the floor; resolves once it listens. */
export async function startFloorProcess(message: StartMessage): Promise<FloorProcess> {
  return { ...(await startChildServer(import.meta.url, 'floor', message)), pathFor: (index) => `/${index}` };
}

serveInChild<StartMessage>(import.meta.url, async ({ neo4j: config, hub }) => {
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
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await driver.close();
    },
  };
});
