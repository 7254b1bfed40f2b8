import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../config.ts';
import { closeGracefully, listenOnFreePort } from '../listen.ts';
import { jsonLogger } from '../logger.ts';
import { consoleLimits } from './console-limits.ts';
import { errorMiddleware } from './error-middleware.ts';
import { FairGate, neo4jGate } from './fair-gate.ts';
import { recordNeo4jSession } from './request-context.ts';
import { requestLog } from './request-log.ts';

/** A promise and the function that settles it, to hold a request open until the test lets it go. */
function gateOpen(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('console limits per client', () => {
  it('caps the queries one client runs at once, answering 429 with Retry-After', async () => {
    const held = gateOpen();
    const bothRunning = gateOpen();
    let running = 0;
    const app = express();
    app.set('trust proxy', 'loopback');
    app.post(
      '/q',
      consoleLimits({ ...DEFAULT_LIMITS, consoleConcurrentPerClient: 2, consoleBurst: 100 }),
      async (_req, res) => {
        running += 1;
        if (running === 2) bothRunning.open();
        await held.opened;
        res.json({ ok: true });
      },
    );
    app.use(errorMiddleware(jsonLogger(() => {})));
    const server = await listenOnFreePort(app);
    try {
      const as = (ip: string) =>
        fetch(`${server.url}/q`, { method: 'POST', headers: { 'x-forwarded-for': ip } });
      const first = [as('10.0.0.1'), as('10.0.0.1')];
      await bothRunning.opened;
      const third = await as('10.0.0.1');
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('1');
      expect(((await third.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_REQUESTS');
      // Another client is not held back by the first one's queries.
      const other = as('10.0.0.2');
      held.open();
      expect((await other).status).toBe(200);
      expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200]);
      // Finished queries free their places.
      expect((await as('10.0.0.1')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('rate-limits by a token bucket and says how long to wait', async () => {
    let now = 0;
    const app = express();
    app.post(
      '/q',
      consoleLimits({ ...DEFAULT_LIMITS, consoleRatePerMinute: 6, consoleBurst: 3 }, () => now),
      (_req, res) => {
        res.json({ ok: true });
      },
    );
    app.use(errorMiddleware(jsonLogger(() => {})));
    const server = await listenOnFreePort(app);
    try {
      const post = () => fetch(`${server.url}/q`, { method: 'POST' });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await post()).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await post();
      // 6 a minute is one every 10 s.
      expect(refused.headers.get('retry-after')).toBe('10');
      now += 10_000;
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(429);
    } finally {
      await server.close();
    }
  });
});

describe('the server-wide gate', () => {
  it('serves waiting clients in turn, so one with many requests queued cannot starve another', async () => {
    const gate = new FairGate(1);
    const served: string[] = [];
    const hold = await gate.acquire('a', 1000);
    const serve = (client: string) =>
      gate.acquire(client, 1000).then((release) => {
        served.push(client);
        release();
      });
    const all = [serve('a'), serve('a'), serve('a'), serve('b')];
    hold();
    await Promise.all(all);
    expect(served).toEqual(['a', 'b', 'a', 'a']);
    expect(gate.active).toBe(0);
  });

  it('gives a permit at once only while one is free and nobody is waiting for one', async () => {
    const gate = new FairGate(1);
    const first = gate.tryAcquire();
    expect(first).toBeDefined();
    expect(gate.tryAcquire()).toBeUndefined();
    const waiting = gate.acquire('b', 1000);
    first?.();
    // The permit went to the client that waited, not to whoever asked next.
    expect(gate.tryAcquire()).toBeUndefined();
    (await waiting)();
    expect(gate.active).toBe(0);
    gate.tryAcquire()?.();
    expect(gate.active).toBe(0);
  });

  it('frees the permit a request took without waiting once its response closes', async () => {
    const gate = new FairGate(2);
    const app = express();
    const seen: number[] = [];
    app.use(neo4jGate(gate, 50), (_req, res) => {
      seen.push(gate.active);
      res.json({ ok: true });
    });
    const server = await listenOnFreePort(app);
    try {
      for (let i = 0; i < 3; i++) {
        expect((await fetch(server.url)).status).toBe(200);
        // The response closes on the server a moment after the client has it.
        await vi.waitFor(() => expect(gate.active).toBe(0));
      }
      expect(seen).toEqual([1, 1, 1]);
    } finally {
      await server.close();
    }
  });

  it('answers 503 with Retry-After when no permit frees in time', async () => {
    const gate = new FairGate(1);
    const hold = await gate.acquire('x', 1000);
    const app = express();
    app.use(neo4jGate(gate, 50), (_req, res) => {
      res.json({ ok: true });
    });
    app.use(errorMiddleware(jsonLogger(() => {})));
    const server = await listenOnFreePort(app);
    try {
      const refused = await fetch(server.url);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('DATABASE_UNAVAILABLE');
      hold();
      expect((await fetch(server.url)).status).toBe(200);
      expect(gate.active).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('request logs', () => {
  it('write one JSON line per request with its id, status, time and Neo4j time, and no query string', async () => {
    const lines: string[] = [];
    const app = express();
    app.use(requestLog(jsonLogger((line) => lines.push(line))));
    app.get('/api/x', (_req, res) => {
      recordNeo4jSession(12.5);
      res.status(202).json({});
    });
    const server = await listenOnFreePort(app);
    try {
      const response = await fetch(`${server.url}/api/x?token=secret-value`, {
        headers: { 'x-request-id': 'abc-123' },
      });
      expect(response.headers.get('x-request-id')).toBe('abc-123');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lines).toHaveLength(1);
      const entry = JSON.parse(lines[0] ?? '{}');
      expect(entry).toMatchObject({
        level: 'info',
        msg: 'request',
        id: 'abc-123',
        method: 'GET',
        path: '/api/x',
        status: 202,
        neo4jMs: 12.5,
        neo4jSessions: 1,
        aborted: false,
      });
      expect(typeof entry.ms).toBe('number');
      expect(lines[0]).not.toContain('secret-value');
      // An id that could forge a log line is replaced.
      await fetch(`${server.url}/api/x`, { headers: { 'x-request-id': 'a"b' } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(JSON.parse(lines[1] ?? '{}').id).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await server.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('stops accepting, finishes the request in flight, then closes', async () => {
    const held = gateOpen();
    const entered = gateOpen();
    const server = createServer(async (_req, res) => {
      entered.open();
      await held.opened;
      res.end('done');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/' }, (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
        .on('error', reject)
        .end();
    });
    await entered.opened;
    const closing = closeGracefully(server, 10_000);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    held.open();
    expect(await inFlight).toEqual({ status: 200, body: 'done' });
    expect(await closing).toBe('clean');
  });

  it('cuts what is left once the bound has passed', async () => {
    const entered = gateOpen();
    const server = createServer(() => entered.open());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const hanging = fetch(`http://127.0.0.1:${port}/`).catch((error: unknown) => error);
    await entered.opened;
    expect(await closeGracefully(server, 100)).toBe('forced');
    expect(await hanging).toBeInstanceOf(Error);
  });
});
