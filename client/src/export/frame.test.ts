import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { LABEL_STYLES } from '../canvas/style.ts';
import { estimateWidth, layoutFrame, wrap } from './frame-layout.ts';
import { framedSvg } from './frame-svg.ts';
import { dateLine, sourceLine } from './sources.ts';

const input = {
  graph: { width: 800, height: 500 },
  title: 'Bury SEND: who was accountable & when',
  dateLine: dateLine('2017-11-21'),
  legend: ['Person', 'Organisation', 'Post'].map((label) => ({
    label,
    style: LABEL_STYLES[label] ?? { color: '#000', shape: 'ellipse' as const, meaning: '' },
  })),
  sources: [
    sourceLine({
      title: 'Joint local area SEND inspection in Bury',
      publisher: 'Ofsted and CQC',
      published: '2017-08-24',
      publishedNotBefore: '2017-08-24',
      publishedNotAfter: '2017-08-24',
    }),
    'A'.repeat(400),
  ],
  measure: estimateWidth,
};

describe('frame', () => {
  it('writes the date and sources as a reader expects', () => {
    expect(dateLine('2017-11-21')).toBe('As of 21 November 2017');
    expect(dateLine(null)).toBe('All dates');
    expect(input.sources[0]).toBe(
      'Joint local area SEND inspection in Bury. Ofsted and CQC, 24 August 2017.',
    );
  });

  it('wraps long text within the width, cutting words longer than a line', () => {
    const font = { size: 12, weight: 400 as const };
    const lines = wrap('one two three four five six seven', 60, font, estimateWidth);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(estimateWidth(line, font)).toBeLessThanOrEqual(60);
    expect(wrap('x'.repeat(50), 60, font, estimateWidth).join('')).toBe('x'.repeat(50));
  });

  it('puts the graph below the title and above the legend and sources, inside the frame', () => {
    const layout = layoutFrame(input);
    expect(layout.width).toBe(800 + 56);
    const texts = layout.items.filter((i) => i.kind === 'text');
    const title = texts.find((t) => t.text.startsWith('Bury SEND'));
    const sources = texts.find((t) => t.text === 'Sources');
    expect(title && title.y < layout.graph.y).toBe(true);
    expect(sources && sources.y > layout.graph.y + layout.graph.height).toBe(true);
    expect(layout.items.filter((i) => i.kind === 'swatch')).toHaveLength(3);
    for (const item of layout.items) {
      expect(item.y).toBeLessThanOrEqual(layout.height);
      expect(item.x).toBeGreaterThanOrEqual(0);
    }
  });

  it('makes a valid SVG with the title, date, legend and sources as text and the graph nested', () => {
    const layout = layoutFrame(input);
    const graph =
      '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"><text>Bury Council</text></svg>';
    const svg = framedSvg(layout, graph, 2, '#ffffff');
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(doc.svg['@_width']).toBe(String(layout.width * 2));
    expect(doc.svg['@_viewBox']).toBe(`0 0 ${layout.width} ${layout.height}`);
    const text = svg.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Bury SEND: who was accountable &amp; when');
    expect(text).toContain('As of 21 November 2017');
    expect(text).toContain('Organisation');
    expect(text).toContain('Ofsted and CQC, 24 August 2017.');
    expect(text).toContain('Bury Council');
  });
});
