// The switch fence on the real test Neo4j: which marker reads a read sends, and when it is judged
// whole. The readers-during-a-switch test (scripts/bench/scale-load.int.test.ts) runs it under a load.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestGraph, wipeGraph } from '../test/graph-helpers.ts';
import type { Graph } from './driver.ts';
import { AppError } from './errors.ts';
import { BEGIN_SWITCH, END_SWITCH, fencedWork, READ_SWITCH } from './switch-guard.ts';

let graph: Graph;

beforeAll(() => {
  graph = openTestGraph();
});
beforeEach(async () => {
  await wipeGraph(graph);
  await graph.write((tx) => tx.run("CREATE (:Person {id: 'person:a', name: 'A'})"));
});
afterAll(async () => {
  await wipeGraph(graph);
  await graph.close();
});

/** Runs fencedWork in a read transaction of its own, counting the statements it sent. */
async function fenced() {
  const sent: string[] = [];
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  try {
    const outcome = await session.executeRead((tx) => {
      const counting: ManagedTransaction = Object.create(tx);
      counting.run = ((query: string, params?: Record<string, unknown>) => {
        sent.push(query === READ_SWITCH ? 'marker' : 'work');
        return tx.run(query, params);
      }) as ManagedTransaction['run'];
      return fencedWork(counting, async (work) =>
        (await work.run('MATCH (p:Person) RETURN count(p) AS n')).records[0]?.get('n'),
      );
    });
    return { outcome, sent };
  } finally {
    await session.close();
  }
}

const switched = () =>
  graph.write(async (tx) => {
    await tx.run(BEGIN_SWITCH, { timeoutMs: neo4j.int(60_000) });
    await tx.run(END_SWITCH, { switched: true });
  });

describe('the switch fence', () => {
  it('reads the marker before and after the work when the generation is not known yet', async () => {
    const { outcome, sent } = await fenced();
    expect(sent).toEqual(['marker', 'work', 'marker']);
    expect(outcome).toMatchObject({ whole: true, value: 1, after: { generation: 0, active: false } });
  });

  it('does not trust a read while a switch is active, nor one across a raised generation', async () => {
    await graph.write((tx) => tx.run(BEGIN_SWITCH, { timeoutMs: neo4j.int(60_000) }));
    expect((await fenced()).outcome).toMatchObject({ whole: false, after: { active: true } });
    await graph.write((tx) => tx.run(END_SWITCH, { switched: true }));
    expect((await fenced()).outcome).toMatchObject({ whole: true, after: { generation: 1, active: false } });
  });

  it('judges a read that knows the generation by a marker read after it, and holds it while a switch is active', async () => {
    const reader = openTestGraph();
    let runs = 0;
    const count = () =>
      reader.read(async (tx) => {
        runs += 1;
        return (await tx.run('MATCH (p:Person) RETURN count(p) AS n')).records[0]?.get('n');
      });
    try {
      // The first read learns generation 0; the next ones know it, and send no marker read of their own.
      expect(await count()).toBe(1);
      expect(await count()).toBe(1);
      expect(runs).toBe(2);
      await graph.write((tx) => tx.run(BEGIN_SWITCH, { timeoutMs: neo4j.int(60_000) }));
      const answer = count();
      // Its work ran, and was not trusted: the marker read after it saw the switch active.
      await vi.waitFor(() => expect(runs).toBeGreaterThan(3), { timeout: 20_000, interval: 50 });
      await graph.write((tx) => tx.run(END_SWITCH, { switched: true }));
      expect(await answer).toBe(1);
    } finally {
      await reader.close();
    }
  });

  it("passes on a warm read's Neo4j error as is, and the work's own error once the read is judged whole", async () => {
    const reader = openTestGraph();
    try {
      await reader.read((tx) => tx.run('RETURN 1'));
      const refused = await reader.read((tx) => tx.run('RETURN 1 +')).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('CYPHER_SYNTAX');
      const own = new AppError('NOT_FOUND', 'No such node');
      const thrown = await reader
        .read(async (tx) => {
          await tx.run('MATCH (p:Person) RETURN p');
          throw own;
        })
        .catch((error: unknown) => error);
      expect(thrown).toBe(own);
    } finally {
      await reader.close();
    }
  });

  it('lets graph.read learn the generation and retry once when a switch raised it', async () => {
    await switched();
    // A fresh Graph knows no generation: its first read sends both marker reads, and learns 1.
    const reader = openTestGraph();
    try {
      expect(
        await reader.read(async (tx) =>
          (await tx.run('MATCH (p:Person) RETURN count(p) AS n')).records[0]?.get('n'),
        ),
      ).toBe(1);
      await switched();
      // The known generation (1) is now stale: the read is retried, and still answers.
      expect(
        await reader.read(async (tx) =>
          (await tx.run('MATCH (p:Person) RETURN count(p) AS n')).records[0]?.get('n'),
        ),
      ).toBe(1);
    } finally {
      await reader.close();
    }
  });
});
