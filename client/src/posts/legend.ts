import { h } from '../ui/dom.ts';
import { CAPACITY_COLOURS, EVENT_COLOURS } from './svg.ts';

/** The key to the chart's encodings, each drawn as the chart draws it and named in words. */
function swatch(svg: string): SVGSVGElement {
  const wrap = document.createElement('span');
  wrap.innerHTML = `<svg width="34" height="16" viewBox="0 0 34 16" aria-hidden="true"><defs><pattern id="pcl-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#0f172a" stroke-width="2"/></pattern></defs>${svg}</svg>`;
  return wrap.firstElementChild as SVGSVGElement;
}

const item = (svg: string, text: string) =>
  h('li', { 'data-testid': 'posts-legend-item' }, swatch(svg), h('span', {}, text));

export function postsLegend(): HTMLElement {
  const c = CAPACITY_COLOURS;
  return h(
    'ul',
    { class: 'pc-legend', 'data-testid': 'posts-legend', 'aria-label': 'Legend' },
    item(`<rect x="1" y="3" width="32" height="10" fill="${c.substantive}"/>`, 'stated (solid)'),
    item(
      `<rect x="1" y="5" width="32" height="6" fill="${c.substantive}" fill-opacity="0.35" stroke="${c.substantive}" stroke-dasharray="3 2"/>`,
      'inferred (thin, light)',
    ),
    item('<path d="M2 3V13M2 8H32M32 3V13" stroke="#334155" fill="none"/>', 'possible window'),
    item('<path d="M17 1V15" stroke="#0f172a" stroke-width="2"/>', 'source of a day'),
    item(
      '<path d="M3 9V13H31V9" stroke="#0f172a" fill="none" stroke-width="1.5"/>',
      'source of a month, year or range',
    ),
    item(
      `<rect x="1" y="3" width="32" height="10" fill="${c.substantive}"/><rect x="1" y="3" width="32" height="10" fill="url(#pcl-hatch)"/>`,
      'suspended / on leave',
    ),
    item(
      '<rect x="1" y="3" width="32" height="10" fill="#fff" stroke="#64748b" stroke-dasharray="4 2"/>',
      'vacant',
    ),
    item(`<rect x="1" y="3" width="10" height="10" fill="${c.substantive}"/>`, 'substantive'),
    item(`<rect x="1" y="3" width="10" height="10" fill="${c.interim}"/>`, 'interim (named)'),
    item(`<rect x="1" y="3" width="10" height="10" fill="${c.acting}"/>`, 'acting (named)'),
    item(`<rect x="1" y="3" width="10" height="10" fill="${c.joint}"/>`, 'joint (named)'),
    item(`<path d="M8 2L14 8L8 14L2 8Z" fill="${EVENT_COLOURS.Inspection}"/>`, 'inspection'),
    item(`<rect x="3" y="3" width="10" height="10" fill="${EVENT_COLOURS.Report}"/>`, 'report'),
    item(`<circle cx="8" cy="8" r="5" fill="${EVENT_COLOURS.Finding}"/>`, 'finding'),
    item('<path d="M17 0V16" stroke="#dc2626" stroke-width="1.5"/>', 'the date (drag it)'),
  );
}
