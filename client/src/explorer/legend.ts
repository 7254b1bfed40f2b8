import { LABEL_STYLES, type LabelStyle } from '../canvas/style.ts';
import { h, replace } from '../ui/dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** Polygon points in a 20×20 box for each node shape, so the legend matches the canvas. */
const POINTS: Partial<Record<LabelStyle['shape'], string>> = {
  diamond: '10,1 19,10 10,19 1,10',
  hexagon: '5,2 15,2 19,10 15,18 5,18 1,10',
  'round-pentagon': '10,1 19,8 15.5,19 4.5,19 1,8',
  'round-triangle': '10,2 19,18 1,18',
  tag: '1,3 14,3 19,10 14,17 1,17',
};

function shapeIcon(style: LabelStyle): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  let shape: SVGElement;
  const points = POINTS[style.shape];
  if (points) {
    shape = document.createElementNS(SVG, 'polygon');
    shape.setAttribute('points', points);
  } else if (style.shape === 'ellipse') {
    shape = document.createElementNS(SVG, 'circle');
    shape.setAttribute('cx', '10');
    shape.setAttribute('cy', '10');
    shape.setAttribute('r', '8.5');
  } else {
    shape = document.createElementNS(SVG, 'rect');
    shape.setAttribute('x', '2');
    shape.setAttribute('y', style.shape === 'rectangle' ? '1' : '3');
    shape.setAttribute('width', '16');
    shape.setAttribute('height', style.shape === 'rectangle' ? '18' : '14');
    if (style.shape === 'round-rectangle') shape.setAttribute('rx', '4');
  }
  shape.setAttribute('fill', style.color);
  svg.appendChild(shape);
  return svg;
}

function lineIcon(dashed: boolean | string, color: string, opacity = 1): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 28 10');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '10');
  svg.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'line');
  for (const [k, v] of Object.entries({
    x1: '1',
    y1: '5',
    x2: '27',
    y2: '5',
    stroke: color,
    'stroke-width': '3',
  }))
    line.setAttribute(k, v);
  if (dashed) line.setAttribute('stroke-dasharray', typeof dashed === 'string' ? dashed : '6 3');
  line.setAttribute('opacity', String(opacity));
  svg.appendChild(line);
  return svg;
}

export function renderLegend(root: HTMLElement): void {
  const items = Object.entries(LABEL_STYLES).map(([label, style]) =>
    h(
      'li',
      { title: style.meaning, 'data-testid': 'legend-item', 'data-label': label },
      shapeIcon(style),
      h('span', {}, label),
    ),
  );
  replace(
    root,
    h('h2', { class: 'section-title' }, 'Legend'),
    h('ul', { class: 'legend' }, ...items),
    h(
      'ul',
      { class: 'legend legend-lines' },
      h('li', {}, lineIcon(false, '#2563eb'), h('span', {}, 'holds a post: tenure stated by a source')),
      h('li', {}, lineIcon(true, '#2563eb'), h('span', {}, 'holds a post: known only from attestations')),
      h(
        'li',
        { 'data-testid': 'legend-possible' },
        lineIcon('1 4', '#475569', 0.7),
        h(
          'span',
          {},
          'possibly in force on the date, or cited by URL, not quoted (dotted, faint; named “possibly …”)',
        ),
      ),
      h(
        'li',
        { 'data-testid': 'legend-undated' },
        lineIcon('2 6', '#a8a29e'),
        h('span', {}, 'no source dates it (“date unknown”): shown under any date'),
      ),
      h(
        'li',
        {},
        h('span', { class: 'legend-group', 'aria-hidden': 'true' }, '▲'),
        h('span', {}, '“N findings”: choose it to show them'),
      ),
      h('li', {}, h('span', { class: 'legend-ring', 'aria-hidden': 'true' }), h('span', {}, 'expanded node')),
      h(
        'li',
        {},
        h('span', { class: 'legend-ring disputed', 'aria-hidden': 'true' }),
        h('span', {}, 'sources disagree'),
      ),
    ),
  );
}
