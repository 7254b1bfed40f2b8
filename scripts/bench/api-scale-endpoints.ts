/**
 * What api-scale asks of each side: for each endpoint, the app's HTTP request and the Cypher the app
 * runs to answer it, with the same parameters, which the bare script and the HTTP floor
 * (floor-process.ts) run themselves.
 */
import neo4j, { type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import { queryFor } from '../../graph/label-queries.ts';
import { ACCOUNTABILITY_BY_ORG } from '../../server/accountability/accountability-queries.ts';
import { NEIGHBOURS } from '../../server/nodes/node-queries.ts';
import { luceneQuery } from '../../server/search/lucene-query.ts';
import { SEARCH } from '../../server/search/search-queries.ts';
import { AREA_INSPECTIONS, ORG_TIMELINE } from '../../server/timeline/timeline-queries.ts';
import type { BenchRequest } from './http.ts';

export const NEIGHBOUR_LIMIT = 500;

export interface Statement {
  query: string;
  params: Record<string, unknown>;
}

export interface Endpoint {
  name: string;
  request: BenchRequest;
  /** The Cypher the app runs for this request, in order, in one read transaction. */
  statements: Statement[];
}

export function endpoints(hub: { id: string; label: string }): Endpoint[] {
  const org = 'org:synthetic-0';
  const lucene = luceneQuery('council') as string;
  return [
    {
      name: 'search',
      request: { name: 'search', method: 'GET', path: '/api/search?q=council' },
      statements: [
        {
          query: SEARCH,
          params: { lucene, label: null, limit: neo4j.int(10), candidates: neo4j.int(50) },
        },
      ],
    },
    {
      name: `neighbours (capped at ${NEIGHBOUR_LIMIT})`,
      request: {
        name: 'neighbours',
        method: 'GET',
        path: `/api/nodes/${encodeURIComponent(hub.id)}/neighbours?limit=${NEIGHBOUR_LIMIT}`,
      },
      statements: [
        {
          query: queryFor(NEIGHBOURS, hub.label),
          params: { id: hub.id, at: null, types: null, limit: neo4j.int(NEIGHBOUR_LIMIT) },
        },
      ],
    },
    {
      name: 'accountability (org, date)',
      request: {
        name: 'accountability',
        method: 'GET',
        path: `/api/accountability?org=${org}&at=2020-06-01`,
      },
      statements: [{ query: ACCOUNTABILITY_BY_ORG, params: { org } }],
    },
    {
      name: 'timeline (org)',
      request: { name: 'timeline', method: 'GET', path: `/api/timeline?org=${org}` },
      // The app answers no area inspections for a synthetic organisation, so the second query gets [].
      statements: [
        { query: AREA_INSPECTIONS, params: { id: org } },
        { query: ORG_TIMELINE, params: { id: org, areaInspections: [] } },
      ],
    },
  ];
}

/**
 * Runs the statements one after another on `tx` (a managed transaction, or a session for
 * auto-commit queries); gives the last one's result.
 */
export async function runStatements(
  tx: Pick<ManagedTransaction, 'run'>,
  statements: Statement[],
): Promise<QueryResult | undefined> {
  let last: QueryResult | undefined;
  for (const { query, params } of statements) last = await tx.run(query, params);
  return last;
}
