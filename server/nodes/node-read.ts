import neo4j from 'neo4j-driver';
import type { z } from 'zod';
import type { Neighbours, NeighboursQuerySchema, NodeDetail } from '../../graph/contract/api.ts';
import { citedOf, evidenceOf, type Props, visibleProperties } from '../../graph/contract/elements.ts';
import type { Graph } from '../../graph/driver.ts';
import { queryFor } from '../../graph/label-queries.ts';
import { type NeighbourRow, neighbourhood } from './neighbourhood.ts';
import { labelForId, nodeNotFound } from './node-label.ts';
import { NEIGHBOURS, NODE_DETAIL } from './node-queries.ts';

type NeighboursQuery = z.infer<typeof NeighboursQuerySchema>;

/** One node: its visible properties, its evidence, the claims sources make about it, its degree. */
export async function readNodeDetail(graph: Graph, id: string): Promise<NodeDetail> {
  const label = labelForId(id);
  return graph.read(async (tx) => {
    const record = (await tx.run(queryFor(NODE_DETAIL, label), { id })).records[0];
    if (!record) throw nodeNotFound(id);
    const props = record.get('props') as Props;
    // A stored property is a scalar or a list of them (the loader keeps dates as strings); the
    // API tests hold every answer to NodeDetailSchema.
    const properties = visibleProperties(props) as NodeDetail['node']['properties'];
    const { citations } = citedOf(props);
    return {
      node: { id, label, name: String(props.name ?? id), properties },
      evidence: evidenceOf(props),
      ...(citations ? { citations } : {}),
      claims: (record.get('claims') as NodeDetail['claims']).filter(Boolean),
      degree: Number(record.get('degree')),
    };
  });
}

/** The node's neighbourhood, on a date and of some relationship types if asked, capped at `limit`. */
export async function readNeighbours(
  graph: Graph,
  id: string,
  { at, types, limit }: NeighboursQuery,
): Promise<Neighbours> {
  const label = labelForId(id);
  return graph.read(async (tx) => {
    const record = (
      await tx.run(queryFor(NEIGHBOURS, label), {
        id,
        at: at ?? null,
        types: types && types.length > 0 ? types : null,
        limit: neo4j.int(limit),
      })
    ).records[0];
    if (!record) throw nodeNotFound(id);
    return neighbourhood(
      { id, label, props: record.get('props') as Props },
      record.get('rows') as NeighbourRow[],
      Number(record.get('total')),
      limit,
    );
  });
}
