import neo4j, { type Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../../graph/driver.ts';
import { fingerprintGraph } from '../../graph/fingerprint.ts';
import { CONSOLE_TIMEOUT_MS, useConsoleApp } from '../../test/console-app.ts';
import { runReadOnly } from './run.ts';

// The run step's own guarantees, past the guard: a read session, and a transaction always rolled back.
const app = useConsoleApp();

describe('the console’s run step', () => {
  it('runs in a read session: a write that reaches the run step is refused', async () => {
    const before = await fingerprintGraph(app.graph);
    const attempt = runReadOnly(
      app.graph,
      "CREATE (:CctLeak {id: 'leak:1'}) RETURN 1 AS one",
      {},
      {
        timeoutMs: CONSOLE_TIMEOUT_MS,
        maxRows: 10,
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'WRITE_NOT_ALLOWED' });
    expect(await fingerprintGraph(app.graph)).toBe(before);
  });

  it('rolls back even a write that runs, were the session to allow writes', async () => {
    const { graph } = app;
    // A Graph whose sessions ignore the READ access mode: only the rollback stands in the way.
    const writable: Graph = {
      ...graph,
      driver: Object.assign(Object.create(graph.driver) as Driver, {
        session: (config: Parameters<Driver['session']>[0]) =>
          graph.driver.session({ ...config, defaultAccessMode: neo4j.session.WRITE }),
      }),
    };
    const before = await fingerprintGraph(graph);
    const result = await runReadOnly(
      writable,
      "MATCH (n:CctPerson) SET n.name = 'Changed' CREATE (:CctLeak {id: 'leak:1'}) RETURN count(n) AS n",
      {},
      { timeoutMs: CONSOLE_TIMEOUT_MS, maxRows: 10 },
    );
    expect(result.rows).toEqual([[2]]);
    expect(await fingerprintGraph(graph)).toBe(before);
  });
});
