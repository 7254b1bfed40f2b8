/**
 * The "accountability" layout: columns read left to right along chains of accountability —
 * inspection → what it found and whom it inspected → the bodies responsible → their posts → who
 * held them. Pure: layers from relationship types, then positions from each node's drawn size.
 */
import { PADDING, READABLE_ZOOM } from './viewport.ts';

export interface LayerEdge {
  source: string;
  target: string;
  type: string;
}

/**
 * For each relationship type that orders a chain, which end comes first. Types not named here
 * (statements, mentions, reporting lines) do not order the columns.
 */
const ORDER: Record<string, 'forward' | 'backward'> = {
  INSPECTED: 'forward',
  FOUND: 'forward',
  CONDUCTED_BY: 'forward',
  ASSESSED: 'forward',
  REPORTED_ON: 'backward',
  FOLLOW_UP_OF: 'backward',
  RESPONDS_TO: 'backward',
  RESPONSIBLE_FOR: 'backward',
  POST_IN: 'backward',
  HOLDS: 'backward',
};

/** The column of each node: the longest chain leading to it; a node outside every chain sits next to a neighbour. */
export function assignLayers(ids: readonly string[], edges: readonly LayerEdge[]): Map<string, number> {
  const present = new Set(ids);
  const arcs: Array<[string, string]> = [];
  for (const edge of edges) {
    const order = ORDER[edge.type];
    if (!order || !present.has(edge.source) || !present.has(edge.target) || edge.source === edge.target)
      continue;
    arcs.push(order === 'forward' ? [edge.source, edge.target] : [edge.target, edge.source]);
  }
  const layer = new Map(ids.map((id) => [id, 0]));
  // Longest path by relaxation; a cycle stops growing after as many rounds as there are nodes.
  for (let round = 0; round < ids.length; round++) {
    let changed = false;
    for (const [from, to] of arcs) {
      const next = (layer.get(from) ?? 0) + 1;
      if (next > (layer.get(to) ?? 0) && next < ids.length) {
        layer.set(to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const inChain = new Set(arcs.flat());
  for (const id of ids) {
    if (inChain.has(id)) continue;
    const neighbour = edges
      .filter((e) => (e.source === id || e.target === id) && e.source !== e.target)
      .map((e) => (e.source === id ? e.target : e.source))
      .find((other) => inChain.has(other));
    if (neighbour !== undefined) layer.set(id, (layer.get(neighbour) ?? 0) + 1);
  }
  return layer;
}

export interface Sized {
  id: string;
  width: number;
  height: number;
}

export interface Spacing {
  columnGap: number;
  rowGap: number;
  /** A column taller than this is split into side-by-side columns (the canvas's height, in graph units). */
  maxHeight?: number;
}

/** Splits a column, in order, into runs no taller than `maxHeight` (each run holds one node at least). */
export function splitColumn<T extends { height: number }>(
  column: readonly T[],
  maxHeight: number,
  gap: number,
): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  let height = 0;
  for (const node of column) {
    const next = height + (run.length > 0 ? gap : 0) + node.height;
    if (run.length > 0 && next > maxHeight) {
      runs.push(run);
      run = [];
      height = 0;
    }
    height += (run.length > 0 ? gap : 0) + node.height;
    run.push(node);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * Positions (node centres) for the layers: each column as wide as its widest node, each node as
 * tall as it is drawn, columns centred on one line. Within a column nodes follow the average row
 * of their neighbours in the column before, so lines run across rather than criss-cross.
 */
export function layeredPositions(
  nodes: readonly Sized[],
  edges: readonly LayerEdge[],
  layers: ReadonlyMap<string, number>,
  spacing: Spacing = { columnGap: 36, rowGap: 14 },
): Map<string, { x: number; y: number }> {
  const columns = new Map<number, Sized[]>();
  for (const node of nodes) {
    const l = layers.get(node.id) ?? 0;
    columns.set(l, [...(columns.get(l) ?? []), node]);
  }
  const order = [...columns.keys()].sort((a, b) => a - b);
  const rowOf = new Map<string, number>();
  const neighbours = (id: string) =>
    edges
      .filter((e) => e.source === id || e.target === id)
      .map((e) => (e.source === id ? e.target : e.source));
  const positions = new Map<string, { x: number; y: number }>();
  let x = 0;
  for (const l of order) {
    const column = columns.get(l) ?? [];
    // Rows of the neighbours in the nearest column already placed: a holder follows the post it
    // holds, not a statement they made about something three columns back.
    const score = (node: Sized) => {
      const placed = neighbours(node.id).filter((id) => rowOf.has(id));
      const nearest = Math.max(...placed.map((id) => layers.get(id) ?? 0));
      const rows = placed
        .filter((id) => (layers.get(id) ?? 0) === nearest)
        .map((id) => rowOf.get(id) as number);
      return rows.length > 0 ? rows.reduce((a, b) => a + b, 0) / rows.length : Number.POSITIVE_INFINITY;
    };
    const sorted = [...column].sort((a, b) => score(a) - score(b) || a.id.localeCompare(b.id));
    sorted.forEach((node, row) => {
      rowOf.set(node.id, row - (sorted.length - 1) / 2);
    });
    for (const run of splitColumn(sorted, spacing.maxHeight ?? Number.POSITIVE_INFINITY, spacing.rowGap)) {
      const width = Math.max(...run.map((n) => n.width));
      const height = run.reduce((sum, n) => sum + n.height, 0) + spacing.rowGap * (run.length - 1);
      let y = -height / 2;
      for (const node of run) {
        positions.set(node.id, { x: x + width / 2, y: y + node.height / 2 });
        y += node.height + spacing.rowGap;
      }
      x += width + spacing.columnGap;
    }
  }
  return positions;
}

/**
 * The accountability layout's node centres (each box with its name) for a canvas `canvasHeight`
 * pixels tall: columns no taller than the canvas at the smallest readable zoom, so the whole fits
 * when it can, and narrow enough for five columns (inspection → … → holders) to fit a 13-inch
 * laptop's canvas. The canvas (layouts.ts) and the opening's picture (picture.ts) both use it.
 */
export function accountabilityPositions(
  nodes: readonly Sized[],
  edges: readonly LayerEdge[],
  canvasHeight: number,
): Map<string, { x: number; y: number }> {
  const maxHeight = (canvasHeight - 2 * PADDING) / READABLE_ZOOM;
  const layers = assignLayers(
    nodes.map((n) => n.id),
    edges,
  );
  return layeredPositions(nodes, edges, layers, {
    columnGap: 28,
    rowGap: 14,
    maxHeight: maxHeight > 100 ? maxHeight : Number.POSITIVE_INFINITY,
  });
}
