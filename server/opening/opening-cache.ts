import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../../graph/driver.ts';
import { readSwitch } from '../../graph/switch-guard.ts';
import { readOpening } from './read-opening.ts';

/** The opening's answer as sent, and the version of the graph it was worked out from. */
interface Kept {
  version: string;
  json: string;
}

/** A Graph whose reads all run in one transaction already open: the opening's reads share it. */
function inTransaction(graph: Graph, tx: ManagedTransaction): Graph {
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
 * that can change the graph, from this process or another, replaces that version first, and the
 * reads are held off until it has finished). Checking costs one read of the marker.
 *
 * The reads run in one transaction, between two reads of the marker: the answer is kept only when
 * the marker was at rest and unchanged from before the first read to after the last, so it was
 * worked out from one whole graph. Without a version (an emptied database, or a graph loaded before
 * the marker had one), nothing is kept.
 */
export function openingCache(graph: Graph): () => Promise<string> {
  let kept: Kept | null = null;
  return async () => {
    const { json, keep } = await graph.read(async (tx) => {
      const before = await readSwitch(tx);
      const version = !before.active && before.version ? before.version : null;
      if (version && kept?.version === version) return { json: kept.json, keep: null };
      const answer = JSON.stringify(await readOpening(inTransaction(graph, tx)));
      const after = await readSwitch(tx);
      const whole = version !== null && !after.active && after.version === version;
      return { json: answer, keep: whole ? { version, json: answer } : null };
    });
    // Kept only once the read as a whole was judged sound (graph.read retries it otherwise).
    if (keep) kept = keep;
    return json;
  };
}
