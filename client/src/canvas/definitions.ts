import type { Core, ElementDefinition, NodeCollection } from 'cytoscape';
import type { ElementEdge, ElementNode, Elements } from '../../../graph/contract/api.ts';
import { caption } from './compose.ts';
import { isGroupId } from './group.ts';
import { edgeCaption } from './style.ts';

/** From the API's elements to Cytoscape's: captions, classes, and adding or updating in place. */

/** The name drawn under a node: findings, being sentences, are cut shorter. */
export function nodeCaption(node: ElementNode): string {
  return caption(node.data.name, node.data.label === 'Finding' ? 48 : 60);
}

function nodeDefinition(node: ElementNode): ElementDefinition {
  return {
    group: 'nodes',
    data: { ...node.data, caption: nodeCaption(node) },
    classes: node.data.disputed && node.data.disputed.length > 0 ? 'disputed' : '',
  };
}

/**
 * The words on a line: the type, how sure it is on the date (text, not only a dash), how many
 * sources, and whether it rests only on sources cited by address (an imported file), never quoted.
 */
export function edgeLabel(edge: ElementEdge): string {
  const standing = edge.data.standing;
  const cited = edge.data.evidenceKind === 'cited';
  const cue = standing === 'possible' || cited ? 'possibly ' : '';
  const undated = standing === 'undated' ? ' · date unknown' : '';
  const count = edge.data.evidence.length;
  const sources = count > 0 ? ` · ${count} source${count === 1 ? '' : 's'}` : '';
  const citedOnly = cited ? ' · cited by URL, not quoted' : '';
  return `${cue}${edgeCaption(edge.data.type)}${undated}${sources}${citedOnly}`;
}

function edgeDefinition(edge: ElementEdge): ElementDefinition {
  return {
    group: 'edges',
    data: { ...edge.data, caption: edgeLabel(edge) },
    // The lines a group of findings stands for are not one relationship with its own evidence.
    selectable: !isGroupId(edge.data.id),
  };
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
      if (!edge.data.standing) existing.removeData('standing');
      continue;
    }
    if (cy.getElementById(edge.data.source).empty() || cy.getElementById(edge.data.target).empty()) continue;
    cy.add(edgeDefinition(edge));
  }
  return added.nodes();
}
