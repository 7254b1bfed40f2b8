import type { ElementEdge, ElementNode, Neighbours } from '../../graph/contract/api.ts';
import { edgeElement, holdsEdge, nodeElement, type Props } from '../../graph/contract/elements.ts';

/** One neighbour as NEIGHBOURS returns it: a relationship, or a tenure folded into HOLDS. */
export interface NeighbourRow {
  rel: Props | null;
  type: string;
  outgoing: boolean;
  other: Props;
  otherLabel: string;
  tenure: Props | null;
}

/**
 * The node and its neighbours as elements, each node and edge once. A tenure becomes one HOLDS
 * edge (person → post); any other relationship keeps its direction relative to the node.
 */
export function neighbourhood(
  self: { id: string; label: string; props: Props },
  rows: readonly NeighbourRow[],
  total: number,
  limit: number,
): Neighbours {
  const selfNode = nodeElement(self.label, self.props);
  const nodes = new Map<string, ElementNode>([[selfNode.data.id, selfNode]]);
  const edges = new Map<string, ElementEdge>();
  for (const row of rows) {
    const other = nodeElement(row.otherLabel, row.other);
    nodes.set(other.data.id, other);
    if (row.tenure) {
      const edge = holdsEdge(row.tenure);
      edges.set(edge.data.id, edge);
    } else if (row.rel) {
      const [source, target] = row.outgoing ? [self.id, other.data.id] : [other.data.id, self.id];
      const edge = edgeElement(row.type, source, target, row.rel);
      edges.set(edge.data.id, edge);
    }
  }
  return {
    elements: { nodes: [...nodes.values()], edges: [...edges.values()] },
    total,
    truncated: total > limit,
  };
}
