import type { Core, ElementDefinition, NodeCollection } from 'cytoscape';
import type { ElementEdge, ElementNode, Elements } from '../../../graph/contract/api.ts';
import { caption } from './compose.ts';
import { edgeCaption } from './style.ts';

/** From the API's elements to Cytoscape's: captions, classes, and adding or updating in place. */

function nodeDefinition(node: ElementNode): ElementDefinition {
  const max = node.data.label === 'Finding' ? 48 : 60;
  return {
    group: 'nodes',
    data: { ...node.data, caption: caption(node.data.name, max) },
    classes: node.data.disputed && node.data.disputed.length > 0 ? 'disputed' : '',
  };
}

function edgeDefinition(edge: ElementEdge): ElementDefinition {
  return { group: 'edges', data: { ...edge.data, caption: edgeCaption(edge.data.type) } };
}

/**
 * Adds what is new and updates what is there; an edge whose ends are not both on the canvas is
 * skipped, never drawn to nowhere. Returns the nodes added.
 */
export function upsert(cy: Core, elements: Elements): NodeCollection {
  let added = cy.collection();
  for (const node of elements.nodes) {
    const existing = cy.getElementById(node.data.id);
    const definition = nodeDefinition(node);
    if (existing.nonempty()) {
      existing.data(definition.data);
      existing.classes(definition.classes ?? '');
    } else {
      added = added.union(cy.add(definition));
    }
  }
  for (const edge of elements.edges) {
    const existing = cy.getElementById(edge.data.id);
    if (existing.nonempty()) {
      existing.data(edgeDefinition(edge).data);
      continue;
    }
    if (cy.getElementById(edge.data.source).empty() || cy.getElementById(edge.data.target).empty()) continue;
    cy.add(edgeDefinition(edge));
  }
  return added.nodes();
}
