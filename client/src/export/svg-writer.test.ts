import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { shapeElement } from './svg-shapes.ts';
import {
  arrowSize,
  drawingToSvg,
  estimateTextWidth,
  type LabelFont,
  type NodeLabel,
  type SvgDrawing,
  type SvgEdge,
  type SvgNode,
  wrapLabel,
} from './svg-writer.ts';

const FONT: LabelFont = { family: '"Inter", "Segoe UI", sans-serif', size: 13, weight: 500, style: 'normal' };

function label(text: string): NodeLabel {
  return {
    text,
    font: FONT,
    color: '#0f172a',
    opacity: 1,
    wrapWidth: 140,
    lineHeight: 1.15,
    marginX: 0,
    marginY: 4,
    background: { color: '#ffffff', opacity: 0.85, padding: 2, shape: 'round-rectangle' },
    halign: 'center',
    valign: 'bottom',
  };
}

function node(id: string, shape: string, x: number, text: string): SvgNode {
  return {
    id,
    title: text,
    x,
    y: 50,
    width: 30,
    height: 30,
    shape,
    fill: '#2563eb',
    fillOpacity: 1,
    border: { color: '#ffffff', width: 2, opacity: 1, dash: null },
    opacity: 1,
    label: label(text),
  };
}

function edge(id: string, dash: number[] | null): SvgEdge {
  return {
    id,
    source: { x: 15, y: 50 },
    target: { x: 185, y: 50 },
    line: { color: '#2563eb', width: 3, opacity: 1, dash },
    opacity: 1,
    arrow: { color: '#2563eb', opacity: 1, scale: 0.9 },
    label: {
      ...label('holds'),
      wrapWidth: null,
      x: 100,
      y: 50,
      angle: 0,
      marginY: -7,
    },
  };
}

function drawing(overrides: Partial<SvgDrawing> = {}): SvgDrawing {
  return {
    box: { x: -20, y: 0, width: 440, height: 160 },
    width: 440,
    height: 160,
    scale: 2,
    background: '#ffffff',
    nodes: [
      node('person:a', 'ellipse', 0, 'Jane Doe'),
      node('org:b', 'round-rectangle', 200, 'Bury Council'),
      node('finding:c', 'round-triangle', 400, 'A finding about <plans> & "needs" that the council\'s board'),
    ],
    edges: [edge('e1', null), edge('e2', [7, 4])],
    ...overrides,
  };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['g', 'tspan', 'path', 'rect', 'text'].includes(name),
});

type Tree = Record<string, unknown>;

/** Every element called `name` in the parsed tree. */
function all(tree: unknown, name: string): Tree[] {
  const found: Tree[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        if (k === name) for (const item of Array.isArray(v) ? v : [v]) found.push(item as Tree);
        walk(v);
      }
  };
  walk(tree);
  return found;
}

const spanText = (span: Tree) => String(span['#text'] ?? '');

/** The text of each `<text>`: its tspans joined by a space, as a reader sees the lines. */
function texts(svg: string): string[] {
  return all(parser.parse(svg), 'text').map((t) => all(t, 'tspan').map(spanText).join(' '));
}

describe('SVG writer', () => {
  it('writes well-formed XML with groups for edges and nodes, at the scale asked for', () => {
    const svg = drawingToSvg(drawing());
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = parser.parse(svg);
    const root = doc.svg as Tree;
    expect(root['@width']).toBe('880');
    expect(root['@height']).toBe('320');
    expect(root['@viewBox']).toBe('-20 0 440 160');
    const groups = (root.g as Tree[]).map((g) => g['@id']);
    expect(groups).toEqual(['edges', 'nodes']);
    const nodes = all(doc, 'g').filter((g) => g['@class'] === 'node');
    expect(nodes.map((g) => g['@data-id'])).toEqual(['person:a', 'org:b', 'finding:c']);
  });

  it('writes each node name as text, escaping <&>"\'', () => {
    const svg = drawingToSvg(drawing());
    expect(svg).toContain('&lt;plans&gt; &amp; &quot;needs&quot;');
    expect(svg).toContain('council&apos;s');
    expect(svg).not.toMatch(/<plans>/);
    const shown = texts(svg);
    expect(shown).toContain('Jane Doe');
    expect(shown).toContain('Bury Council');
    expect(shown).toContain('A finding about <plans> & "needs" that the council\'s board');
    expect(shown).toContain('holds');
  });

  it('wraps a long name into several tspans no wider than the wrap width, stacked downwards', () => {
    const svg = drawingToSvg(drawing());
    const text = all(parser.parse(svg), 'text').find((t) => all(t, 'tspan').length > 1);
    const spans = all(text, 'tspan');
    expect(spans.length).toBeGreaterThanOrEqual(3);
    for (const span of spans) expect(estimateTextWidth(spanText(span), FONT)).toBeLessThanOrEqual(140);
    const ys = spans.map((s) => Number(s['@y']));
    for (let i = 1; i < ys.length; i++) expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeCloseTo(13 * 1.15, 1);
    // The first line starts below the node (centre 50, half height 15, margin 4).
    expect(ys[0]).toBeGreaterThan(69);
  });

  it('wraps as Cytoscape does: word by word, keeping a word longer than the line whole', () => {
    const measure = (text: string) => text.length * 10;
    expect(wrapLabel('aaa bbb ccc', 75, FONT, measure)).toEqual(['aaa ', 'bbb ccc']);
    expect(wrapLabel('short', 75, FONT, measure)).toEqual(['short']);
    expect(wrapLabel('x verylongwordhere y', 75, FONT, measure)).toEqual(['x ', 'verylongwordhere ', 'y']);
    expect(wrapLabel('one\ntwo', 75, FONT, measure)).toEqual(['one', 'two']);
    expect(wrapLabel('one\ntwo', null, FONT, measure)).toEqual(['one two']);
  });

  it('dashes a dashed edge and not a solid one, and puts an arrow at the target', () => {
    const svg = drawingToSvg(drawing());
    const edges = all(parser.parse(svg), 'g').filter((g) => g['@class'] === 'edge');
    expect(edges).toHaveLength(2);
    const line = (g: Tree) => (g.path as Tree[]).find((p) => p['@class'] !== 'arrow') as Tree;
    expect(line(edges[0] as Tree)['@stroke-dasharray']).toBeUndefined();
    expect(line(edges[1] as Tree)['@stroke-dasharray']).toBe('7 4');
    const arrow = ((edges[0] as Tree).path as Tree[]).find((p) => p['@class'] === 'arrow');
    expect(arrow?.['@d']).toMatch(/^M185,50 /);
    expect(arrow?.['@fill']).toBe('#2563eb');
    // The line stops under the arrowhead, short of the tip.
    expect(line(edges[0] as Tree)['@d']).toBe('M15,50 L179.6,50');
    expect(arrowSize(1.5, 0.9)).toBeCloseTo(26.1, 1);
  });

  it('draws a bezier edge through its control points', () => {
    const curved = { ...edge('e3', null), controlPoints: [{ x: 100, y: 0 }] };
    const svg = drawingToSvg(drawing({ edges: [curved] }));
    expect(svg).toMatch(/d="M15,50 Q100,0 18\d(\.\d+)?,\d+(\.\d+)?"/);
  });

  it('paints a white background, or none when transparent', () => {
    const white = parser.parse(drawingToSvg(drawing()));
    const background = all(white, 'rect').find((r) => r['@id'] === 'background');
    expect(background?.['@fill']).toBe('#ffffff');
    expect(background?.['@width']).toBe('440');
    const transparent = drawingToSvg(drawing({ background: null }));
    expect(XMLValidator.validate(transparent)).toBe(true);
    expect(all(parser.parse(transparent), 'rect').find((r) => r['@id'] === 'background')).toBeUndefined();
  });

  it("draws the style's shapes as ellipse, rect and paths", () => {
    expect(shapeElement('ellipse', 0, 0, 30, 20)).toBe('<ellipse cx="0" cy="0" rx="15" ry="10"');
    expect(shapeElement('rectangle', 0, 0, 22, 26)).toBe('<rect x="-11" y="-13" width="22" height="26"');
    expect(shapeElement('round-rectangle', 0, 0, 30, 30)).toContain('rx="7.5"');
    expect(shapeElement('diamond', 0, 0, 30, 30)).toBe('<path d="M0,15 L15,0 L0,-15 L-15,0 Z"');
    expect(shapeElement('tag', 0, 0, 30, 30)).toBe('<path d="M-15,-15 L3.75,-15 L15,0 L3.75,15 L-15,15 Z"');
    const hexagon = shapeElement('hexagon', 0, 0, 30, 30);
    expect(hexagon.match(/[ML]/g)).toHaveLength(6);
    for (const round of ['round-pentagon', 'round-triangle']) {
      const d = shapeElement(round, 0, 0, 30, 30);
      expect(d).toMatch(/^<path d="M/);
      // Cytoscape's polygons run anticlockwise on screen, so every convex corner sweeps that way.
      expect(d.match(/ A3,3 0 0 0 /g)).toHaveLength(round === 'round-pentagon' ? 5 : 3);
    }
    expect(shapeElement('star', 0, 0, 30, 30).match(/[ML]/g)).toHaveLength(10);
    expect(shapeElement('no-such-shape', 0, 0, 10, 10)).toMatch(/^<rect /);
  });

  it('fades, dashes borders and rotates edge names as asked', () => {
    const faded = { ...node('doc:d', 'rectangle', 0, 'Doc'), opacity: 0.25 };
    faded.border = { color: '#dc2626', width: 3, opacity: 1, dash: [4, 2] };
    const rotated = edge('e4', null);
    if (rotated.label) rotated.label = { ...rotated.label, angle: Math.PI / 4 };
    const svg = drawingToSvg(drawing({ nodes: [faded], edges: [rotated] }));
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('data-id="doc:d" opacity="0.25"');
    expect(svg).toContain('stroke="#dc2626" stroke-width="3" stroke-dasharray="4 2"');
    expect(svg).toContain('transform="translate(100,43) rotate(45)"');
  });
});
