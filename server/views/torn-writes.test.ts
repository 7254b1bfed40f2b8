import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SavedViewListSchema, SavedViewSchema } from '../../graph/contract/saved-view.ts';

// The app is killed with SIGKILL while clients save views as fast as they can; afterwards every
// file must be whole and valid, and the list must answer. Bounded: a few rounds of well under a second.
const ROUNDS = 6;
const WRITERS = 4;
const CHILD = fileURLToPath(new URL('./serve-views-for-test.ts', import.meta.url));

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'torn-writes-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /^(http:\/\/\S+)\n/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before serving`)));
  });
}

function view(n: number) {
  // Big enough (about 100 kB) that a write takes several system calls, so a kill can land mid-file.
  const positions: Record<string, { x: number; y: number }> = {};
  for (let i = 0; i < 1_500; i++) positions[`person:p-${n}-${i}`] = { x: i * 1.5, y: -i * 2.25 };
  return {
    name: `Round view ${n}`,
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
    positions,
    viewport: { zoom: 1, pan: { x: 0, y: 0 } },
  };
}

async function checkFolder(): Promise<number> {
  const dir = path.join(dataDir, 'views');
  let files: string[] = [];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  } catch {
    return 0;
  }
  for (const file of files) {
    const parsed = SavedViewSchema.safeParse(JSON.parse(await readFile(path.join(dir, file), 'utf8')));
    expect(parsed.success, file).toBe(true);
    expect(`${parsed.data?.id}.json`).toBe(file);
    expect(Object.keys(parsed.data?.positions ?? {})).toHaveLength(1_500);
  }
  return files.length;
}

describe('saved views when the app is killed mid-write', () => {
  it('leaves every file whole and the list answering, round after round', { timeout: 90_000 }, async () => {
    let sent = 0;
    let killedWith = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { child, url } = await startChild();
      if (round === 0) {
        const probe = await fetch(`${url}/api/views`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(view(0)),
        });
        expect(probe.status, await probe.text()).toBe(201);
      }
      const listed = SavedViewListSchema.parse(await (await fetch(`${url}/api/views`)).json());
      expect(listed.views).toHaveLength(await checkFolder());

      let stop = false;
      const writers = Array.from({ length: WRITERS }, async () => {
        while (!stop) {
          sent += 1;
          await fetch(`${url}/api/views`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(view(sent)),
          }).catch(() => {
            stop = true;
          });
        }
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, 400 + round * 250));
      child.kill('SIGKILL');
      await exited;
      stop = true;
      await Promise.all(writers);
      killedWith += 1;
      await checkFolder();
    }
    const { child, url } = await startChild();
    try {
      const final = await fetch(`${url}/api/views`);
      expect(final.status).toBe(200);
      const count = await checkFolder();
      expect(SavedViewListSchema.parse(await final.json()).views).toHaveLength(count);
      expect(count).toBeGreaterThan(0);
      console.log(`torn writes: ${killedWith} kills, ${sent} saves attempted, ${count} views whole on disk`);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
