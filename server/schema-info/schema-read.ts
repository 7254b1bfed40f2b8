import type { GraphSchemaInfo } from '../../graph/contract/api.ts';
import type { Graph } from '../../graph/driver.ts';
import { GRAPH_SCHEMA, HIDDEN_LABELS } from './schema-queries.ts';

/** What the graph holds: for the legend, the filters and the console's completion. */
export async function readGraphSchema(graph: Graph): Promise<GraphSchemaInfo> {
  return graph.read(async (tx) => {
    const record = (await tx.run(GRAPH_SCHEMA, { hidden: HIDDEN_LABELS })).records[0];
    return {
      labels: record?.get('labels') ?? [],
      relationshipTypes: record?.get('relationshipTypes') ?? [],
      propertyKeys: record?.get('propertyKeys') ?? [],
    };
  });
}
