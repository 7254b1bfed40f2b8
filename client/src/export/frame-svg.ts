import { xmlEscape } from '../../../graph/export/xml.ts';
import { FRAME_COLOURS, FRAME_FONT_FAMILY, type FrameLayout, swatchPath } from './frame-layout.ts';

/** The graph's own SVG without its XML declaration, so it can sit inside another SVG. */
function innerSvg(svg: string): string {
  return svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '');
}

function swatchSvg(item: Extract<FrameLayout['items'][number], { kind: 'swatch' }>): string {
  const path = swatchPath(item.shape, item.x, item.y, item.size);
  const fill = `fill="${xmlEscape(item.color)}"`;
  if ('points' in path)
    return `<polygon points="${path.points.map(([x, y]) => `${x},${y}`).join(' ')}" ${fill}/>`;
  const r = item.size / 2;
  if ('ellipse' in path) return `<circle cx="${item.x + r}" cy="${item.y + r}" r="${r * 0.9}" ${fill}/>`;
  const rx = path.rounded ? ` rx="${item.size / 5}"` : '';
  return `<rect x="${item.x + 1}" y="${item.y + 2}" width="${item.size - 2}" height="${item.size - 4}"${rx} ${fill}/>`;
}

/**
 * The framed SVG: text as `<text>` (editable in Inkscape or Illustrator), the graph's SVG nested
 * in place, everything in CSS pixels and the whole scaled by `scale` through the viewBox.
 */
export function framedSvg(
  layout: FrameLayout,
  graphSvg: string,
  scale: number,
  background: string | null,
): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${layout.width * scale}" height="${layout.height * scale}" viewBox="0 0 ${layout.width} ${layout.height}">\n`,
  ];
  if (background)
    parts.push(
      `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="${xmlEscape(background)}"/>\n`,
    );
  parts.push(`<g font-family="${xmlEscape(FRAME_FONT_FAMILY)}">\n`);
  for (const item of layout.items) {
    if (item.kind === 'swatch') {
      parts.push(`${swatchSvg(item)}\n`);
      continue;
    }
    parts.push(
      `<text x="${item.x}" y="${item.y}" font-size="${item.font.size}" font-weight="${item.font.weight}" fill="${item.color}">${xmlEscape(item.text)}</text>\n`,
    );
  }
  parts.push('</g>\n');
  const { x, y, width, height } = layout.graph;
  parts.push(
    `<rect x="${x - 0.5}" y="${y - 0.5}" width="${width + 1}" height="${height + 1}" fill="none" stroke="${FRAME_COLOURS.rule}" stroke-width="1"/>\n`,
  );
  parts.push(`<g transform="translate(${x},${y})">\n${innerSvg(graphSvg)}\n</g>\n`);
  parts.push('</svg>\n');
  return parts.join('');
}
