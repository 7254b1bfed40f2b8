// The Cypher console's integration tests share this: a small graph of their own (labels starting
// `Cct`, so it cannot be confused with other tests' data) and the app on a free port with a short
// query time limit. Each file that calls `useConsoleApp` seeds it before its tests and removes it after.
import { afterAll, beforeAll } from 'vitest';
import type { Graph } from '../graph/driver.ts';
import {
  openTestGraph,
  setUp,
  startTestServer,
  TEST_SERVER_CONFIG,
  type TestServer,
} from './graph-helpers.ts';

export const CONSOLE_TIMEOUT_MS = 1_500;

const SEED = `
CREATE (p:CctPerson {id: 'person:cct-ada', name: 'Ada Example', evidenceDocumentIds: ['doc:cct-1'], evidenceQuotes: ['Ada Example, chief executive']})
CREATE (q:CctPerson {id: 'person:cct-bo', name: 'Bo Example'})
CREATE (post:CctPost {id: 'post:cct-chief-executive', title: 'Chief Executive', kind: 'executive'})
CREATE (doc:CctDocument {id: 'doc:cct-1', title: 'A press release', published: '2017-11-21'})
CREATE (p)-[:HOLDS {id: 'holds:cct-ada', from: '2017', qualifier: 'interim',
  evidenceDocumentIds: ['doc:cct-1', 'doc:cct-1'], evidenceQuotes: ['Ada Example, chief executive', 'interim chief executive']}]->(post)
CREATE (q)-[:HOLDS {id: 'holds:cct-bo', from: '2019', to: '2020'}]->(post)
CREATE (doc)-[:MENTIONS {id: 'mentions:cct-ada', evidenceDocumentIds: ['doc:cct-1'], evidenceQuotes: ['Ada Example']}]->(p)`;

const REMOVE_SEED = 'MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH "Cct") DETACH DELETE n';

export interface ConsoleApp {
  readonly graph: Graph;
  /** The console's endpoint, `…/api/cypher`. */
  readonly cypherUrl: string;
}

export function useConsoleApp(): ConsoleApp {
  let graph: Graph | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    graph = openTestGraph();
    await graph.write((tx) => tx.run(REMOVE_SEED));
    await graph.write((tx) => tx.run(SEED));
    server = await startTestServer(graph, {
      config: { cypher: { ...TEST_SERVER_CONFIG.cypher, timeoutMs: CONSOLE_TIMEOUT_MS } },
    });
  });
  afterAll(async () => {
    await server?.close();
    await graph?.write((tx) => tx.run(REMOVE_SEED));
    await graph?.close();
  });
  return {
    get graph() {
      return setUp(graph, 'useConsoleApp');
    },
    get cypherUrl() {
      return `${setUp(server, 'useConsoleApp').url}/api/cypher`;
    },
  };
}
