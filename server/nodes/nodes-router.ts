import { Router } from 'express';
import neo4j from 'neo4j-driver';
import {
  type ElementEdge,
  type ElementNode,
  type Neighbours,
  NeighboursQuerySchema,
  type NodeDetail,
  NodeIdSchema,
} from '../../graph/contract/api.ts';
import {
  edgeElement,
  evidenceOf,
  holdsEdge,
  nodeElement,
  type Props,
  visibleProperties,
} from '../../graph/contract/elements.ts';
import { AppError } from '../../graph/errors.ts';
import type { AppDeps } from '../deps.ts';
import { labelForId } from '../graph-view/node-label.ts';
import { parseRequest } from '../http/validate.ts';
import { NEIGHBOURS, NODE_DETAIL } from './node-queries.ts';

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `No node with id '${id}'`, { id });
}

interface NeighbourRow {
  rel: Props | null;
  type: string;
  outgoing: boolean;
  other: Props;
  otherLabel: string;
  tenure: Props | null;
}

/** GET /api/nodes/:id and GET /api/nodes/:id/neighbours. */
export function createNodesRouter({ graph }: AppDeps): Router {
  const router = Router();

  router.get('/:id', async (req, res) => {
    const id = parseRequest(NodeIdSchema, req.params.id, 'node id');
    const label = labelForId(id);
    const body = await graph.read(async (tx) => {
      const record = (await tx.run(NODE_DETAIL, { id, label })).records[0];
      if (!record) throw notFound(id);
      const props = record.get('props') as Props;
      return {
        node: { id, label, name: String(props.name ?? id), properties: visibleProperties(props) },
        evidence: evidenceOf(props),
        claims: (record.get('claims') as NodeDetail['claims']).filter(Boolean),
        degree: Number(record.get('degree')),
      } satisfies NodeDetail;
    });
    res.json(body);
  });

  router.get('/:id/neighbours', async (req, res) => {
    const id = parseRequest(NodeIdSchema, req.params.id, 'node id');
    const { at, types, limit } = parseRequest(NeighboursQuerySchema, req.query, 'neighbours query');
    const label = labelForId(id);
    const body = await graph.read(async (tx) => {
      const record = (
        await tx.run(NEIGHBOURS, {
          id,
          label,
          at: at ?? null,
          types: types && types.length > 0 ? types : null,
          limit: neo4j.int(limit),
        })
      ).records[0];
      if (!record) throw notFound(id);
      const self = nodeElement(label, record.get('props') as Props);
      const nodes = new Map<string, ElementNode>([[self.data.id, self]]);
      const edges = new Map<string, ElementEdge>();
      for (const row of record.get('rows') as NeighbourRow[]) {
        const other = nodeElement(row.otherLabel, row.other);
        nodes.set(other.data.id, other);
        if (row.tenure) {
          const edge = holdsEdge(row.tenure);
          edges.set(edge.data.id, edge);
        } else if (row.rel) {
          const [source, target] = row.outgoing ? [id, other.data.id] : [other.data.id, id];
          const edge = edgeElement(row.type, source, target, row.rel);
          edges.set(edge.data.id, edge);
        }
      }
      const total = Number(record.get('total'));
      return {
        elements: { nodes: [...nodes.values()], edges: [...edges.values()] },
        total,
        truncated: total > limit,
      } satisfies Neighbours;
    });
    res.json(body);
  });

  return router;
}
