import type { Core, EdgeSingular, NodeSingular, SingularElementArgument } from 'cytoscape';
import type {
  EdgeLabel,
  LabelBackground,
  LabelFont,
  NodeLabel,
  Stroke,
  SvgDrawing,
  SvgEdge,
  SvgNode,
  TextLabel,
  TextMeasure,
} from '../export/svg-writer.ts';
import { chordAngle } from '../export/svg-writer.ts';
import type { Size } from './viewport.ts';

/**
 * Reading what Cytoscape drew (colours, shapes, fonts, dashes, label placement, z-order) into the
 * SVG writer's drawing, so the SVG export looks like the canvas. Used by cy-export.ts only.
 */

export interface DrawOptions {
  /** The whole graph (true) or only what is in the window (false). */
  full: boolean;
  /** Output pixels per CSS pixel of the drawing, whatever the screen's own pixel ratio. */
  scale: number;
  /** A CSS colour, or null for transparent. */
  background: string | null;
}

type Element = SingularElementArgument;

function hex(value: unknown): string {
  if (!Array.isArray(value)) return '#000000';
  return `#${value
    .slice(0, 3)
    .map((c) => Math.round(Number(c)).toString(16).padStart(2, '0'))
    .join('')}`;
}

const number = (ele: Element, name: string): number => {
  const value = Number(ele.numericStyle(name));
  return Number.isFinite(value) ? value : 0;
};

function dashOf(ele: Element, style: string, pattern: string): number[] | null {
  const kind = ele.style(style) as string;
  if (kind === 'dotted') return [1, 1];
  if (kind !== 'dashed') return null;
  const value = ele.numericStyle(pattern) as unknown;
  return Array.isArray(value) ? value.map(Number) : [6, 3];
}

function fontOf(ele: Element): LabelFont {
  return {
    family: ele.style('font-family') as string,
    size: number(ele, 'font-size'),
    weight: ele.style('font-weight') as string,
    style: ele.style('font-style') as string,
  };
}

function textOf(ele: Element, text: string): TextLabel {
  const backgroundOpacity = number(ele, 'text-background-opacity');
  const shape = ele.style('text-background-shape') as string;
  const background: LabelBackground | null =
    backgroundOpacity > 0
      ? {
          color: hex(ele.numericStyle('text-background-color')),
          opacity: backgroundOpacity,
          padding: number(ele, 'text-background-padding'),
          shape: shape === 'roundrectangle' || shape === 'round-rectangle' ? 'round-rectangle' : 'rectangle',
        }
      : null;
  return {
    text,
    font: fontOf(ele),
    color: hex(ele.numericStyle('color')),
    opacity: number(ele, 'text-opacity'),
    wrapWidth: ele.style('text-wrap') === 'wrap' ? number(ele, 'text-max-width') : null,
    lineHeight: number(ele, 'line-height') || 1,
    marginX: number(ele, 'text-margin-x'),
    marginY: number(ele, 'text-margin-y'),
    background,
  };
}

function nodeOf(node: NodeSingular): SvgNode {
  const text = (node.style('label') as string | undefined) ?? '';
  const halign = node.style('text-halign') as string;
  const valign = node.style('text-valign') as string;
  const label: NodeLabel | null = text
    ? {
        ...textOf(node, text),
        halign: halign === 'left' || halign === 'right' ? halign : 'center',
        valign: valign === 'top' || valign === 'bottom' ? valign : 'center',
      }
    : null;
  const borderWidth = number(node, 'border-width');
  const border: Stroke | null =
    borderWidth > 0
      ? {
          color: hex(node.numericStyle('border-color')),
          width: borderWidth,
          opacity: number(node, 'border-opacity'),
          dash: dashOf(node, 'border-style', 'border-dash-pattern'),
        }
      : null;
  const position = node.position();
  const name = node.data('name');
  return {
    id: node.id(),
    ...(typeof name === 'string' ? { title: name } : {}),
    x: position.x,
    y: position.y,
    width: node.width(),
    height: node.height(),
    shape: node.style('shape') as string,
    fill: hex(node.numericStyle('background-color')),
    fillOpacity: number(node, 'background-opacity'),
    border,
    opacity: node.effectiveOpacity(),
    label,
  };
}

/** Whether the canvas shows this element's label at the current zoom (Cytoscape's own test). */
function labelShown(ele: Element, zoom: number): boolean {
  const level = 2 ** Math.ceil(Math.log2(zoom * (globalThis.devicePixelRatio || 1)));
  return number(ele, 'font-size') * level >= number(ele, 'min-zoomed-font-size');
}

function edgeOf(edge: EdgeSingular, zoom: number): SvgEdge {
  const source = edge.sourceEndpoint();
  const target = edge.targetEndpoint();
  const text = (edge.style('label') as string | undefined) ?? '';
  let label: EdgeLabel | null = null;
  if (text && labelShown(edge, zoom)) {
    const rotation = edge.style('text-rotation') as string;
    const mid = edge.midpoint();
    label = {
      ...textOf(edge, text),
      x: mid.x,
      y: mid.y,
      angle: rotation === 'autorotate' ? chordAngle(source, target) : number(edge, 'text-rotation'),
    };
  }
  const arrowShape = edge.style('target-arrow-shape') as string;
  return {
    id: edge.id(),
    source: { x: source.x, y: source.y },
    target: { x: target.x, y: target.y },
    ...(edge.style('curve-style') === 'haystack'
      ? {}
      : {
          controlPoints: (edge.controlPoints() ?? []).map((p) => ({ x: p.x, y: p.y })),
          segmentPoints: (edge.segmentPoints() ?? []).map((p) => ({ x: p.x, y: p.y })),
        }),
    line: {
      color: hex(edge.numericStyle('line-color')),
      width: number(edge, 'width'),
      opacity: number(edge, 'line-opacity'),
      dash: dashOf(edge, 'line-style', 'line-dash-pattern'),
    },
    opacity: edge.effectiveOpacity(),
    arrow:
      arrowShape && arrowShape !== 'none'
        ? {
            color: hex(edge.numericStyle('target-arrow-color')),
            opacity: number(edge, 'line-opacity'),
            scale: number(edge, 'arrow-scale') || 1,
          }
        : null,
    label,
  };
}

/** Label widths as the canvas measures them: the same font string, rounded up like Cytoscape. */
export function canvasMeasure(): TextMeasure {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return (text, font) => Math.ceil(text.length * font.size * 0.55);
  return (text, font) => {
    context.font = `${font.style} ${font.weight} ${font.size}px ${font.family}`;
    return Math.ceil(context.measureText(text).width);
  };
}

const byZIndex = <T extends Element>(elements: T[]): T[] =>
  elements
    .map((ele, i) => ({ ele, i, z: number(ele, 'z-index') }))
    .sort((a, b) => a.z - b.z || a.i - b.i)
    .map(({ ele }) => ele);

/**
 * What the SVG writer needs, read from the canvas: the window's extent (or the graph's bounds)
 * and the elements drawn in it, nodes with their names whatever the zoom, relationship names
 * only where the canvas shows them at this zoom.
 */
export function readDrawing(cy: Core, options: DrawOptions, size: Size): SvgDrawing {
  const extent = options.full ? cy.elements().boundingBox({}) : cy.extent();
  const box = options.full
    ? { x: extent.x1, y: extent.y1, width: size.width, height: size.height }
    : { x: extent.x1, y: extent.y1, width: extent.w, height: extent.h };
  const inView = (ele: Element) => {
    if (!ele.visible() || ele.effectiveOpacity() === 0) return false;
    if (options.full) return true;
    const b = ele.boundingBox({});
    return b.x2 >= extent.x1 && b.x1 <= extent.x2 && b.y2 >= extent.y1 && b.y1 <= extent.y2;
  };
  const zoom = cy.zoom();
  return {
    box,
    width: size.width,
    height: size.height,
    scale: options.scale,
    background: options.background,
    nodes: byZIndex(cy.nodes().filter(inView).toArray() as NodeSingular[]).map(nodeOf),
    edges: byZIndex(cy.edges().filter(inView).toArray() as EdgeSingular[]).map((e) => edgeOf(e, zoom)),
  };
}
