import { Router } from 'express';
import neo4j from 'neo4j-driver';
import { SearchQuerySchema, type SearchResult } from '../../graph/contract/api.ts';
import type { AppDeps } from '../deps.ts';
import { parseRequest } from '../http/validate.ts';
import { luceneQuery } from './lucene-query.ts';

// Tenures are reached through people and posts; searching them would only repeat those hits.
const SEARCH_QUERY = `
CALL db.index.fulltext.queryNodes('entity_text', $lucene, {limit: $candidates}) YIELD node, score
WITH node, score, labels(node)[0] AS label
WHERE ($label IS NULL OR label = $label) AND NOT node:Tenure
RETURN node.id AS id, label, node.name AS name,
       score * CASE label WHEN 'Document' THEN 0.5 WHEN 'Finding' THEN 0.8 ELSE 1.0 END AS score
ORDER BY score DESC, name
LIMIT $limit`;

/** GET /api/search?q=&label=&limit=: full-text search over names, aliases, titles and quotes. */
export function createSearchRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const { q, label, limit } = parseRequest(SearchQuerySchema, req.query, 'search');
    const lucene = luceneQuery(q);
    if (!lucene) {
      res.json({ results: [] } satisfies SearchResult);
      return;
    }
    const results = await graph.read(async (tx) => {
      const result = await tx.run(SEARCH_QUERY, {
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
    res.json({ results } satisfies SearchResult);
  });
  return router;
}
