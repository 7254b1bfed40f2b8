import type { LayoutOptions, NodeSingular } from 'cytoscape';
import type { LayoutName } from '../state/link-state.ts';

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
