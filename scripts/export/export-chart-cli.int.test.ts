// `npm run export -- --chart`: the Posts chart from the command line against the seeded test Neo4j,
// as CSV (from the API), SVG and PNG (drawn by the built client in headless Chromium).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../graph/driver.ts';
import { openTestGraph, PROJECT_ROOT, resetToProjectSeeds } from '../../test/graph-helpers.ts';

let graph: Graph;
let dir: string;

function exportCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/export.ts', ...args],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATA_DIR: path.join(dir, 'data') },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const out = (name: string) => path.join(dir, name);

beforeAll(async () => {
  graph = openTestGraph();
  await resetToProjectSeeds(graph);
  dir = await mkdtemp(path.join(tmpdir(), 'export-chart-'));
});

afterAll(async () => {
  await graph?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run export -- --chart', () => {
  it('writes the tenures as CSV, one row per tenure, with precision, certainty and sources', async () => {
    const run = await exportCli(['--chart', 'org:bury-council', '--out', out('tenures.csv')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const tenures = Number(/(\d+) tenures/.exec(run.stdout)?.[1]);
    const lines = (await readFile(out('tenures.csv'), 'utf8')).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'person,person_id,post,post_id,organisation,organisation_id,capacity,from,from_precision,to,to_precision,certainty,periods,sources',
    );
    expect(tenures).toBeGreaterThan(3);
    expect(lines).toHaveLength(tenures + 1);
    expect(lines.slice(1).every((l) => /,(stated|attested|inferred|possible),/.test(l))).toBe(true);
  });

  it('draws the chart as an SVG with the post titles as text, and a PNG that is not blank', async () => {
    const svgRun = await exportCli([
      '--chart',
      'org:bury-council',
      '--from',
      '2016',
      '--to',
      '2020',
      '--out',
      out('posts.svg'),
    ]);
    expect(svgRun.code).toBe(0);
    const svg = await readFile(out('posts.svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('class="pc-post-title"');
    expect(svg).toContain('2016');
    const pngRun = await exportCli([
      '--chart',
      'org:bury-council',
      '--scale',
      '1',
      '--out',
      out('posts.png'),
    ]);
    expect(pngRun.code).toBe(0);
    const png = PNG.sync.read(await readFile(out('posts.png')));
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4)
      if (!(png.data[i] === 255 && png.data[i + 1] === 255 && png.data[i + 2] === 255)) ink += 1;
    expect(ink / (png.width * png.height)).toBeGreaterThan(0.03);
  });

  it('refuses an organisation that is not in the graph, saying so', async () => {
    const run = await exportCli(['--chart', 'org:no-such-body', '--out', out('none.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no organisation with id 'org:no-such-body'");
  });
});
