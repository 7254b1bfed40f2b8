import type { Core, NodeCollection, Position } from 'cytoscape';

/**
 * Where new nodes first appear, before any layout: where they stood when last removed, else in a
 * ring around the node that brought them (or what they hang from, or the middle of the view).
 * Returns the nodes that had no remembered place, which the layout then settles.
 */

function ring(center: Position, count: number, index: number, offset: number): Position {
  const radius = 180 + Math.max(0, count - 8) * 10;
  const angle = offset + (2 * Math.PI * index) / Math.max(1, count);
  return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
}

export function placeNew(
  cy: Core,
  added: NodeCollection,
  anchor: string | null | undefined,
  remembered: ReadonlyMap<string, Position>,
): NodeCollection {
  const needLayout = added.filter((node) => !remembered.has(node.id()));
  for (const node of added) {
    const position = remembered.get(node.id());
    if (position) node.position(position);
  }
  const anchorNode = anchor ? cy.getElementById(anchor) : null;
  const anchorPos = anchorNode?.nonempty() ? anchorNode.position() : null;
  const extent = cy.extent();
  const middle = { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  const offset = Math.random() * Math.PI;
  needLayout.forEach((node, index) => {
    const placed = node.neighborhood('node').difference(needLayout);
    if (anchorPos) {
      node.position(ring(anchorPos, needLayout.length, index, offset));
    } else if (placed.nonempty()) {
      const box = placed.boundingBox({});
      node.position(ring({ x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 }, 6, index, offset));
    } else {
      node.position(ring(middle, needLayout.length, index, offset));
    }
  });
  return needLayout;
}
