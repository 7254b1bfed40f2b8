import type { ElementEdge, ElementNode, Elements } from '../../../graph/contract/api.ts';
import { miterCorners } from '../export/svg-shapes.ts';
import {
  chordAngle,
  layoutLabel,
  type SvgDrawing,
  type SvgEdge,
  type SvgNode,
  type TextMeasure,
} from '../export/svg-writer.ts';
import type { Selection } from '../state/link-state.ts';
import { edgeLabel, nodeCaption } from './definitions.ts';
import { accountabilityPositions } from './layers.ts';
import { EDGE_LABEL, edgeLook, NODE_LABEL, type NodeLook, nodeLook } from './style.ts';
import { type Box, readableViewport, type Size, type Viewport } from './viewport.ts';

/**
 * The opening's picture, worked out without Cytoscape: the same elements in the same accountability
 * columns, fitted the same way, drawn by the SVG writer. Each node's box with its name follows
 * Cytoscape's own rules (its outer size with the border, the name's lines measured on a canvas and
 * wrapped as Cytoscape wraps them, the margin and background padding, two pixels of slack), so the
 * columns, rows and viewport come out where Cytoscape will put them. Pure: the text measure is given.
 */

export interface PictureOptions {
  size: Size;
  selected: Selection | null;
  /** Nodes drawn as expanded (a darker border). */
  expanded: readonly string[];
  /** Text widths as the canvas gives them, rounded up (Cytoscape's own rounding). */
  measure: TextMeasure;
}

export interface Picture {
  drawing: SvgDrawing;
  viewport: Viewport;
  /** Node centres in model coordinates. */
  positions: Map<string, { x: number; y: number }>;
}

/** Cytoscape widens every label's box by this much on each side, for the browser's rounding. */
const LABEL_SLACK = 2;
/** And a node's shape by this much, for antialiasing. */
const BODY_SLACK = 1;
/** Above this many relationships, a selected node's are named only on hover (as cy.ts). */
const MAX_NAMED_EDGES = 12;

interface Placed {
  node: ElementNode;
  look: NodeLook;
  caption: string;
  /** The box with the name around the node's centre. */
  box: Box;
}

function nodeState(
  node: ElementNode,
  selected: Selection | null,
  expanded: ReadonlySet<string>,
  final: boolean,
) {
  return {
    label: node.data.label,
    disputed: (node.data.disputed?.length ?? 0) > 0,
    // The layout runs before the canvas marks expansions and the selection: they do not size it.
    expanded: final && expanded.has(node.data.id),
    selected: final && selected?.kind === 'node' && selected.id === node.data.id,
  };
}

/**
 * The node's box with its name, relative to its centre, as Cytoscape's boundingBox gives it: the
 * shape with its border (a polygon's border to its mitred corners), a pixel more on each side for
 * antialiasing, and the name's box below it.
 */
function boxAround(look: NodeLook, caption: string, measure: TextMeasure): Box {
  const halfW = (look.width + look.border.width) / 2;
  const halfH = (look.height + look.border.width) / 2;
  const corners = miterCorners(look.shape, look.width, look.height, look.border.width) ?? [];
  const box = {
    x1: Math.min(-halfW, ...corners.map((c) => c.x)) - BODY_SLACK,
    y1: Math.min(-halfH, ...corners.map((c) => c.y)) - BODY_SLACK,
    x2: Math.max(halfW, ...corners.map((c) => c.x)) + BODY_SLACK,
    y2: Math.max(halfH, ...corners.map((c) => c.y)) + BODY_SLACK,
  };
  if (!caption) return box;
  const text = layoutLabel(
    { text: caption, font: look.font, wrapWidth: NODE_LABEL.wrapWidth, lineHeight: NODE_LABEL.lineHeight },
    measure,
  );
  const pad = NODE_LABEL.background.padding + LABEL_SLACK;
  const top = look.height / 2 + NODE_LABEL.marginY;
  return {
    x1: Math.min(box.x1, -text.width / 2 - pad),
    x2: Math.max(box.x2, text.width / 2 + pad),
    y1: Math.min(box.y1, top - pad),
    y2: Math.max(box.y2, top + text.height + pad),
  };
}

function union(boxes: readonly Box[]): Box {
  return {
    x1: Math.min(...boxes.map((b) => b.x1)),
    y1: Math.min(...boxes.map((b) => b.y1)),
    x2: Math.max(...boxes.map((b) => b.x2)),
    y2: Math.max(...boxes.map((b) => b.y2)),
  };
}

/** Where a line from `from` to the centre of a node leaves the node's outline (its box, or its circle). */
function rim(centre: { x: number; y: number }, from: { x: number; y: number }, look: NodeLook) {
  const dx = from.x - centre.x;
  const dy = from.y - centre.y;
  const length = Math.hypot(dx, dy) || 1;
  const halfW = (look.width + look.border.width) / 2;
  const halfH = (look.height + look.border.width) / 2;
  const t =
    look.shape === 'ellipse'
      ? 1 / Math.hypot(dx / halfW, dy / halfH)
      : Math.min(Math.abs(halfW / (dx || 1e-9)), Math.abs(halfH / (dy || 1e-9)));
  const reach = Math.min(t, 1) * length;
  return { x: centre.x + (dx / length) * reach, y: centre.y + (dy / length) * reach };
}

function svgNode(placed: Placed, at: { x: number; y: number }, look: NodeLook): SvgNode {
  return {
    id: placed.node.data.id,
    title: placed.node.data.name,
    x: at.x,
    y: at.y,
    width: look.width,
    height: look.height,
    shape: look.shape,
    fill: look.fill,
    fillOpacity: 1,
    border: { ...look.border, opacity: 1 },
    opacity: 1,
    label: placed.caption
      ? {
          text: placed.caption,
          font: look.font,
          color: look.color,
          opacity: 1,
          wrapWidth: NODE_LABEL.wrapWidth,
          lineHeight: NODE_LABEL.lineHeight,
          marginX: 0,
          marginY: NODE_LABEL.marginY,
          background: { ...NODE_LABEL.background, shape: 'round-rectangle' },
          halign: 'center',
          valign: 'bottom',
        }
      : null,
  };
}

function svgEdge(
  edge: ElementEdge,
  ends: { source: { x: number; y: number }; target: { x: number; y: number } },
  looks: { source: NodeLook; target: NodeLook },
  named: boolean,
): SvgEdge {
  const look = edgeLook(edge.data);
  const source = rim(ends.source, ends.target, looks.source);
  const target = rim(ends.target, ends.source, looks.target);
  return {
    id: edge.data.id,
    source,
    target,
    line: { color: look.color, width: look.width, opacity: 1, dash: look.dash },
    opacity: look.opacity,
    arrow: { color: look.color, opacity: 1, scale: look.arrowScale },
    label: named
      ? {
          text: edgeLabel(edge),
          font: EDGE_LABEL.font,
          color: EDGE_LABEL.color,
          opacity: 1,
          wrapWidth: null,
          lineHeight: 1,
          marginX: 0,
          marginY: EDGE_LABEL.marginY,
          background: { ...EDGE_LABEL.background, shape: 'rectangle' },
          x: (source.x + target.x) / 2,
          y: (source.y + target.y) / 2,
          angle: chordAngle(source, target),
        }
      : null,
  };
}

/** The picture of `elements` in accountability columns, fitted to a canvas of `options.size`. */
export function pictureOf(elements: Elements, options: PictureOptions): Picture | null {
  const { size, selected, measure } = options;
  const expanded = new Set(options.expanded);
  if (elements.nodes.length === 0 || size.width <= 0 || size.height <= 0) return null;
  const placed: Placed[] = elements.nodes.map((node) => {
    const look = nodeLook(nodeState(node, selected, expanded, false));
    const caption = nodeCaption(node);
    return { node, look, caption, box: boxAround(look, caption, measure) };
  });
  const present = new Set(placed.map((p) => p.node.data.id));
  const edges = elements.edges.filter((e) => present.has(e.data.source) && present.has(e.data.target));
  const layerEdges = edges.map((e) => ({ source: e.data.source, target: e.data.target, type: e.data.type }));
  const centres = accountabilityPositions(
    placed.map((p) => ({ id: p.node.data.id, width: p.box.x2 - p.box.x1, height: p.box.y2 - p.box.y1 })),
    layerEdges,
    size.height,
  );
  // The layout places each box with its name; the node's own centre sits above the name.
  const positions = new Map<string, { x: number; y: number }>();
  for (const p of placed) {
    const at = centres.get(p.node.data.id) ?? { x: 0, y: 0 };
    positions.set(p.node.data.id, { x: at.x, y: at.y - (p.box.y1 + p.box.y2) / 2 });
  }
  const at = (id: string) => positions.get(id) ?? { x: 0, y: 0 };
  const all = union(
    placed.map((p) => {
      const c = at(p.node.data.id);
      return { x1: c.x + p.box.x1, y1: c.y + p.box.y1, x2: c.x + p.box.x2, y2: c.y + p.box.y2 };
    }),
  );
  const viewport = readableViewport([all], size);
  if (!viewport) return null;

  // Drawn as the canvas shows them once marked and selected.
  const looks = new Map(
    placed.map((p) => [p.node.data.id, nodeLook(nodeState(p.node, selected, expanded, true))] as const),
  );
  const lookOf = (id: string) =>
    looks.get(id) ?? nodeLook({ label: '', disputed: false, expanded: false, selected: false });
  const nearSelected =
    selected?.kind === 'node'
      ? edges.filter((e) => e.data.source === selected.id || e.data.target === selected.id)
      : [];
  const named = new Set(
    selected?.kind === 'edge'
      ? [selected.id]
      : nearSelected.length <= MAX_NAMED_EDGES
        ? nearSelected.map((e) => e.data.id)
        : [],
  );
  const { zoom, pan } = viewport;
  return {
    viewport,
    positions,
    drawing: {
      box: { x: -pan.x / zoom, y: -pan.y / zoom, width: size.width / zoom, height: size.height / zoom },
      width: size.width,
      height: size.height,
      scale: 1,
      background: null,
      edges: edges.map((e) =>
        svgEdge(
          e,
          { source: at(e.data.source), target: at(e.data.target) },
          { source: lookOf(e.data.source), target: lookOf(e.data.target) },
          named.has(e.data.id),
        ),
      ),
      nodes: placed.map((p) => svgNode(p, at(p.node.data.id), lookOf(p.node.data.id))),
    },
  };
}
