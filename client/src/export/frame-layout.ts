import type { LabelStyle } from '../canvas/style.ts';

/**
 * Where everything goes in an image framed for publication: a title, the date the view shows, the
 * graph, a legend of the labels shown and a footer of the sources behind the relationships. Pure,
 * in CSS pixels; the SVG writer and the canvas painter both draw from the same layout.
 */

export type Measure = (text: string, font: FrameFont) => number;

export interface FrameFont {
  size: number;
  weight: 400 | 600 | 700;
}

export interface FrameText {
  kind: 'text';
  x: number;
  /** The text's baseline. */
  y: number;
  text: string;
  font: FrameFont;
  color: string;
}

export interface FrameSwatch {
  kind: 'swatch';
  x: number;
  y: number;
  size: number;
  color: string;
  shape: LabelStyle['shape'];
}

export type FrameItem = FrameText | FrameSwatch;

export interface FrameInput {
  graph: { width: number; height: number };
  title: string;
  /** "As of 21 November 2017", or "All dates". */
  dateLine: string;
  legend: Array<{ label: string; style: LabelStyle }>;
  /** One line per source document, already formatted. */
  sources: string[];
  measure: Measure;
}

export interface FrameLayout {
  width: number;
  height: number;
  graph: { x: number; y: number; width: number; height: number };
  items: FrameItem[];
}

export const FRAME_FONT_FAMILY =
  '"Inter", "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif';
export const FRAME_COLOURS = { text: '#0f172a', muted: '#475569', rule: '#cbd5e1' } as const;

const PAD = 28;
const MIN_WIDTH = 560;
const TITLE: FrameFont = { size: 24, weight: 700 };
const DATE: FrameFont = { size: 15, weight: 400 };
const LEGEND: FrameFont = { size: 13, weight: 400 };
const HEADING: FrameFont = { size: 13, weight: 700 };
const SOURCE: FrameFont = { size: 12, weight: 400 };
const lineHeight = (font: FrameFont) => Math.round(font.size * 1.4);

/** Words wrapped to lines no wider than `width`; a word longer than the line is cut. */
export function wrap(text: string, width: number, font: FrameFont, measure: Measure): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, font) <= width || !line) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
    while (measure(line, font) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut), font) > width) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function layoutFrame(input: FrameInput): FrameLayout {
  const { measure } = input;
  const width = Math.max(MIN_WIDTH, Math.ceil(input.graph.width) + 2 * PAD);
  const inner = width - 2 * PAD;
  const items: FrameItem[] = [];
  let y = PAD;

  const text = (lines: string[], font: FrameFont, color: string, x = PAD) => {
    for (const line of lines) {
      y += lineHeight(font);
      items.push({ kind: 'text', x, y: y - Math.round(font.size * 0.3), text: line, font, color });
    }
  };

  text(wrap(input.title, inner, TITLE, measure), TITLE, FRAME_COLOURS.text);
  y += 2;
  text(wrap(input.dateLine, inner, DATE, measure), DATE, FRAME_COLOURS.muted);
  y += 14;

  const graph = {
    x: PAD + Math.floor((inner - input.graph.width) / 2),
    y,
    width: input.graph.width,
    height: input.graph.height,
  };
  y += input.graph.height + 18;

  if (input.legend.length > 0) {
    const swatch = 14;
    const row = lineHeight(LEGEND) + 4;
    let x = PAD;
    const label = 'Legend:';
    items.push({ kind: 'text', x, y: y + row - 8, text: label, font: HEADING, color: FRAME_COLOURS.text });
    x += measure(label, HEADING) + 14;
    for (const entry of input.legend) {
      const w = swatch + 6 + measure(entry.label, LEGEND) + 18;
      if (x + w > PAD + inner && x > PAD + 80) {
        x = PAD + measure(label, HEADING) + 14;
        y += row;
      }
      items.push({
        kind: 'swatch',
        x,
        y: y + (row - swatch) / 2,
        size: swatch,
        color: entry.style.color,
        shape: entry.style.shape,
      });
      items.push({
        kind: 'text',
        x: x + swatch + 6,
        y: y + row - 8,
        text: entry.label,
        font: LEGEND,
        color: FRAME_COLOURS.text,
      });
      x += w;
    }
    y += row + 12;
  }

  if (input.sources.length > 0) {
    text(['Sources'], HEADING, FRAME_COLOURS.text);
    y += 2;
    input.sources.forEach((source, i) => {
      const number = `${i + 1}.`;
      const indent = measure('00.', SOURCE) + 6;
      const lines = wrap(source, inner - indent, SOURCE, measure);
      const top = y;
      text(lines, SOURCE, FRAME_COLOURS.muted, PAD + indent);
      items.push({
        kind: 'text',
        x: PAD,
        y: top + lineHeight(SOURCE) - Math.round(SOURCE.size * 0.3),
        text: number,
        font: SOURCE,
        color: FRAME_COLOURS.muted,
      });
    });
    y += 4;
  }

  return { width, height: Math.ceil(y + PAD), graph, items };
}

/**
 * A shape in a box of `size`, as polygon points or a named primitive, matching the canvas's node
 * shapes as the sidebar legend draws them.
 */
export function swatchPath(
  shape: LabelStyle['shape'],
  x: number,
  y: number,
  size: number,
): { points: Array<[number, number]> } | { ellipse: true } | { rect: true; rounded: boolean } {
  const unit: Partial<Record<LabelStyle['shape'], Array<[number, number]>>> = {
    diamond: [
      [10, 1],
      [19, 10],
      [10, 19],
      [1, 10],
    ],
    hexagon: [
      [5, 2],
      [15, 2],
      [19, 10],
      [15, 18],
      [5, 18],
      [1, 10],
    ],
    'round-pentagon': [
      [10, 1],
      [19, 8],
      [15.5, 19],
      [4.5, 19],
      [1, 8],
    ],
    'round-triangle': [
      [10, 2],
      [19, 18],
      [1, 18],
    ],
    tag: [
      [1, 3],
      [14, 3],
      [19, 10],
      [14, 17],
      [1, 17],
    ],
  };
  const points = unit[shape];
  if (points) return { points: points.map(([px, py]) => [x + (px * size) / 20, y + (py * size) / 20]) };
  if (shape === 'ellipse') return { ellipse: true };
  return { rect: true, rounded: shape === 'round-rectangle' };
}

/** A rough text width for tests and for SVG made without a browser: average glyph widths of a sans-serif. */
export const estimateWidth: Measure = (text, font) =>
  text.length * font.size * (font.weight >= 600 ? 0.58 : 0.53);
