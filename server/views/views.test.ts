import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../graph/contract/api.ts';
import {
  type SavedViewInput,
  SavedViewListSchema,
  SavedViewSchema,
} from '../../graph/contract/saved-view.ts';
import type { Graph } from '../../graph/driver.ts';
import { callJson, expectAnswer, getError, getJson, postJson } from '../../test/api-calls.ts';
import { createApp } from '../app.ts';
import { listenOnFreePort } from '../listen.ts';
import { silentLogger } from '../logger.ts';
import { slugify } from './view-store.ts';

// Saved views need no database: the app is built with a graph that fails if anything touches it.
const noGraph = new Proxy({} as Graph, {
  get: (_target, prop) => {
    throw new Error(`the views API touched the graph (${String(prop)})`);
  },
});

let dataDir: string;

async function startApp(): Promise<{ url: string; close(): Promise<void> }> {
  const config = {
    host: '127.0.0.1',
    port: 0,
    cypher: { timeoutMs: 1000, maxRows: 10, maxQueryLength: 1000 },
    dataDir,
  };
  const running = await listenOnFreePort(createApp({ graph: noGraph, config, logger: silentLogger }));
  return { url: `${running.url}/api/views`, close: running.close };
}

function sample(name = 'Bury, 21 November 2017'): SavedViewInput {
  return {
    name,
    state: {
      pinned: ['org:bury-council'],
      expansions: [
        { id: 'org:bury-council', limit: 25 },
        { id: 'report:wsoa-2017', limit: 50 },
      ],
      hidden: ['doc:x'],
      selected: { kind: 'node', id: 'org:bury-council' },
      at: '2017-11-21',
      hiddenLabels: ['Document'],
      hiddenTypes: ['MENTIONS'],
      layout: 'dagre',
      view: 'explore',
      query: null,
    },
    positions: {
      'org:bury-council': { x: 12.345678, y: -300.5 },
      'report:wsoa-2017': { x: 410.25, y: 88.125 },
      'person:geoff-little': { x: -150, y: 42 },
    },
    viewport: { zoom: 1.25, pan: { x: 300, y: 200 } },
  };
}

/** POST a view, expecting it created (201) with the stored view as the body. */
function create(url: string, body: unknown) {
  return postJson(url, body, SavedViewSchema, 201);
}

/** POST a view, expecting the uniform error body with this status. */
function refused(url: string, body: unknown, status: number) {
  return postJson(url, body, ErrorBodySchema, status);
}

function remove(url: string) {
  return callJson(url, { method: 'DELETE' });
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'saved-views-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('saved views API', () => {
  it('reopens a view after the app is built again (a restart) with the same nodes, positions, date and filters', async () => {
    const first = await startApp();
    const created = await callJson(first.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sample()),
    });
    const saved = expectAnswer(created, SavedViewSchema, 201, 'POST a view');
    expect(saved.id).toBe('bury-21-november-2017');
    expect(created.headers.get('location')).toBe('/api/views/bury-21-november-2017');
    await first.close();

    const second = await startApp();
    try {
      const list = await getJson(second.url, SavedViewListSchema);
      expect(list.views).toEqual([
        {
          id: saved.id,
          name: 'Bury, 21 November 2017',
          createdAt: saved.createdAt,
          at: '2017-11-21',
          nodeCount: 3,
        },
      ]);
      const reopened = await getJson(`${second.url}/${saved.id}`, SavedViewSchema);
      expect(Object.keys(reopened.positions).sort()).toEqual(Object.keys(sample().positions).sort());
      for (const [id, p] of Object.entries(sample().positions)) {
        expect(Math.abs((reopened.positions[id]?.x ?? Number.NaN) - p.x)).toBeLessThan(1);
        expect(Math.abs((reopened.positions[id]?.y ?? Number.NaN) - p.y)).toBeLessThan(1);
      }
      expect(reopened.state).toEqual(sample().state);
      expect(reopened.viewport).toEqual(sample().viewport);
    } finally {
      await second.close();
    }
  });

  it('gives a second view of the same name its own id, and deletes one without touching the other', async () => {
    const app = await startApp();
    try {
      const a = await create(app.url, sample('Leaders'));
      const b = await create(app.url, sample('Leaders'));
      expect([a.id, b.id]).toEqual(['leaders', 'leaders-2']);
      expect(await remove(`${app.url}/leaders`)).toMatchObject({ status: 204, body: undefined });
      expect((await getError(`${app.url}/leaders`, 404)).error.code).toBe('NOT_FOUND');
      const again = await remove(`${app.url}/leaders`);
      expect(expectAnswer(again, ErrorBodySchema, 404, 'DELETE again').error.code).toBe('NOT_FOUND');
      const list = await getJson(app.url, SavedViewListSchema);
      expect(list.views.map((v) => v.id)).toEqual(['leaders-2']);
    } finally {
      await app.close();
    }
  });

  it('writes each view as one JSON file and leaves no temporary files behind', async () => {
    const app = await startApp();
    try {
      await create(app.url, sample('One'));
      await create(app.url, sample('Two'));
      const files = (await readdir(path.join(dataDir, 'views'))).sort();
      expect(files).toEqual(['one.json', 'two.json']);
      const stored = JSON.parse(await readFile(path.join(dataDir, 'views', 'one.json'), 'utf8'));
      expect(stored.name).toBe('One');
    } finally {
      await app.close();
    }
  });

  it('refuses a bad view with a 400 that names the field', async () => {
    const app = await startApp();
    try {
      const bad = sample();
      (bad.state as { at: string }).at = '2017-02-30';
      const body = await refused(app.url, bad, 400);
      expect(body.error.code).toBe('BAD_REQUEST');
      expect(body.error.message).toMatch(/^state\.at: /);
      expect((await refused(app.url, { ...sample(), name: '  ' }, 400)).error.code).toBe('BAD_REQUEST');
      const badPositions = { ...sample(), positions: { 'not an id': { x: 1, y: 2 } } };
      expect((await refused(app.url, badPositions, 400)).error.code).toBe('BAD_REQUEST');
    } finally {
      await app.close();
    }
  });

  it('refuses ids that are not slugs, so no path can leave the views folder', async () => {
    const app = await startApp();
    try {
      for (const id of ['..%2F..%2Fetc%2Fpasswd', 'UPPER', 'a--b', '.hidden']) {
        expect((await getError(`${app.url}/${id}`, 400)).error.code, id).toBe('BAD_REQUEST');
      }
    } finally {
      await app.close();
    }
  });

  it('refuses a view larger than the size limit with TOO_LARGE', async () => {
    const app = await startApp();
    try {
      const positions: Record<string, { x: number; y: number }> = {};
      for (let i = 0; i < 2_500; i++)
        positions[`node:n-${i}-padding-padding`] = { x: i * 1.123456789, y: -i * 3.3333333 };
      const body = await refused(app.url, { ...sample(), positions }, 413);
      expect(body.error.code).toBe('TOO_LARGE');
      expect(body.error.message).toMatch(/saved views are limited to 200 kB/);
      expect(await readdir(dataDir)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('lists the readable views even when one file is damaged', async () => {
    const app = await startApp();
    try {
      await create(app.url, sample('Good'));
      await writeFile(path.join(dataDir, 'views', 'broken.json'), '{"id": "broken"');
      const list = await getJson(app.url, SavedViewListSchema);
      expect(list.views.map((v) => v.id)).toEqual(['good']);
    } finally {
      await app.close();
    }
  });
});

describe('slugify', () => {
  it('makes readable ids from names, accents and punctuation folded', () => {
    expect(slugify('Bury — Café, 21 Nov 2017!')).toBe('bury-cafe-21-nov-2017');
    expect(slugify('***')).toBe('view');
    expect(slugify('x'.repeat(100))).toHaveLength(60);
  });
});
