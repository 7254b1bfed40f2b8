import { Router } from 'express';
import type { GraphSchemaInfo } from '../../graph/contract/api.ts';
import type { AppDeps } from '../deps.ts';

const SCHEMA_QUERY = `
CALL () {
  MATCH (n) UNWIND labels(n) AS label
  WITH label, count(*) AS count ORDER BY label
  RETURN collect({label: label, count: count}) AS labels
}
CALL () {
  MATCH ()-[r]->()
  WITH type(r) AS type, count(*) AS count ORDER BY type
  RETURN collect({type: type, count: count}) AS relationshipTypes
}
CALL () {
  CALL db.propertyKeys() YIELD propertyKey
  WITH propertyKey ORDER BY propertyKey
  RETURN collect(propertyKey) AS propertyKeys
}
RETURN labels, relationshipTypes, propertyKeys`;

/** GET /api/schema: labels and relationship types with counts, and property keys. */
export function createSchemaRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const body = await graph.read(async (tx) => {
      const record = (await tx.run(SCHEMA_QUERY)).records[0];
      return {
        labels: record?.get('labels') ?? [],
        relationshipTypes: record?.get('relationshipTypes') ?? [],
        propertyKeys: record?.get('propertyKeys') ?? [],
      } satisfies GraphSchemaInfo;
    });
    res.json(body);
  });
  return router;
}
