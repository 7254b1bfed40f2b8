import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Opening, OpeningSchema } from '../../graph/contract/opening.ts';
import type { Graph } from '../../graph/driver.ts';
import { type LoadOptions, loadPlan } from '../../graph/load/load-plan.ts';
import { prepareSeeds } from '../../graph/seed/prepare.ts';
import type { ReadStatements } from '../../graph/switch-guard.ts';
import {
  openTestGraph,
  PROJECT_ROOT,
  resetToProjectSeeds,
  TEST_SERVER_CONFIG,
  wipeGraph,
} from '../../test/graph-helpers.ts';
import { openingCache } from './opening-cache.ts';
import { createOpeningRouter } from './opening-router.ts';

// The opening's answer kept per version of the graph: sent again while nothing changed, and worked
// out afresh after every kind of write that can change it, made through another connection (as
// `npm run load` or another app process would make it).
const INSPECTION = 'inspection:bury-local-area-send-2017';

/** The app's graph, counting the statements its reads send (the fence's own marker reads aside). */
function counted(graph: Graph): { graph: Graph; statements: () => number } {
  let statements = 0;
  const counting: Graph = {
    database: graph.database,
    driver: graph.driver,
    read: (work, options) =>
      graph.read((tx) => {
        const spy: ReadStatements = {
          run: (query, parameters) => {
            statements += 1;
            return tx.run(query, parameters);
          },
        };
        return work(spy);
      }, options),
    write: (work, options) => graph.write(work, options),
    verify: () => graph.verify(),
    close: () => graph.close(),
  };
  return { graph: counting, statements: () => statements };
}

let app: Graph;
let loader: Graph;
let app$: ReturnType<typeof counted>;
let opening: () => Promise<string>;

beforeAll(async () => {
  app = openTestGraph();
  loader = openTestGraph();
  await resetToProjectSeeds(loader);
  app$ = counted(app);
  opening = openingCache(app$.graph);
});
afterAll(async () => {
  await resetToProjectSeeds(loader);
  await app.close();
  await loader.close();
});

async function answer(): Promise<{ opening: Opening; statements: number }> {
  const before = app$.statements();
  const parsed = OpeningSchema.parse(JSON.parse(await opening()));
  return { opening: parsed, statements: app$.statements() - before };
}

const inspectionName = (o: Opening) => o.nodes.find((n) => n.node.id === INSPECTION)?.node.name;

/** The project's seeds with the inspection renamed: one changed fact. */
function renamedPlan(name: string) {
  const { plan } = prepareSeeds(PROJECT_ROOT);
  const node = plan.nodes.find((n) => n.properties.id === INSPECTION);
  if (!node) throw new Error('the seeds have the 2017 inspection');
  node.properties.name = name;
  // The loader tells a changed node by its hash; this one is no longer the seeds' own.
  node.properties.seedHash = `edited: ${name}`;
  return plan;
}

async function load(name: string, options: LoadOptions = {}) {
  return loadPlan(loader, renamedPlan(name), options);
}

describe('the opening kept per version of the graph', () => {
  it('is worked out once, then sent again for one read of the marker while nothing changes', async () => {
    const first = await answer();
    expect(first.opening.view?.inspection).toBe(INSPECTION);
    expect(first.statements).toBeGreaterThan(10);
    const again = await answer();
    expect(again.statements).toBe(1);
    expect(again.opening).toEqual(first.opening);
  });

  it('is worked out once for visitors who ask while it is being worked out', async () => {
    // What working it out costs, asked once of a cache that has not seen this graph.
    const alone = counted(app);
    await openingCache(alone.graph)();
    expect(alone.statements()).toBeGreaterThan(10);
    // Three visitors at once, on another such cache: the same cost, and one answer for all three.
    const together = counted(app);
    const cache = openingCache(together.graph);
    const answers = await Promise.all([cache(), cache(), cache()]);
    expect(new Set(answers).size).toBe(1);
    expect(together.statements()).toBe(alone.statements());
  });

  it('is worked out afresh after a one-fact edit loaded in place through another connection', async () => {
    const original = inspectionName((await answer()).opening);
    const report = await load('Edited in place');
    expect(report.mode).toBe('in-place');
    const after = await answer();
    expect(after.statements).toBeGreaterThan(10);
    expect(inspectionName(after.opening)).toBe('Edited in place');
    expect(inspectionName(after.opening)).not.toBe(original);
    // And kept again for the new version.
    expect((await answer()).statements).toBe(1);
  });

  it('is worked out afresh after a new generation is switched in', async () => {
    await answer();
    const report = await load('Switched in as a generation', { inPlaceLimit: 0 });
    expect(report.mode).toBe('generation');
    expect(inspectionName((await answer()).opening)).toBe('Switched in as a generation');
  });

  it('is not kept for an emptied graph, and the seeds loaded again are seen at once', async () => {
    await answer();
    await wipeGraph(loader);
    const empty = await answer();
    expect(empty.opening.view).toBeNull();
    // No marker, so no version to keep it under: asked again, it is worked out again.
    expect((await answer()).statements).toBeGreaterThan(1);
    await resetToProjectSeeds(loader);
    const reloaded = await answer();
    expect(reloaded.opening.view?.inspection).toBe(INSPECTION);
    expect(inspectionName(reloaded.opening)).not.toMatch(/Switched|Edited/);
  });

  it('stays kept through an unchanged load: nothing was written, so the version stands', async () => {
    await answer();
    const report = await loadPlan(loader, prepareSeeds(PROJECT_ROOT).plan);
    expect(report.mode).toBe('unchanged');
    expect((await answer()).statements).toBe(1);
  });

  it('is kept again once an unchanged load gives a version to a graph loaded before versions', async () => {
    // A marker without a version, and a graph with no marker at all (loaded before there was one).
    for (const before of ['MATCH (s:LoadSwitch) REMOVE s.version', 'MATCH (s:LoadSwitch) DELETE s']) {
      await loader.write((tx) => tx.run(before));
      await answer();
      expect((await answer()).statements).toBeGreaterThan(1);
      expect((await loadPlan(loader, prepareSeeds(PROJECT_ROOT).plan)).mode).toBe('unchanged');
      await answer();
      expect((await answer()).statements).toBe(1);
    }
  });

  it('is worked out as the app starts when asked to warm it, so the first visitor costs one statement', async () => {
    // A fresh app on the same graph (the kept answer belongs to each app), counting its statements.
    const fresh = counted(app);
    const warnings: string[] = [];
    const logger = { info() {}, warn: (message: string) => warnings.push(message), error() {} };
    // The router's own cache, through which the test sees the warm-up: its first call.
    const cache = openingCache(fresh.graph);
    let warmUp: Promise<string> | undefined;
    const opening = () => {
      const answer = cache();
      warmUp ??= answer;
      return answer;
    };
    const server = express()
      .use(
        '/api/opening',
        createOpeningRouter(
          { graph: fresh.graph, logger, config: TEST_SERVER_CONFIG },
          { warm: true, opening },
        ),
      )
      .listen(0, '127.0.0.1');
    try {
      await once(server, 'listening');
      // The warm-up runs in the background, begun as the router was made: wait for it to end.
      expect(warmUp).toBeDefined();
      await warmUp;
      expect(fresh.statements()).toBeGreaterThan(1);
      const { port } = server.address() as AddressInfo;
      const before = fresh.statements();
      const first = OpeningSchema.parse(await (await fetch(`http://127.0.0.1:${port}/api/opening`)).json());
      expect(first.view?.inspection).toBe(INSPECTION);
      expect(fresh.statements() - before).toBe(1);
      expect(warnings).toEqual([]);
    } finally {
      server.close();
    }
  });
});
