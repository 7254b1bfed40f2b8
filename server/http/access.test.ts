import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedView, SavedViewList } from '../../graph/contract/saved-view.ts';
import type { Graph } from '../../graph/driver.ts';
import { createApp } from '../app.ts';
import type { AccessConfig, ServerConfig } from '../config.ts';
import { listenOnFreePort, type RunningApp } from '../listen.ts';
import { silentLogger } from '../logger.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';
import { isLoopbackAddress, tokenMatches } from './tokens.ts';

// Saved views and the access rules need no database: any touch of the graph fails the test.
const noGraph = new Proxy({} as Graph, {
  get: (_target, prop) => {
    throw new Error(`the test touched the graph (${String(prop)})`);
  },
});

const WRITE = 'write-token-0123456789abcdef';
const READ = 'read-token-0123456789abcdef';
let dataDir: string;
let running: RunningApp | undefined;

async function start(access: AccessConfig): Promise<string> {
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    cypher: { timeoutMs: 1000, maxRows: 10, maxQueryLength: 1000 },
    dataDir,
    access,
  };
  running = await listenOnFreePort(createApp({ graph: noGraph, config, logger: silentLogger }));
  return running.url;
}

const view = (name: string) => ({
  name,
  state: {
    pinned: [],
    expansions: [],
    hidden: [],
    selected: null,
    at: '2017-11-21',
    hiddenLabels: [],
    hiddenTypes: [],
    layout: 'dagre',
    view: 'explore',
    query: null,
  },
  positions: {},
  viewport: { zoom: 1, pan: { x: 0, y: 0 } },
});

function save(url: string, headers: Record<string, string> = {}, name = 'A view'): Promise<Response> {
  return fetch(`${url}/api/views`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(view(name)),
  });
}

const basic = (name: string, token: string) => ({
  authorization: `Basic ${Buffer.from(`${name}:${token}`).toString('base64')}`,
});

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'access-'));
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

describe('tokens', () => {
  it('match only the exact token, whatever the lengths', () => {
    expect(tokenMatches(WRITE, WRITE)).toBe(true);
    expect(tokenMatches(`${WRITE}x`, WRITE)).toBe(false);
    expect(tokenMatches(WRITE.slice(0, -1), WRITE)).toBe(false);
    expect(tokenMatches('', WRITE)).toBe(false);
    expect(tokenMatches(undefined, WRITE)).toBe(false);
    expect(tokenMatches(WRITE, undefined)).toBe(false);
  });

  it('tell loopback addresses from the rest', () => {
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.10.0.3'])
      expect(isLoopbackAddress(ip)).toBe(true);
    for (const ip of ['10.0.0.1', '::ffff:192.168.1.2', '1270.0.0.1', '', undefined])
      expect(isLoopbackAddress(ip)).toBe(false);
  });
});

describe('access to a shared instance', () => {
  it('sends the security headers on API answers and static files alike', async () => {
    const url = await start({ trustProxy: false });
    const response = await fetch(`${url}/api/views`);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('with no tokens lets loopback write, and refuses writes from elsewhere with 403', async () => {
    const url = await start({ trustProxy: ['loopback'] });
    expect((await save(url)).status).toBe(201);
    // Through a trusted proxy on loopback, the client is who the proxy says.
    const remote = await save(url, { 'x-forwarded-for': '203.0.113.9' });
    expect(remote.status).toBe(403);
    expect(await errorCode(remote)).toBe('FORBIDDEN');
    expect((await fetch(`${url}/api/views`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(
      200,
    );
  });

  it('with a write token needs it for every write, loopback included, and records who saved', async () => {
    const url = await start({ writeToken: WRITE, trustProxy: false });
    const anonymous = await save(url);
    expect(anonymous.status).toBe(403);
    expect(await errorCode(anonymous)).toBe('FORBIDDEN');
    expect((await save(url, { authorization: 'Bearer not-the-token-at-all-123' })).status).toBe(403);
    const saved = await save(url, basic('Ada Lovelace', WRITE));
    expect(saved.status).toBe(201);
    expect(((await saved.json()) as SavedView).savedBy).toBe('Ada Lovelace');
    const bearer = await save(url, { authorization: `Bearer ${WRITE}` }, 'Unnamed');
    expect(((await bearer.json()) as SavedView).savedBy).toBeUndefined();
    const list = (await (await fetch(`${url}/api/views`)).json()) as SavedViewList;
    expect(list.views.find((v) => v.name === 'A view')?.savedBy).toBe('Ada Lovelace');
    expect((await fetch(`${url}/api/views/a-view`, { method: 'DELETE' })).status).toBe(403);
    expect(
      (await fetch(`${url}/api/views/a-view`, { method: 'DELETE', headers: basic('x', WRITE) })).status,
    ).toBe(204);
  });

  it('with a read token closes everything to anyone without a token, and readers still cannot write', async () => {
    const url = await start({ writeToken: WRITE, readToken: READ, trustProxy: false });
    const closed = await fetch(`${url}/api/views`);
    expect(closed.status).toBe(403);
    expect(await errorCode(closed)).toBe('FORBIDDEN');
    expect((await fetch(`${url}/`)).status).toBe(403);
    expect((await fetch(`${url}/api/views`, { headers: { authorization: `Bearer ${READ}` } })).status).toBe(
      200,
    );
    expect((await fetch(`${url}/api/views`, { headers: { authorization: `Bearer ${WRITE}` } })).status).toBe(
      200,
    );
    expect((await save(url, { authorization: `Bearer ${READ}` })).status).toBe(403);
    // A name given with the read token is not recorded: only writers save.
    expect((await save(url, basic('Reader', READ))).status).toBe(403);
  });

  it('signs a browser in from a link: cookies set, token removed from the address, then used', async () => {
    const url = await start({ writeToken: WRITE, readToken: READ, trustProxy: false });
    const signIn = await fetch(`${url}/?token=${WRITE}&name=Grace`, { redirect: 'manual' });
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toBe('/');
    const cookies = signIn.headers.getSetCookie();
    expect(cookies.every((c) => /HttpOnly; SameSite=Strict/.test(c))).toBe(true);
    const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    const saved = await save(url, { cookie });
    expect(saved.status).toBe(201);
    expect(((await saved.json()) as SavedView).savedBy).toBe('Grace');
    expect((await fetch(`${url}/?token=wrong-token-0123456789`, { redirect: 'manual' })).status).toBe(403);
  });
});
