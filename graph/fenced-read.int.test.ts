// The switch fence on the real test Neo4j: which marker reads a read sends, with a lease and
// without, when it is judged whole, and the loader's side of the lease (its wait after marking).
// The readers-during-a-switch test (scripts/bench/scale-load.int.test.ts) runs it under a load.
import neo4j, { type Session } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { openTestGraph, PROJECT_ROOT, useOnePersonGraph, wipeGraph } from '../test/graph-helpers.ts';
import { fencedWork, type Lease } from './fenced-read.ts';
import { loadPlan } from './load/load-plan.ts';
import { prepareSeeds } from './seed/prepare.ts';
import {
  BEGIN_FIRST_LOAD,
  BEGIN_SWITCH,
  END_SWITCH,
  LEASE_MS,
  READ_SWITCH,
  type ReadStatements,
  readSwitch,
  SWITCH_GRACE_MS,
} from './switch-guard.ts';

const onePerson = useOnePersonGraph();

const countPeople = async (statements: ReadStatements) =>
  Number((await statements.run('MATCH (p:Person) RETURN count(p) AS n')).records[0]?.get('n'));

/** Statements on an auto-commit session, as graph.read runs them, recording what each was. */
function recording(session: Session, sent: string[]): ReadStatements {
  return {
    run: async (query, parameters) => {
      sent.push(query === READ_SWITCH ? 'marker' : 'work');
      return session.run(query, parameters);
    },
  };
}

/**
 * Runs fencedWork on a session of its own with a clock the test moves: `during` runs between the
 * work's statement and its end (a switch, the clock passing the lease).
 */
async function fenced(
  options: {
    lease?: Lease;
    renew?: boolean;
    during?: () => Promise<void>;
    clock?: { now: number; wallAhead?: number };
  } = {},
) {
  const sent: string[] = [];
  const clock = options.clock ?? { now: 1_000 };
  // Both clocks move together unless the test says the wall clock ran ahead (the machine slept).
  const leaseClock = { monotonic: () => clock.now, wall: () => clock.now + (clock.wallAhead ?? 0) };
  const session = onePerson.graph.driver.session({
    database: onePerson.graph.database,
    defaultAccessMode: neo4j.session.READ,
  });
  try {
    const outcome = await fencedWork(
      recording(session, sent),
      async (statements) => {
        const n = await countPeople(statements);
        await options.during?.();
        return n;
      },
      options.lease,
      { clock: leaseClock, ...(options.renew ? { renew: true } : {}) },
    );
    return { outcome, sent };
  } finally {
    await session.close();
  }
}

const switched = () =>
  onePerson.graph.write(async (tx) => {
    await tx.run(BEGIN_SWITCH, { timeoutMs: neo4j.int(60_000) });
    await tx.run(END_SWITCH, { switched: true });
  });

describe('the switch fence', () => {
  it('without a lease, reads the marker first, and grants a lease from it', async () => {
    const { outcome, sent } = await fenced({ clock: { now: 1_000 } });
    expect(sent).toEqual(['marker', 'work']);
    expect(outcome).toMatchObject({
      whole: true,
      value: 1,
      lease: { generation: 0, until: 1_000 + LEASE_MS, untilWall: 1_000 + LEASE_MS },
    });
  });

  it('with a current lease, sends no marker read at all', async () => {
    const { outcome, sent } = await fenced({
      lease: { generation: 0, until: 2_000, untilWall: 2_000 },
      clock: { now: 1_000 },
    });
    expect(sent).toEqual(['work']);
    expect(outcome).toMatchObject({ whole: true, value: 1 });
    expect(outcome).not.toHaveProperty('lease');
  });

  it('with a lease that has run out, reads the marker after the work, and grants a new lease', async () => {
    const { outcome, sent } = await fenced({
      lease: { generation: 0, until: 500, untilWall: 500 },
      clock: { now: 1_000 },
    });
    expect(sent).toEqual(['work', 'marker']);
    expect(outcome).toMatchObject({ whole: true, lease: { generation: 0, until: 1_000 + LEASE_MS } });
  });

  it('treats a lease the wall clock has passed as run out, as after the machine slept', async () => {
    const { sent } = await fenced({
      lease: { generation: 0, until: 2_000, untilWall: 2_000 },
      clock: { now: 1_000, wallAhead: 3_600_000 },
    });
    expect(sent).toEqual(['work', 'marker']);
  });

  it('renews a current lease when asked, by a marker read after the work', async () => {
    const { outcome, sent } = await fenced({
      lease: { generation: 0, until: 1_200, untilWall: 1_200 },
      clock: { now: 1_000 },
      renew: true,
    });
    expect(sent).toEqual(['work', 'marker']);
    expect(outcome).toMatchObject({ whole: true, lease: { generation: 0, until: 1_000 + LEASE_MS } });
  });

  it('judges a work that outlasted its lease by a marker read after it: whole while nothing switched', async () => {
    const clock = { now: 1_000 };
    const { outcome, sent } = await fenced({
      lease: { generation: 0, until: 1_500, untilWall: 1_500 },
      clock,
      during: async () => {
        clock.now = 1_600;
      },
    });
    expect(sent).toEqual(['work', 'marker']);
    expect(outcome).toMatchObject({
      whole: true,
      lease: { generation: 0, until: 1_600 + LEASE_MS, untilWall: 1_600 + LEASE_MS },
    });
  });

  it('does not trust a work that outlasted its lease while a switch raised the generation', async () => {
    const clock = { now: 1_000 };
    const { outcome } = await fenced({
      lease: { generation: 0, until: 1_500, untilWall: 1_500 },
      clock,
      during: async () => {
        await switched();
        clock.now = 1_600;
      },
    });
    expect(outcome).toMatchObject({ whole: false, lease: { generation: 1 } });
  });

  it('does not trust a read while a switch is active, and grants no lease', async () => {
    await onePerson.graph.write((tx) => tx.run(BEGIN_SWITCH, { timeoutMs: neo4j.int(60_000) }));
    const { outcome, sent } = await fenced();
    expect(sent).toEqual(['marker', 'work', 'marker']);
    expect(outcome.whole).toBe(false);
    expect(outcome).not.toHaveProperty('lease');
  });

  it('reports a first load, and grants no lease', async () => {
    await onePerson.graph.write((tx) => tx.run(BEGIN_FIRST_LOAD, { leaseMs: neo4j.int(60_000) }));
    const { outcome } = await fenced();
    expect(outcome).toMatchObject({ firstLoad: 'running' });
    expect(outcome).not.toHaveProperty('lease');
  });
});

describe('graph.read and the lease', () => {
  it('sends one marker read for a run of reads, and learns a raised generation once its lease has run out', async () => {
    await switched();
    const reader = openTestGraph();
    const sent: string[] = [];
    const session = reader.driver.session.bind(reader.driver);
    reader.driver.session = (...args: Parameters<typeof session>) => {
      const opened = session(...args);
      const run = opened.run.bind(opened);
      opened.run = ((query: string, ...rest: unknown[]) => {
        sent.push(query === READ_SWITCH ? 'marker' : 'work');
        return (run as (...all: unknown[]) => ReturnType<Session['run']>)(query, ...rest);
      }) as Session['run'];
      return opened;
    };
    try {
      for (let i = 0; i < 3; i++) expect(await reader.read(countPeople)).toBe(1);
      expect(sent).toEqual(['marker', 'work', 'work', 'work']);
      await switched();
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 100));
      sent.length = 0;
      // The lease has run out: the work, then the marker, which shows a new generation; the read is
      // not trusted, and is tried again under the new lease that marker read granted.
      expect(await reader.read(countPeople)).toBe(1);
      expect(sent).toEqual(['work', 'marker', 'work']);
      expect(await reader.read(readSwitch)).toMatchObject({ generation: 2 });
    } finally {
      await reader.close();
    }
  });
});

describe("the loader's side of the lease", () => {
  it('waits the grace after marking a switch before it changes the graph', async () => {
    await wipeGraph(onePerson.graph);
    const { plan } = prepareSeeds(PROJECT_ROOT);
    await loadPlan(onePerson.graph, plan);
    const changed = prepareSeeds(PROJECT_ROOT).plan;
    for (const node of changed.nodes) node.properties.seedHash = `changed ${node.properties.seedHash}`;
    const marks: { marked?: number; switched?: number } = {};
    const watching = (async () => {
      const start = (await onePerson.graph.read(readSwitch)).generation;
      const session = onePerson.graph.driver.session({
        database: onePerson.graph.database,
        defaultAccessMode: neo4j.session.READ,
      });
      try {
        while (marks.switched === undefined) {
          const state = await readSwitch(session);
          const at = performance.now();
          if (state.active && marks.marked === undefined) marks.marked = at;
          if (state.generation > start) marks.switched = at;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        await session.close();
      }
    })();
    const report = await loadPlan(onePerson.graph, changed, { inPlaceLimit: 0 });
    await watching;
    expect(report.mode).toBe('generation');
    expect(marks.marked).toBeDefined();
    // The switch was seen active at most a poll after it was marked, and the new generation only
    // after the switch, which began no sooner than the grace after the mark.
    expect((marks.switched as number) - (marks.marked as number)).toBeGreaterThanOrEqual(
      SWITCH_GRACE_MS - 250,
    );
  });

  it('waits the grace after marking a first load before it writes anything', async () => {
    await wipeGraph(onePerson.graph);
    const marks: { marked?: number; written?: number } = {};
    const session = onePerson.graph.driver.session({
      database: onePerson.graph.database,
      defaultAccessMode: neo4j.session.READ,
    });
    let loading = true;
    const watching = (async () => {
      // One poll more once the load has ended, so what it wrote is seen.
      while (marks.written === undefined) {
        const ended = !loading;
        const state = await readSwitch(session);
        const people = Number(
          (await session.run('MATCH (n) WHERE NOT n:LoadSwitch RETURN count(n) AS n')).records[0]?.get('n'),
        );
        const at = performance.now();
        if (state.firstLoad === 'running' && marks.marked === undefined) marks.marked = at;
        if (people > 0) marks.written = at;
        if (ended) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      const report = await loadPlan(onePerson.graph, prepareSeeds(PROJECT_ROOT).plan, { inPlaceLimit: 0 });
      expect(report.mode).toBe('first-load');
    } finally {
      loading = false;
      await watching;
      await session.close();
    }
    expect(marks.marked).toBeDefined();
    expect(marks.written).toBeDefined();
    expect((marks.written as number) - (marks.marked as number)).toBeGreaterThanOrEqual(
      SWITCH_GRACE_MS - 250,
    );
  });
});
