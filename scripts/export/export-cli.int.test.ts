// `npm run export` as a report script runs it: spawned with tsx against the seeded test Neo4j. Each
// format is written and checked; bad arguments are refused with a message and a non-zero exit.
// Images need the built client (npm test builds it before these tests).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../graph/driver.ts';
import { graphFromJson } from '../../graph/export/json.ts';
import { createViewStore } from '../../server/views/view-store.ts';
import { openTestGraph, PROJECT_ROOT, resetToProjectSeeds } from '../../test/graph-helpers.ts';

const FROM = 'org:bury-council';
const AT = '2017-11-21';
let graph: Graph;
let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function exportCli(args: string[]): Promise<Run> {
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
const base = ['--from', FROM, '--depth', '1', '--at', AT];

beforeAll(async () => {
  graph = openTestGraph();
  await resetToProjectSeeds(graph);
  dir = await mkdtemp(path.join(tmpdir(), 'export-cli-'));
});

afterAll(async () => {
  await graph?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run export', () => {
  let nodes = 0;
  let edges = 0;

  it('writes JSON: the node, its neighbours on the date, and round-trips', async () => {
    const run = await exportCli([...base, '--format', 'json', '--out', out('bury.json')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { graph: g, file } = graphFromJson(await readFile(out('bury.json'), 'utf8'));
    nodes = g.nodes.length;
    edges = g.edges.length;
    expect(g.nodes.map((n) => n.data.id)).toContain(FROM);
    expect(nodes).toBeGreaterThan(5);
    expect(file.data.at).toBe(AT);
    expect(run.stdout).toContain(`(${nodes} nodes, ${edges} relationships)`);
    // An organisation's export shows who held its posts on the date, not its posts alone.
    const holds = g.edges.filter((e) => e.data.type === 'HOLDS');
    expect(holds.map((e) => e.data.source)).toEqual(
      expect.arrayContaining(['person:karen-dolton', 'person:pat-jones-greenhalgh']),
    );
  });

  it('writes CSV: a nodes file and a relationships file with a row for each', async () => {
    const run = await exportCli([...base, '--format', 'csv', '--out', out('bury.csv')]);
    expect(run.code).toBe(0);
    const records = async (f: string) => (await readFile(out(f), 'utf8')).split('\r\n').filter(Boolean);
    expect(await records('bury-nodes.csv')).toHaveLength(nodes + 1);
    const rels = await records('bury-relationships.csv');
    expect(rels).toHaveLength(edges + 1);
    expect(rels[0]).toContain('evidence_quotes');
  });

  it('writes GraphML that parses, with the same node and edge counts', async () => {
    const run = await exportCli([...base, '--format', 'graphml', '--out', out('bury.graphml')]);
    expect(run.code).toBe(0);
    const xml = await readFile(out('bury.graphml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => n === 'node' || n === 'edge',
    }).parse(xml);
    expect(doc.graphml.graph.node).toHaveLength(nodes);
    expect(doc.graphml.graph.edge).toHaveLength(edges);
  });

  it('goes further with more depth', async () => {
    const run = await exportCli(['--from', FROM, '--depth', '2', '--at', AT, '--out', out('deep.json')]);
    expect(run.code).toBe(0);
    const { graph: g } = graphFromJson(await readFile(out('deep.json'), 'utf8'));
    expect(g.nodes.length).toBeGreaterThan(nodes);
  });

  it('draws a PNG of the whole graph that is not blank, framed when asked', async () => {
    const run = await exportCli([
      ...base,
      '--format',
      'png',
      '--scale',
      '1',
      '--frame',
      '--title',
      'Bury',
      '--out',
      out('bury.png'),
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const png = PNG.sync.read(await readFile(out('bury.png')));
    expect(png.width).toBeGreaterThan(400);
    expect(png.height).toBeGreaterThan(300);
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] !== 255 || png.data[i + 1] !== 255) ink += 1;
    expect(ink / (png.width * png.height)).toBeGreaterThan(0.01);
  });

  it('draws an SVG with the node names as text', async () => {
    const run = await exportCli([...base, '--format', 'svg', '--out', out('bury.svg')]);
    expect(run.code).toBe(0);
    const svg = await readFile(out('bury.svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    // Each line of a name is a <tspan> of its <text>.
    expect(svg).toMatch(/<text [^>]*><tspan [^>]*>Bury Council<\/tspan><\/text>/);
  });

  it('exports a saved view with the positions it was saved with', async () => {
    const store = createViewStore(path.join(dir, 'data'));
    const saved = await store.create({
      name: 'CLI view',
      state: {
        pinned: [FROM],
        expansions: [{ id: FROM, limit: 25 }],
        hidden: [],
        selected: null,
        at: AT,
        hiddenLabels: ['Document'],
        hiddenTypes: [],
        layout: 'fcose',
        view: 'explore',
      },
      positions: { [FROM]: { x: 123.5, y: -45.25 } },
      viewport: null,
    });
    const run = await exportCli(['--view', saved.id, '--out', out('view.json')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { graph: g } = graphFromJson(await readFile(out('view.json'), 'utf8'));
    expect(g.nodes.find((n) => n.data.id === FROM)?.position).toEqual({ x: 123.5, y: -45.25 });
    expect(g.nodes.some((n) => n.data.label === 'Document')).toBe(false);
  });

  it('refuses an unknown node id, an unknown format and an unwritable path, saying why', async () => {
    const unknownNode = await exportCli([
      '--from',
      'org:no-such-council',
      '--format',
      'json',
      '--out',
      out('x.json'),
    ]);
    expect(unknownNode.code).toBe(2);
    expect(unknownNode.stderr).toContain("--from: no node with id 'org:no-such-council'");

    const unknownFormat = await exportCli([...base, '--format', 'pdf', '--out', out('x.pdf')]);
    expect(unknownFormat.code).toBe(2);
    expect(unknownFormat.stderr).toContain(
      "--format 'pdf' is not a known format: expected one of png, svg, json, csv, graphml, popolo, ftm, gexf, wikidata",
    );

    const unwritable = await exportCli([...base, '--format', 'json', '--out', '/nonexistent-folder/x.json']);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toContain(
      'Cannot write /nonexistent-folder/x.json: the folder /nonexistent-folder does not exist',
    );

    const badDate = await exportCli(['--from', FROM, '--at', '2017-13-01', '--out', out('x.json')]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain("--at: '2017-13-01' is not a date");

    const unknownView = await exportCli(['--view', 'no-such-view', '--out', out('x.json')]);
    expect(unknownView.code).toBe(2);
    expect(unknownView.stderr).toContain("--view: no saved view 'no-such-view'");
  });
});
