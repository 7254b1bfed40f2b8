// A large load into an empty graph writes straight under the domain labels behind the switch
// marker (graph/load/first-load.ts): readers are refused until the whole graph is there, a failed
// load leaves the graph empty, and a killed one is never served and is removed by the next load.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '../../graph/driver.ts';
import { AppError } from '../../graph/errors.ts';
import { applySchema } from '../../graph/load/apply-schema.ts';
import { type LoadOptions, loadPlan } from '../../graph/load/load-plan.ts';
import type { GraphPlan } from '../../graph/seed/plan.ts';
import { planCounts } from '../../graph/seed/prepare.ts';
import { SWITCH_LABEL, waitOutReadLeases } from '../../graph/switch-guard.ts';
import { countsInGraph, openTestGraph, wipeGraph } from '../../test/graph-helpers.ts';
import { syntheticPlan, withUnknownEnd } from './synthetic-plan.ts';

const SCALE = 300;
/** The machine may be shared and slow: a generous limit, never a timing assertion. */
const SLOW = 240_000;
/** Small batches and a low in-place limit, so the first load runs in many transactions. */
const OPTIONS: LoadOptions = { inPlaceLimit: 100, nodeBatch: 100, relationshipBatch: 300 };
const MAX_READS = 400;
const READ_PAUSE_MS = 20;

let graph: Graph;
let plan: GraphPlan;
/** The constraints and indexes applySchema creates, which every first load must leave in place. */
let schema: string[];

/** Names of the constraints and of the indexes other than the label and type lookups. */
const schemaNames = () =>
  graph.write(async (tx) =>
    (
      await tx.run(`
        SHOW INDEXES YIELD name, type, state WHERE type <> 'LOOKUP'
        RETURN name + ':' + state AS name ORDER BY name`)
    ).records.map((r) => String(r.get('name'))),
  );

const countPeople = () =>
  graph.read(async (tx) =>
    Number((await tx.run('MATCH (p:Person) RETURN count(p) AS n')).records[0]?.get('n')),
  );

async function marker() {
  return graph.write(async (tx) => {
    const record = (
      await tx.run(
        `MATCH (s:${SWITCH_LABEL}) RETURN s.active AS active, s.firstLoad AS firstLoad, s.generation AS generation`,
      )
    ).records[0];
    return record?.toObject();
  });
}

/** What a reader got: the people it counted, or the reason it was refused. */
type Seen = { people: number } | { refused: string };

async function watch(seen: Seen[], stop: { requested: boolean }): Promise<void> {
  for (let i = 0; i < MAX_READS && !stop.requested; i += 1) {
    try {
      seen.push({ people: await countPeople() });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      seen.push({ refused: `${error.code}:${String(error.details.reason)}` });
    }
    await new Promise((resolve) => setTimeout(resolve, READ_PAUSE_MS));
  }
}

beforeAll(async () => {
  graph = openTestGraph();
  await applySchema(graph);
  schema = await schemaNames();
  plan = syntheticPlan(SCALE);
});
beforeEach(async () => {
  await wipeGraph(graph);
});
afterAll(async () => {
  await wipeGraph(graph);
  await graph?.close();
});

describe('a large first load into an empty graph', () => {
  it(
    'writes straight under the domain labels, and readers see nothing or everything, never part',
    async () => {
      const people = plan.nodes.filter((n) => n.label === 'Person').length;
      const seen: Seen[] = [];
      const stop = { requested: false };
      const reader = watch(seen, stop);
      let mode: string;
      try {
        mode = (await loadPlan(graph, plan, OPTIONS)).mode;
      } finally {
        stop.requested = true;
        await reader;
      }
      seen.push({ people: await countPeople() });
      expect(mode).toBe('first-load');
      for (const view of seen) {
        if ('refused' in view) expect(view.refused).toBe('DATABASE_UNAVAILABLE:loading');
        else expect([0, people]).toContain(view.people);
      }
      // The reader ran while batches were written, and was refused then.
      expect(seen.some((view) => 'refused' in view)).toBe(true);
      expect(seen.at(-1)).toEqual({ people });
      const counts = await countsInGraph(graph);
      expect(counts).toEqual(planCounts(plan));
      expect(await marker()).toEqual({ active: false, firstLoad: false, generation: 1 });
      // The indexes dropped for the writing were built again over the loaded graph, all online.
      expect(await schemaNames()).toEqual(schema);
      expect(schema.every((name) => name.endsWith(':ONLINE'))).toBe(true);
      expect(schema.length).toBeGreaterThan(8);
      // A second load finds the graph loaded and writes nothing.
      expect((await loadPlan(graph, plan, OPTIONS)).mode).toBe('unchanged');
    },
    SLOW,
  );

  it(
    'leaves the graph empty and served when it fails part-way',
    async () => {
      const broken = withUnknownEnd(plan);
      await expect(loadPlan(graph, broken, OPTIONS)).rejects.toThrow(/org:nowhere/);
      expect(await countPeople()).toBe(0);
      const left = await graph.read(async (tx) =>
        Number((await tx.run('MATCH ()-[r]->() RETURN count(r) AS n')).records[0]?.get('n')),
      );
      expect(left).toBe(0);
      expect(await marker()).toEqual({ active: false, firstLoad: false, generation: 0 });
      expect(await schemaNames()).toEqual(schema);
    },
    SLOW,
  );

  it(
    'fails when the data breaks a unique constraint built after the writing, naming it, and leaves the graph empty',
    async () => {
      const person = plan.nodes.find((n) => n.label === 'Person');
      if (!person) throw new Error('the synthetic plan has no person');
      const twice: GraphPlan = {
        ...plan,
        nodes: [...plan.nodes, { ...person, properties: { ...person.properties } }],
      };
      const error = await loadPlan(graph, twice, OPTIONS).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(/person_id/);
      expect((error as AppError).message).toContain(person.id);
      expect(await countPeople()).toBe(0);
      expect(await schemaNames()).toEqual(schema);
      expect(await marker()).toEqual({ active: false, firstLoad: false, generation: 0 });
    },
    SLOW,
  );

  it(
    'never serves what a killed first load wrote, and the next load removes it and loads whole',
    async () => {
      // What a loader killed part-way leaves: some nodes written and the marker's lease run out. A
      // loader writes only once the grace after its mark has passed (switch-guard.ts, 4.).
      await graph.write((tx) =>
        tx.run(
          `CREATE (:${SWITCH_LABEL} {generation: 0, active: true, firstLoad: true, until: timestamp() - 1})`,
        ),
      );
      await waitOutReadLeases();
      await graph.write((tx) =>
        tx.run(`UNWIND range(1, 5) AS i CREATE (:Person {id: 'person:partial-' + i, name: 'Partial ' + i})`),
      );
      const refused = await countPeople().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).details.reason).toBe('loading');
      expect((refused as AppError).message).toMatch(/stopped before it finished.*npm run load/);

      const report = await loadPlan(graph, plan, OPTIONS);
      expect(report.mode).toBe('first-load');
      expect(await countPeople()).toBe(plan.nodes.filter((n) => n.label === 'Person').length);
      const partial = await graph.read(async (tx) =>
        Number(
          (
            await tx.run("MATCH (p:Person) WHERE p.id STARTS WITH 'person:partial-' RETURN count(p) AS n")
          ).records[0]?.get('n'),
        ),
      );
      expect(partial).toBe(0);
      expect(await schemaNames()).toEqual(schema);
    },
    SLOW,
  );

  it(
    'refuses to start while another first load holds a current lease, and changes nothing',
    async () => {
      await graph.write((tx) =>
        tx.run(
          `CREATE (:${SWITCH_LABEL} {generation: 0, active: true, firstLoad: true, until: timestamp() + 600000})
           CREATE (:Person {id: 'person:other-load', name: 'Being written'})`,
        ),
      );
      const error = await loadPlan(graph, plan, OPTIONS).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('CONFLICT');
      expect((error as AppError).message).toMatch(/Another load is writing this graph for the first time/);
      const still = await graph.write(async (tx) =>
        Number((await tx.run('MATCH (p:Person) RETURN count(p) AS n')).records[0]?.get('n')),
      );
      expect(still).toBe(1);
    },
    SLOW,
  );
});
