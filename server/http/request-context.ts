import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What the server learns about one request while answering it. Kept in AsyncLocalStorage so the
 * graph wrapper can add Neo4j time to the request that caused it without every router passing it on.
 */
export interface RequestContext {
  id: string;
  neo4jMs: number;
  neo4jSessions: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequest<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Adds one Neo4j session's time to the current request, if there is one. */
export function recordNeo4jSession(ms: number): void {
  const context = storage.getStore();
  if (!context) return;
  context.neo4jMs += ms;
  context.neo4jSessions += 1;
}
