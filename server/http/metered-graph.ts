import { performance } from 'node:perf_hooks';
import type { Driver, Session } from 'neo4j-driver';
import type { Graph } from '../../graph/driver.ts';
import { recordNeo4jSession } from './request-context.ts';

/** A Graph that counts its open sessions (leaks show as a count that does not return to 0). */
export interface MeteredGraph extends Graph {
  openSessions(): number;
}

const METERED = Symbol('metered-graph');

/**
 * Wraps the app's Graph so each session's time is added to the request that opened it (the request
 * log's `neo4jMs`) and open sessions are counted. Covers both the managed reads and the sessions the
 * console opens on the raw driver.
 */
export function meterGraph(graph: Graph): MeteredGraph {
  if (METERED in graph) return graph as unknown as MeteredGraph;
  let open = 0;

  function opened(): () => void {
    open += 1;
    const started = performance.now();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      open -= 1;
      recordNeo4jSession(performance.now() - started);
    };
  }

  async function timed<T>(work: () => Promise<T>): Promise<T> {
    const closed = opened();
    try {
      return await work();
    } finally {
      closed();
    }
  }

  const meterDriver = (raw: Driver): Driver =>
    new Proxy(raw, {
      get(target, property) {
        if (property === 'session') {
          return (...args: Parameters<Driver['session']>): Session => {
            const session = target.session(...args);
            const closed = opened();
            const close = session.close.bind(session);
            session.close = async () => {
              try {
                await close();
              } finally {
                closed();
              }
            };
            return session;
          };
        }
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  let driver: Driver | undefined;

  return {
    [METERED]: true,
    // Read lazily: an app that never touches Neo4j (saved views in a unit test) never asks for them.
    get database() {
      return graph.database;
    },
    get driver() {
      driver ??= meterDriver(graph.driver);
      return driver;
    },
    read: (work, options) => timed(() => graph.read(work, options)),
    write: (work, options) => timed(() => graph.write(work, options)),
    verify: () => timed(() => graph.verify()),
    close: () => graph.close(),
    openSessions: () => open,
  } as MeteredGraph;
}
