import neo4j from 'neo4j-driver';
import type { z } from 'zod';
import type { SearchQuerySchema, SearchResult } from '../../graph/contract/api.ts';
import type { Graph } from '../../graph/driver.ts';
import { luceneQuery } from './lucene-query.ts';
import { SEARCH } from './search-queries.ts';

type SearchQuery = z.infer<typeof SearchQuerySchema>;

/** People, organisations, posts, reports and findings matching what was typed, best first. */
export async function search(graph: Graph, { q, label, limit }: SearchQuery): Promise<SearchResult> {
  const lucene = luceneQuery(q);
  // Nothing searchable was typed (only punctuation): no hits, and no query to send.
  if (!lucene) return { results: [] };
  const results = await graph.read(async (tx) => {
    const result = await tx.run(SEARCH, {
      lucene,
      label: label ?? null,
      limit: neo4j.int(limit),
      candidates: neo4j.int(limit * 5),
    });
    return result.records.map((r) => ({
      id: String(r.get('id')),
      label: String(r.get('label')),
      name: String(r.get('name')),
      score: Number(r.get('score')),
    }));
  });
  return { results };
}
