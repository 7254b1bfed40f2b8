import type { Graph } from '../../graph/driver.ts';
import { AppError } from '../../graph/errors.ts';
import { type ReadStatements, readSwitch, type SwitchState } from '../../graph/switch-guard.ts';
import { readOpening } from './read-opening.ts';

/** The opening's answer as sent, and the version of the graph it was worked out from. */
interface Kept {
  version: string;
  json: string;
}

/** A Graph whose reads all run within one read already begun: the opening's reads share its fence. */
function withinRead(graph: Graph, tx: ReadStatements): Graph {
  return {
    database: graph.database,
    get driver() {
      return graph.driver;
    },
    read: (work) => work(tx),
    write: () => Promise.reject(new Error('The opening only reads.')),
    verify: () => graph.verify(),
    close: async () => {},
  };
}

/**
 * The opening's answer, worked out once per version of the graph. Every visitor on a blank link
 * gets the same answer, and working it out takes two dozen reads one after another, so it is kept
 * and sent again while the switch marker's version stands (see graph/switch-guard.ts: every write
 * that can change the graph, from this process or another, replaces that version before it writes
 * and again after). Checking costs one read of the marker.
 *
 * The reads run within one read, between two reads of the marker: the answer is kept only when
 * the marker was at rest (no switch or in-place edit running) and unchanged from before the first
 * read to after the last, so it was worked out from one whole graph that no write was changing.
 * Without a version (an emptied database, or a graph loaded before the marker had one), nothing is
 * kept. Callers who ask at the same time share one answer.
 */
export function openingCache(graph: Graph): () => Promise<string> {
  let kept: Kept | null = null;
  const workedOut = () =>
    graph.read(async (tx) => {
      const before = await readSwitch(tx);
      const atRest = (state: SwitchState) => !state.active && !state.editing;
      const version = atRest(before) && before.version ? before.version : null;
      if (version && kept?.version === version) return { json: kept.json, keep: null };
      const answer = JSON.stringify(await readOpening(withinRead(graph, tx)));
      const after = await readSwitch(tx);
      const whole = version !== null && atRest(after) && after.version === version;
      return { json: answer, keep: whole ? { version, json: answer } : null };
    });
  const answer = async () => {
    let outcome: Awaited<ReturnType<typeof workedOut>>;
    try {
      outcome = await workedOut();
    } catch (error) {
      // A database that is away, or a switch that outlasted the wait, would only fail again.
      if (error instanceof AppError && error.code === 'DATABASE_UNAVAILABLE') throw error;
      // One statement that fails (a cold database still planning, say) fails the shared read as a
      // whole. Read by read instead, as the endpoints would: a read that fails is
      // left out of the answer and the client asks it itself; nothing is kept.
      return JSON.stringify(await readOpening(graph));
    }
    // Kept only once the read as a whole was judged sound (graph.read retries it otherwise).
    if (outcome.keep) kept = outcome.keep;
    return outcome.json;
  };
  // Visitors who ask while an answer is being worked out (the app's warm-up as it starts, or the
  // first visitors after a load) share it, rather than each working it out again: each gets a whole
  // graph's answer, from a read begun at most one working-out before they asked.
  let pending: Promise<string> | null = null;
  return () => {
    pending ??= answer().finally(() => {
      pending = null;
    });
    return pending;
  };
}
