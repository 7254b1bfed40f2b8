// SIGTERM on the real server process (`server/main.ts`, as `npm run serve` starts it): it stops
// accepting connections at once, answers the requests already in flight, closes the Neo4j driver
// and exits 0; a request that never finishes is cut when the shutdown bound runs out.
//
// A request is held "in flight" deterministically by sending its headers and half of its body, and
// the rest only after the signal: the server has accepted it and is reading it when SIGTERM lands.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestGraph, PROJECT_ROOT, resetToProjectSeeds } from '../test/graph-helpers.ts';
import { testNeo4jConfig } from '../test/neo4j-env.ts';

interface ServerProcess {
  child: ChildProcess;
  port: number;
  lines: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}

const running: ServerProcess[] = [];
let dataDir: string;

beforeAll(async () => {
  const graph = openTestGraph();
  await resetToProjectSeeds(graph);
  await graph.close();
});

afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Starts `server/main.ts` on a free port and resolves once it says where it is serving. */
async function startServer(shutdownTimeoutMs: number): Promise<ServerProcess> {
  dataDir = await mkdtemp(path.join(tmpdir(), 'shutdown-'));
  const neo4j = testNeo4jConfig();
  const child = spawn(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = JSON.parse(buffer.slice(0, newline)) as Record<string, unknown>;
        buffer = buffer.slice(newline + 1);
        lines.push(line);
        if (typeof line.port === 'number' && String(line.msg).includes('is serving')) resolve(line.port);
        newline = buffer.indexOf('\n');
      }
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before serving: ${stderr}`)));
  });
  const server = { child, port, lines, exited };
  running.push(server);
  return server;
}

const QUERY = JSON.stringify({ query: 'MATCH (p:Person) RETURN p.name AS name ORDER BY name LIMIT 3' });

/**
 * A console request held open: it asks `Expect: 100-continue`, so the server's "100 Continue" says
 * it has parsed the request and is handling it; half of the body is sent then, and `finish` sends
 * the rest.
 */
function halfSentRequest(port: number) {
  const body = Buffer.from(QUERY);
  const half = Math.floor(body.length / 2);
  let finish = () => {};
  let accepted = () => {};
  const handled = new Promise<void>((resolve) => (accepted = resolve));
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/cypher',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          expect: '100-continue',
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on('error', reject);
    request.on('continue', () => {
      request.write(body.subarray(0, half), () => accepted());
    });
    request.flushHeaders();
    finish = () => request.end(body.subarray(half));
  });
  return { answer, handled, finish: () => finish() };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (response) => {
      response.resume();
      resolve(true);
    });
    request.on('error', () => resolve(false));
  });
}

describe('SIGTERM on the server process', () => {
  it('stops accepting, answers the request in flight, closes the driver and exits 0', {
    timeout: 90_000,
  }, async () => {
    const server = await startServer(20_000);
    expect(await connects(server.port)).toBe(true);

    const inFlight = halfSentRequest(server.port);
    await inFlight.handled;
    server.child.kill('SIGTERM');
    // The listener closes at once: a new connection is refused while the old request is still open.
    for (let i = 0; i < 50 && (await connects(server.port)); i++) await settle(100);
    expect(await connects(server.port)).toBe(false);
    expect(server.child.exitCode).toBeNull();

    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).rows).toHaveLength(3);

    expect(await server.exited).toBe(0);
    const messages = server.lines.map((line) => line.msg);
    expect(messages).toContain('shutting down: no new connections, finishing requests in flight');
    const stopped = server.lines.find((line) => line.msg === 'stopped');
    expect(stopped?.outcome).toBe('clean');
    // The request in flight was logged with its real status, before the process stopped.
    const logged = server.lines.find((line) => line.msg === 'request' && line.path === '/api/cypher');
    expect(logged?.status).toBe(200);
  });

  it('cuts a request that never finishes once the shutdown bound runs out, and still exits 0', {
    timeout: 90_000,
  }, async () => {
    const server = await startServer(1_000);
    const stalled = halfSentRequest(server.port);
    stalled.answer.catch(() => {});
    await stalled.handled;
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.lines.find((line) => line.msg === 'stopped')?.outcome).toBe('forced');
    await expect(stalled.answer).rejects.toThrow();
  });
});
