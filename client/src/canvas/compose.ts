import type { ElementEdge, ElementNode, Elements } from '../../../graph/contract/api.ts';
import type { Truncation } from '../state/app-state.ts';

/**
 * What the canvas should show, computed from what was fetched: the pinned nodes, the union of the
 * expansions' neighbourhoods, less hidden nodes, filtered labels and types, and edges whose ends
 * are missing. Collapsing an expansion is just leaving it out here, so a neighbour that another
 * expansion or a pin still brings stays, and one that nothing else brings goes.
 */

export interface FetchedExpansion {
  id: string;
  limit: number;
  elements: Elements;
  total: number;
  truncated: boolean;
}

export interface ComposeInput {
  pinned: ElementNode[];
  expansions: FetchedExpansion[];
  hidden: readonly string[];
  hiddenLabels: readonly string[];
  hiddenTypes: readonly string[];
}

export function composeGraph(input: ComposeInput): Elements {
  const hidden = new Set(input.hidden);
  const hiddenLabels = new Set(input.hiddenLabels);
  const hiddenTypes = new Set(input.hiddenTypes);
  const anchors = new Set([...input.pinned.map((n) => n.data.id), ...input.expansions.map((e) => e.id)]);

  const nodes = new Map<string, ElementNode>();
  const edges = new Map<string, ElementEdge>();
  const addNode = (node: ElementNode) => {
    if (!nodes.has(node.data.id)) nodes.set(node.data.id, node);
  };
  // Expansions first: their nodes carry more (dates, kinds) than a pin described on its own.
  for (const expansion of input.expansions) {
    for (const node of expansion.elements.nodes) addNode(node);
    for (const edge of expansion.elements.edges) if (!edges.has(edge.data.id)) edges.set(edge.data.id, edge);
  }
  for (const node of input.pinned) addNode(node);

  for (const [id, node] of nodes) if (hidden.has(id) || hiddenLabels.has(node.data.label)) nodes.delete(id);
  const keptEdges = [...edges.values()].filter(
    (edge) => !hiddenTypes.has(edge.data.type) && nodes.has(edge.data.source) && nodes.has(edge.data.target),
  );

  // A neighbour reached only through relationships filtered out would float unconnected; drop it.
  const touched = new Set(keptEdges.flatMap((edge) => [edge.data.source, edge.data.target]));
  const keptNodes = [...nodes.values()].filter(
    (node) => anchors.has(node.data.id) || touched.has(node.data.id),
  );
  return { nodes: keptNodes, edges: keptEdges };
}

/** A notice for each expansion the server cut short, with how many it left out. */
export function truncations(expansions: FetchedExpansion[], nameOf: (id: string) => string): Truncation[] {
  return expansions
    .filter((e) => e.truncated)
    .map((e) => ({
      id: e.id,
      name: nameOf(e.id),
      shown: Math.min(e.limit, e.total),
      total: e.total,
      limit: e.limit,
    }));
}

/** A node's label on the canvas: long names (findings are sentences) cut at a word boundary. */
export function caption(name: string, max = 60): string {
  const text = name.replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The Cytoscape node for a node the server described on its own (a pin restored from a link). */
export function nodeElementFrom(detail: {
  id: string;
  label: string;
  name: string;
  properties: Record<string, unknown>;
}): ElementNode {
  const kind = detail.properties.kind;
  return {
    data: {
      id: detail.id,
      label: detail.label,
      name: detail.name,
      kind: typeof kind === 'string' ? kind : null,
    },
  };
}

// Shared with the export command and the server's opening, so all three ask for the same things.
export {
  MAX_POST_HOLDERS,
  postsToShowHolders,
  requestedRelationshipTypes,
  viewRelationshipTypes,
} from '../../../graph/contract/view-fetch.ts';
