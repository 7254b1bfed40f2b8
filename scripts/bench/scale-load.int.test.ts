// The loader at a size that needs many transactions: a synthetic graph written as a new generation
// in small batches (so a run in `npm test` exercises the same path as the million-relationship bench).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../graph/driver.ts';
import { AppError } from '../../graph/errors.ts';
import { fingerprintGraph } from '../../graph/fingerprint.ts';
import { applySchema } from '../../graph/load/apply-schema.ts';
import { type LoadOptions, type LoadReport, loadPlan } from '../../graph/load/load-plan.ts';
import { type GraphPlan, hashProperties, type Properties } from '../../graph/seed/plan.ts';
import { planCounts } from '../../graph/seed/prepare.ts';
import { countsInGraph, openTestGraph, wipeGraph } from '../../test/graph-helpers.ts';
import { syntheticPlan, withUnknownEnd } from './synthetic-plan.ts';

const SCALE = 400;
/** The machine may be shared and slow: a generous limit, never a timing assertion. */
const SLOW = 240_000;
/** Small batches and a low in-place limit, so the generation path runs in many transactions. */
const OPTIONS: LoadOptions = { inPlaceLimit: 100, nodeBatch: 150, relationshipBatch: 400 };
/** The reader watching a reload: at most this many reads, each bounded, with a pause between. */
const MAX_READS = 400;
const READ_TIMEOUT = 20_000;
const READ_PAUSE_MS = 25;

let graph: Graph;
let plan: GraphPlan;

/** The plan with every person renamed, which changes far more items than the in-place limit. */
function renamedPlan(suffix: string, extra: Properties = {}): GraphPlan {
  return {
    nodes: plan.nodes.map((n) => {
      if (n.label !== 'Person') return n;
      const properties: Properties = { ...n.properties, ...extra, name: `${n.properties.name}${suffix}` };
      delete properties.seedHash;
      return { ...n, properties: { ...properties, seedHash: hashProperties(properties) } };
    }),
    relationships: plan.relationships,
  };
}

interface View {
  people: number;
  renamed: number;
  held: number;
}

/** What a reader sees: how many people, how many of them renamed by the reload, how many HELD. */
async function readView(): Promise<View> {
  return graph.read(
    async (tx) => {
      const record = (
        await tx.run(`
          MATCH (p:Person)
          RETURN count(p) AS people,
                 count(CASE WHEN p.name ENDS WITH ' v2' THEN 1 END) AS renamed,
                 COUNT { MATCH (:Person)-[:HELD]->(:Tenure) } AS held`)
      ).records[0];
      return {
        people: Number(record?.get('people')),
        renamed: Number(record?.get('renamed')),
        held: Number(record?.get('held')),
      };
    },
    { timeoutMs: READ_TIMEOUT },
  );
}

/**
 * Reads views until asked to stop or MAX_READS is reached, pausing between reads so that on a
 * 2-core machine the reader does not starve the load it watches. Bounded in count and per read.
 */
async function readViews(seen: View[], stop: { requested: boolean }): Promise<void> {
  for (let i = 0; i < MAX_READS && !stop.requested; i += 1) {
    seen.push(await readView());
    await new Promise((resolve) => setTimeout(resolve, READ_PAUSE_MS));
  }
}

beforeAll(async () => {
  graph = openTestGraph();
  await wipeGraph(graph);
  await applySchema(graph);
  plan = syntheticPlan(SCALE);
});
afterAll(async () => {
  await wipeGraph(graph);
  await graph?.close();
});

describe('loading a graph too large for one transaction', () => {
  it(
    'writes exactly the planned nodes and relationships, each relationship with its evidence',
    async () => {
      const report = await loadPlan(graph, plan, OPTIONS);
      // Into an empty graph: written straight in (first-load.int.test.ts covers that path).
      expect(report.mode).toBe('first-load');
      expect(report.totals.relationships.created).toBe(plan.relationships.length);
      // Only domain labels remain: nothing staged or retired is left behind.
      expect(await countsInGraph(graph)).toEqual(planCounts(plan));

      const sample = plan.relationships.filter((_, i) => i % 97 === 0);
      const found = await graph.read(async (tx) =>
        (
          await tx.run(
            `UNWIND $ids AS id
           MATCH (a)-[r {id: id}]->(b)
           RETURN r.id AS id, a.id AS source, b.id AS target, r.evidenceDocumentIds AS documents,
                  r.evidenceQuotes AS quotes, COUNT { MATCH (d:Document) WHERE d.id IN r.evidenceDocumentIds } AS known`,
            { ids: sample.map((r) => r.id) },
          )
        ).records.map((r) => r.toObject()),
      );
      expect(found).toHaveLength(sample.length);
      const byId = new Map(found.map((r) => [r.id, r]));
      for (const planned of sample) {
        const row = byId.get(planned.id);
        expect(row).toMatchObject({ source: planned.source, target: planned.target });
        expect(row?.documents).toEqual(planned.properties.evidenceDocumentIds);
        expect(row?.quotes).toEqual(planned.properties.evidenceQuotes);
        expect((planned.properties.evidenceQuotes as string[]).length).toBeGreaterThan(0);
        expect(row?.known).toBe(new Set(row?.documents as string[]).size);
      }
    },
    SLOW,
  );

  it(
    'writes nothing when reloaded unchanged, and touches only the one fact that was edited',
    async () => {
      const before = await fingerprintGraph(graph);
      const again = await loadPlan(graph, plan, OPTIONS);
      expect(again.mode).toBe('unchanged');
      expect(again.totals.relationships.unchanged).toBe(plan.relationships.length);
      expect(await fingerprintGraph(graph)).toBe(before);

      const target = plan.relationships.find((r) => r.type === 'HELD');
      if (!target) throw new Error('the synthetic plan has no HELD relationship');
      const properties: Properties = {
        ...target.properties,
        capacity: 'acting' === target.properties.capacity ? 'interim' : 'acting',
      };
      delete properties.seedHash;
      const edited: GraphPlan = {
        nodes: plan.nodes,
        relationships: plan.relationships.map((r) =>
          r === target ? { ...r, properties: { ...properties, seedHash: hashProperties(properties) } } : r,
        ),
      };
      const elementIdsBefore = await graph.read(async (tx) =>
        (await tx.run('MATCH (n:Person) RETURN collect(elementId(n)) AS ids')).records[0]?.get('ids'),
      );
      const report = await loadPlan(graph, edited, OPTIONS);
      expect(report.mode).toBe('in-place');
      expect(report.totals.relationships).toMatchObject({ created: 0, updated: 1, deleted: 0 });
      expect(report.totals.nodes).toMatchObject({ created: 0, updated: 0, deleted: 0 });
      const after = await graph.read(async (tx) => ({
        capacity: (
          await tx.run('MATCH ()-[r:HELD {id: $id}]->() RETURN r.capacity AS capacity', { id: target.id })
        ).records[0]?.get('capacity'),
        ids: (await tx.run('MATCH (n:Person) RETURN collect(elementId(n)) AS ids')).records[0]?.get('ids'),
      }));
      expect(after.capacity).toBe(properties.capacity);
      // The nodes were not rewritten: the same records are still served.
      expect(after.ids).toEqual(elementIdsBefore);
      await loadPlan(graph, plan, OPTIONS);
    },
    SLOW,
  );

  it(
    'lets readers see the old graph or the new one during a large reload, never a mixture',
    async () => {
      const people = plan.nodes.filter((n) => n.label === 'Person').length;
      const held = plan.relationships.filter((r) => r.type === 'HELD').length;
      const seen: View[] = [];
      const stop = { requested: false };
      const reader = readViews(seen, stop);
      let report: LoadReport;
      try {
        report = await loadPlan(graph, renamedPlan(' v2'), OPTIONS);
      } finally {
        // The reader never outlives the test: it is stopped and awaited whether the load passed or not.
        stop.requested = true;
        await reader;
      }
      // One more read once the load has returned: the new graph, whole.
      seen.push(await readView());
      expect(report.mode).toBe('generation');
      expect(seen.length).toBeGreaterThan(1);
      for (const view of seen) {
        expect(view.people).toBe(people);
        expect(view.held).toBe(held);
        expect([0, people]).toContain(view.renamed);
      }
      expect(seen.at(-1)?.renamed).toBe(people);
    },
    SLOW,
  );

  it(
    'keeps serving the previous graph when a large load fails part-way',
    async () => {
      const before = await fingerprintGraph(graph);
      const changed = renamedPlan(' v3');
      // The last relationship joins a node the plan does not have: staging fails after many batches.
      const broken = withUnknownEnd(changed);
      await expect(loadPlan(graph, broken, OPTIONS)).rejects.toThrow(/org:nowhere/);
      expect(await fingerprintGraph(graph)).toBe(before);
    },
    SLOW,
  );

  it(
    'names the timeout when a write runs past its time limit',
    async () => {
      const error = await graph
        .write((tx) => tx.run('UNWIND range(1, 100000000) AS x WITH x WHERE x < 0 RETURN count(x)'), {
          timeoutMs: 100,
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('QUERY_TIMEOUT');
      expect((error as AppError).details).toMatchObject({ limit: 'timeout' });
    },
    SLOW,
  );
});
