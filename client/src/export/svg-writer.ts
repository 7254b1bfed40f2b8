import { xmlEscape } from '../../../graph/export/xml.ts';
import { attr, num, type Point, shapeElement } from './svg-shapes.ts';

/**
 * Our own SVG writer for the canvas (in place of a GPL extension): pure and DOM-free. It takes a
 * description of what Cytoscape drew — nodes with their shape, paint and label, edges with their
 * rendered endpoints and curve — and writes an SVG whose labels are real `<text>`/`<tspan>`,
 * whose shapes are `<path>`/`<ellipse>`/`<rect>`, grouped as `<g id="edges">` under
 * `<g id="nodes">`, so it stays editable in Inkscape or Illustrator. Coordinates are Cytoscape's
 * model coordinates; the viewBox maps them to the image. The geometry (polygon points, corner
 * radii, label placement and wrapping, arrow sizes) follows Cytoscape 3's canvas renderer.
 */

export interface LabelFont {
  /** A CSS font-family list. */
  family: string;
  size: number;
  weight: string | number;
  style: string;
}

/** Width of a text in a font, in the same units as the font size (the canvas: ceil of measureText). */
export type TextMeasure = (text: string, font: LabelFont) => number;

export interface LabelBackground {
  color: string;
  opacity: number;
  padding: number;
  shape: 'rectangle' | 'round-rectangle';
}

export interface TextLabel {
  text: string;
  font: LabelFont;
  color: string;
  opacity: number;
  /** Wrap at this width (Cytoscape's `text-max-width` with `text-wrap: wrap`), or null for one line. */
  wrapWidth: number | null;
  /** A multiple of the font size. */
  lineHeight: number;
  marginX: number;
  marginY: number;
  background: LabelBackground | null;
}

export interface NodeLabel extends TextLabel {
  halign: 'left' | 'center' | 'right';
  valign: 'top' | 'center' | 'bottom';
}

export interface EdgeLabel extends TextLabel {
  /** Where the label is centred (the edge's midpoint) and its rotation in radians. */
  x: number;
  y: number;
  angle: number;
}

export interface Stroke {
  color: string;
  width: number;
  opacity: number;
  /** A dash pattern, or null for a solid line. */
  dash: number[] | null;
}

export interface SvgNode {
  id: string;
  /** Shown as the node's `<title>` (its full name), if given. */
  title?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** A Cytoscape node shape; one this writer does not know is drawn as a rectangle. */
  shape: string;
  fill: string;
  fillOpacity: number;
  border: Stroke | null;
  /** The element's effective opacity. */
  opacity: number;
  label: NodeLabel | null;
}

export interface SvgEdge {
  id: string;
  /** Cytoscape's rendered endpoints: where the line leaves the source and the arrow's tip. */
  source: Point;
  target: Point;
  /** Quadratic Bézier control points (Cytoscape's bezier, self-loops), chained as the canvas does. */
  controlPoints?: Point[];
  /** Corners of a polyline (segments, taxi). Ignored when there are control points. */
  segmentPoints?: Point[];
  line: Stroke;
  opacity: number;
  /** A filled triangle at the target, sized as Cytoscape sizes it for this width and scale. */
  arrow: { color: string; opacity: number; scale: number } | null;
  label: EdgeLabel | null;
}

export interface SvgDrawing {
  /** The part of the model drawn, in model coordinates. */
  box: { x: number; y: number; width: number; height: number };
  /** The drawing's size in CSS pixels before `scale`. */
  width: number;
  height: number;
  scale: number;
  /** A CSS colour, or null for transparent. */
  background: string | null;
  nodes: SvgNode[];
  edges: SvgEdge[];
}

/** A rough width for tests and for SVG made without a browser: average glyph widths of a sans-serif. */
export const estimateTextWidth: TextMeasure = (text, font) =>
  Math.ceil(text.length * font.size * (Number(font.weight) >= 600 ? 0.58 : 0.53));

/** The canvas draws labels on the em box's bottom; SVG on the baseline, about this far above it. */
const DESCENT = 0.21;

/**
 * Lines as Cytoscape wraps them: each "\n" line, then word by word while it fits in `width`. As on
 * the canvas, a wrapped line keeps its trailing separator (it counts in the width) and a word
 * longer than the line is not cut.
 */
export function wrapLabel(
  text: string,
  width: number | null,
  font: LabelFont,
  measure: TextMeasure,
): string[] {
  if (width === null) return [text.replace(/\n/g, ' ')];
  const wrapped: string[] = [];
  for (const line of text.split('\n')) {
    if (measure(line, font) <= width) {
      wrapped.push(line);
      continue;
    }
    let current = '';
    let from = 0;
    for (const match of line.matchAll(/[\s\u200b]+|$/g)) {
      const separator = match[0];
      const word = line.slice(from, match.index);
      from = match.index + separator.length;
      const candidate = current.length === 0 ? word : current + word + separator;
      if (measure(candidate, font) <= width) current += word + separator;
      else {
        if (current) wrapped.push(current);
        current = word + separator;
      }
    }
    if (!/^[\s\u200b]*$/.test(current)) wrapped.push(current);
  }
  return wrapped;
}

export interface LaidOutLabel {
  lines: string[];
  /** The text block's width and height, as the canvas measures them for the background. */
  width: number;
  height: number;
}

/** A label's lines and its text block's size, as the canvas measures them. */
export function layoutLabel(
  label: Pick<TextLabel, 'text' | 'wrapWidth' | 'font' | 'lineHeight'>,
  measure: TextMeasure,
): LaidOutLabel {
  const lines = wrapLabel(label.text, label.wrapWidth, label.font, measure);
  const width = Math.max(0, ...lines.map((line) => measure(line, label.font)));
  const size = label.font.size;
  return { lines, width, height: size + (lines.length - 1) * label.lineHeight * size };
}

/**
 * A label with its text block's bottom at `bottom`, aligned on `x` ('middle': centred; 'end': its
 * right edge; 'start': its left edge), optionally on a background box.
 */
function labelSvg(
  label: TextLabel,
  laid: LaidOutLabel,
  x: number,
  bottom: number,
  anchor: 'start' | 'middle' | 'end',
  transform = '',
): string {
  const { font } = label;
  const parts: string[] = [`<g class="label"${transform ? attr('transform', transform) : ''}>`];
  if (label.background && label.background.opacity > 0) {
    const pad = label.background.padding;
    const left = anchor === 'middle' ? x - laid.width / 2 : anchor === 'end' ? x - laid.width : x;
    const rounded = label.background.shape === 'round-rectangle' ? `${attr('rx', 2)}${attr('ry', 2)}` : '';
    parts.push(
      `<rect${attr('x', left - pad)}${attr('y', bottom - laid.height - pad)}${attr('width', laid.width + 2 * pad)}${attr('height', laid.height + 2 * pad)}${rounded}${attr('fill', label.background.color)}${label.background.opacity < 1 ? attr('fill-opacity', label.background.opacity) : ''}/>`,
    );
  }
  const lineStep = label.lineHeight * font.size;
  const spans = laid.lines.map((line, i) => {
    const baseline = bottom - (laid.lines.length - 1 - i) * lineStep - DESCENT * font.size;
    return `<tspan${attr('x', x)}${attr('y', baseline)}>${xmlEscape(line.replace(/[\s\u200b]+$/, ''))}</tspan>`;
  });
  parts.push(
    `<text${attr('font-family', font.family)}${attr('font-size', font.size)}${attr('font-weight', String(font.weight))}${font.style && font.style !== 'normal' ? attr('font-style', font.style) : ''}${attr('text-anchor', anchor)}${attr('fill', label.color)}${label.opacity < 1 ? attr('fill-opacity', label.opacity) : ''}>${spans.join('')}</text>`,
  );
  parts.push('</g>');
  return parts.join('');
}

function nodeLabelSvg(node: SvgNode, label: NodeLabel, measure: TextMeasure): string {
  const laid = layoutLabel(label, measure);
  const x =
    (label.halign === 'left'
      ? node.x - node.width / 2
      : label.halign === 'right'
        ? node.x + node.width / 2
        : node.x) + label.marginX;
  const y =
    (label.valign === 'top'
      ? node.y - node.height / 2
      : label.valign === 'bottom'
        ? node.y + node.height / 2
        : node.y) + label.marginY;
  const bottom = y + (label.valign === 'top' ? 0 : label.valign === 'center' ? laid.height / 2 : laid.height);
  const anchor = label.halign === 'left' ? 'end' : label.halign === 'right' ? 'start' : 'middle';
  return labelSvg(label, laid, x, bottom, anchor);
}

function edgeLabelSvg(label: EdgeLabel, measure: TextMeasure): string {
  const laid = layoutLabel(label, measure);
  const x = label.x + label.marginX;
  const y = label.y + label.marginY;
  if (label.angle === 0) return labelSvg(label, laid, x, y + laid.height / 2, 'middle');
  const degrees = (label.angle * 180) / Math.PI;
  return labelSvg(
    label,
    laid,
    0,
    laid.height / 2,
    'middle',
    `translate(${num(x)},${num(y)}) rotate(${num(degrees)})`,
  );
}

function strokeAttrs(stroke: Stroke): string {
  let out = `${attr('stroke', stroke.color)}${attr('stroke-width', stroke.width)}`;
  if (stroke.opacity < 1) out += attr('stroke-opacity', stroke.opacity);
  if (stroke.dash && stroke.dash.length > 0) out += attr('stroke-dasharray', stroke.dash.map(num).join(' '));
  return out;
}

function groupOpen(kind: 'node' | 'edge', id: string, opacity: number): string {
  return `<g${attr('class', kind)}${attr('data-id', id)}${opacity < 1 ? attr('opacity', opacity) : ''}>`;
}

function nodeSvg(node: SvgNode, measure: TextMeasure): string {
  const parts = [groupOpen('node', node.id, node.opacity)];
  if (node.title) parts.push(`<title>${xmlEscape(node.title)}</title>`);
  const fill = `${attr('fill', node.fill)}${node.fillOpacity < 1 ? attr('fill-opacity', node.fillOpacity) : ''}`;
  const border = node.border && node.border.width > 0 ? strokeAttrs(node.border) : '';
  parts.push(`${shapeElement(node.shape, node.x, node.y, node.width, node.height)}${fill}${border}/>`);
  if (node.label?.text) parts.push(nodeLabelSvg(node, node.label, measure));
  parts.push('</g>');
  return parts.join('');
}

/** An autorotated label's angle, as Cytoscape gives it: along the chord, never upside down. */
export function chordAngle(from: Point, to: Point): number {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (dx === 0) return dy === 0 ? 0 : Math.PI / 2;
  return Math.atan(dy / dx);
}

/** Cytoscape's arrow size for an edge width and `arrow-scale`; a triangle is 0.3 of it long and wide. */
export function arrowSize(width: number, scale: number): number {
  return Math.max((width * 13.37) ** 0.9, 29) * scale;
}

function edgeSvg(edge: SvgEdge, measure: TextMeasure): string {
  const controls = edge.controlPoints ?? [];
  const corners = controls.length > 0 ? [] : (edge.segmentPoints ?? []);
  // The direction into the target: from the last control point or corner, else from the source.
  const from = controls.at(-1) ?? corners.at(-1) ?? edge.source;
  const dx = edge.target.x - from.x;
  const dy = edge.target.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  // The line stops short of the arrow's tip, under the arrowhead, as on the canvas.
  const gap = edge.arrow ? Math.min(edge.line.width * edge.arrow.scale * 2, length) : 0;
  const end = { x: edge.target.x - ux * gap, y: edge.target.y - uy * gap };

  let d = `M${num(edge.source.x)},${num(edge.source.y)}`;
  if (controls.length > 0) {
    controls.forEach((c, i) => {
      const next = controls[i + 1];
      const to = next ? { x: (c.x + next.x) / 2, y: (c.y + next.y) / 2 } : end;
      d += ` Q${num(c.x)},${num(c.y)} ${num(to.x)},${num(to.y)}`;
    });
  } else {
    for (const c of corners) d += ` L${num(c.x)},${num(c.y)}`;
    d += ` L${num(end.x)},${num(end.y)}`;
  }

  const parts = [groupOpen('edge', edge.id, edge.opacity)];
  parts.push(`<path${attr('d', d)} fill="none"${strokeAttrs(edge.line)}/>`);
  if (edge.arrow) {
    const size = arrowSize(edge.line.width, edge.arrow.scale);
    const back = 0.3 * size;
    const half = 0.15 * size;
    const bx = edge.target.x - ux * back;
    const by = edge.target.y - uy * back;
    const tip = `${num(edge.target.x)},${num(edge.target.y)}`;
    const left = `${num(bx - uy * half)},${num(by + ux * half)}`;
    const right = `${num(bx + uy * half)},${num(by - ux * half)}`;
    parts.push(
      `<path${attr('class', 'arrow')}${attr('d', `M${tip} L${left} L${right} Z`)}${attr('fill', edge.arrow.color)}${edge.arrow.opacity < 1 ? attr('fill-opacity', edge.arrow.opacity) : ''}/>`,
    );
  }
  if (edge.label?.text) parts.push(edgeLabelSvg(edge.label, measure));
  parts.push('</g>');
  return parts.join('');
}

/** The drawing as one `<svg>` element, to put in a page. */
export function svgElementMarkup(drawing: SvgDrawing, measure: TextMeasure = estimateTextWidth): string {
  const { box } = drawing;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1"${attr('width', drawing.width * drawing.scale)}${attr('height', drawing.height * drawing.scale)}${attr('viewBox', [box.x, box.y, box.width, box.height].map(num).join(' '))}>\n`,
  ];
  if (drawing.background)
    out.push(
      `<rect id="background"${attr('x', box.x)}${attr('y', box.y)}${attr('width', box.width)}${attr('height', box.height)}${attr('fill', drawing.background)}/>\n`,
    );
  out.push('<g id="edges">\n');
  for (const edge of drawing.edges) out.push(`${edgeSvg(edge, measure)}\n`);
  out.push('</g>\n<g id="nodes">\n');
  for (const node of drawing.nodes) out.push(`${nodeSvg(node, measure)}\n`);
  out.push('</g>\n</svg>\n');
  return out.join('');
}

/** The drawing as a standalone SVG document (with its XML declaration). */
export function drawingToSvg(drawing: SvgDrawing, measure: TextMeasure = estimateTextWidth): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svgElementMarkup(drawing, measure)}`;
}
