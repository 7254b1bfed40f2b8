import type { Box, Size } from './viewport.ts';

/**
 * Does a drawing read? From each node's on-screen box (body and name) and its name's size, count
 * the nodes that stick out of the canvas, the pairs of names drawn over each other, and the smallest
 * name. Pure, so the browser tests and the unit tests share one definition of "fits and reads".
 */

export interface DrawnNode {
  id: string;
  /** Body and name together, in pixels from the canvas's top left. */
  box: Box;
  /** The name alone (null for a node drawn without one). */
  label: Box | null;
  /** The name's size on screen, in CSS pixels. */
  labelPx: number;
}

export interface FitReport {
  nodes: number;
  outside: string[];
  overlaps: Array<[string, string]>;
  smallestLabelPx: number | null;
}

/** True when the two boxes share more than `slack` pixels each way (touching is not overlapping). */
export function overlap(a: Box, b: Box, slack = 1): boolean {
  return a.x1 + slack < b.x2 && b.x1 + slack < a.x2 && a.y1 + slack < b.y2 && b.y1 + slack < a.y2;
}

export function fitReport(nodes: readonly DrawnNode[], canvas: Size): FitReport {
  const outside = nodes
    .filter((n) => n.box.x1 < 0 || n.box.y1 < 0 || n.box.x2 > canvas.width || n.box.y2 > canvas.height)
    .map((n) => n.id);
  const overlaps: Array<[string, string]> = [];
  const labelled = nodes.filter((n) => n.label !== null);
  for (let i = 0; i < labelled.length; i++) {
    for (let j = i + 1; j < labelled.length; j++) {
      const a = labelled[i] as DrawnNode;
      const b = labelled[j] as DrawnNode;
      if (overlap(a.label as Box, b.label as Box)) overlaps.push([a.id, b.id]);
    }
  }
  const sizes = labelled.map((n) => n.labelPx);
  return {
    nodes: nodes.length,
    outside,
    overlaps,
    smallestLabelPx: sizes.length > 0 ? Math.min(...sizes) : null,
  };
}
