import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';
import type { LayoutName } from '../state/link-state.ts';
import { accountabilityPositions } from './layers.ts';

/** Layout options for each layout the chooser offers, for a full run over every element. */
export function fullLayout(name: LayoutName, animate: boolean): LayoutOptions {
  // The viewport is chosen afterwards (cy.ts: fitReadable), so names stay legible.
  const common = { animate: animate ? 'end' : false, animationDuration: 350, fit: false, padding: 32 };
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        ...common,
        quality: 'default',
        randomize: true,
        // Compact enough for a 30-node view to fit a laptop canvas at a readable zoom.
        nodeRepulsion: 9000,
        idealEdgeLength: 90,
        edgeElasticity: 0.45,
        nodeSeparation: 70,
        gravity: 0.4,
        packComponents: true,
        nodeDimensionsIncludeLabels: true,
      } as LayoutOptions;
    case 'dagre':
      return {
        name: 'dagre',
        ...common,
        rankDir: 'TB',
        nodeSep: 40,
        rankSep: 90,
        edgeSep: 10,
      } as LayoutOptions;
    // Without the drawing to measure (see accountabilityLayout), dagre's columns come closest.
    case 'accountability':
      return { name: 'dagre', ...common, rankDir: 'LR', nodeSep: 14, rankSep: 36 } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        minNodeSpacing: 70,
        concentric: (node: NodeSingular) => node.degree(false),
        levelWidth: () => 2,
      } as LayoutOptions;
  }
}

/**
 * fcose run again from where the nodes are, with every node already on the canvas held where it
 * is: only the new ones move, so expanding never scrambles what the reader has already placed.
 */
export function incrementalFcose(
  fixed: Array<{ nodeId: string; position: { x: number; y: number } }>,
): LayoutOptions {
  return {
    name: 'fcose',
    animate: true,
    animationDuration: 300,
    fit: false,
    randomize: false,
    quality: 'default',
    nodeRepulsion: 16000,
    idealEdgeLength: 120,
    nodeSeparation: 110,
    nodeDimensionsIncludeLabels: true,
    fixedNodeConstraint: fixed,
  } as LayoutOptions;
}

/**
 * The "accountability" layout: columns along chains of accountability (layers.ts), each node as
 * big as it is drawn with its name, so the columns never overlap and the whole fits when it can.
 */
export function accountabilityLayout(cy: Core, animate: boolean): LayoutOptions {
  const nodes = cy.nodes();
  const sized = nodes.map((node) => {
    const box = node.boundingBox({ includeLabels: true, includeOverlays: false });
    return { id: node.id(), width: box.w, height: box.h, offset: (box.y1 + box.y2) / 2 - node.position().y };
  });
  const edges = cy.edges().map((edge) => ({
    source: edge.source().id(),
    target: edge.target().id(),
    type: String(edge.data('type')),
  }));
  const positions = accountabilityPositions(sized, edges, cy.height());
  const offsets = new Map(sized.map((n) => [n.id, n.offset]));
  return {
    name: 'preset',
    animate: animate ? 'end' : false,
    animationDuration: 350,
    fit: false,
    positions: (node: NodeSingular) => {
      const at = positions.get(node.id()) ?? { x: 0, y: 0 };
      // The layout places the box with its name; the node's own centre sits above the name.
      return { x: at.x, y: at.y - (offsets.get(node.id()) ?? 0) };
    },
  } as LayoutOptions;
}
