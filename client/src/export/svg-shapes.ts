import { xmlEscape } from '../../../graph/export/xml.ts';

/**
 * The SVG writer's geometry of node shapes (svg-writer.ts uses it): Cytoscape 3's polygons and
 * rounded corners as `<path>`, `<ellipse>` or `<rect>`, and how numbers and attributes are written.
 * Pure and DOM-free.
 */

export interface Point {
  x: number;
  y: number;
}

export const num = (n: number): string => {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};

export const attr = (name: string, value: string | number): string =>
  ` ${name}="${typeof value === 'number' ? num(value) : xmlEscape(value)}"`;

type Points = number[];

function unitNgon(sides: number, rotation: number): Points {
  const increment = (2 * Math.PI) / sides;
  const start = (sides % 2 === 0 ? Math.PI / 2 + increment / 2 : Math.PI / 2) + rotation;
  const points: Points = [];
  for (let i = 0; i < sides; i++) {
    const angle = i * increment + start;
    points.push(Math.cos(angle), Math.sin(-angle));
  }
  return points;
}

function fitToSquare(points: Points): Points {
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const fitted = points.map((v, i) => v * (i % 2 === 0 ? sx : sy));
  const minY = Math.min(...fitted.filter((_, i) => i % 2 === 1));
  return minY < -1 ? fitted.map((v, i) => (i % 2 === 1 ? v + (-1 - minY) : v)) : fitted;
}

function star(): Points {
  const outer = unitNgon(5, 0);
  const inner = unitNgon(5, Math.PI / 5).map((v) => v * 0.5 * (3 - Math.sqrt(5)) * 1.57);
  const points: Points = [];
  for (let i = 0; i < 5; i++)
    points.push(outer[2 * i] ?? 0, outer[2 * i + 1] ?? 0, inner[2 * i] ?? 0, inner[2 * i + 1] ?? 0);
  return fitToSquare(points);
}

/** Cytoscape's polygons, in a box from -1 to 1. */
const POLYGONS: Record<string, Points> = {
  triangle: fitToSquare(unitNgon(3, 0)),
  rectangle: fitToSquare(unitNgon(4, 0)),
  pentagon: fitToSquare(unitNgon(5, 0)),
  hexagon: fitToSquare(unitNgon(6, 0)),
  heptagon: fitToSquare(unitNgon(7, 0)),
  octagon: fitToSquare(unitNgon(8, 0)),
  diamond: [0, 1, 1, 0, 0, -1, -1, 0],
  tag: [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1],
  star: star(),
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  'right-rhomboid': [-0.333, -1, 1, -1, 0.333, 1, -1, 1],
  'concave-hexagon': [-1, -0.95, -0.75, 0, -1, 0.95, 1, 0.95, 0.75, 0, 1, -0.95],
};

/**
 * The corners of a plain polygon shape's border drawn `width` wide on its outline, as Cytoscape
 * bounds them (each corner where the two offset sides meet), in a box `w` × `h` around 0, 0; null for
 * shapes Cytoscape bounds by their box alone (ellipses, rectangles, rounded shapes).
 */
export function miterCorners(shape: string, w: number, h: number, width: number): Point[] | null {
  const name = ALIASES[shape] ?? shape;
  const unit = name === 'rectangle' ? undefined : POLYGONS[name];
  if (!unit || width <= 0) return null;
  let pts: Point[] = [];
  for (let i = 0; i < unit.length; i += 2)
    pts.push({ x: ((unit[i] ?? 0) * w) / 2, y: ((unit[i + 1] ?? 0) * h) / 2 });
  const area = pts.reduce((sum, p, i) => {
    const q = pts[(i + 1) % pts.length] as Point;
    return sum + p.x * q.y - q.x * p.y;
  }, 0);
  if (area < 0) pts = [...pts].reverse();
  const d = width / 2;
  const n = pts.length;
  // Each side moved outwards by half the border, then each corner where two moved sides meet.
  const sides = pts.map((p, i) => {
    const q = pts[(i + 1) % n] as Point;
    const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
    const out = { x: (q.y - p.y) / length, y: -(q.x - p.x) / length };
    return { a: { x: p.x + out.x * d, y: p.y + out.y * d }, b: { x: q.x + out.x * d, y: q.y + out.y * d } };
  });
  return sides.map((side, i) => {
    const before = sides[(i - 1 + n) % n] as typeof side;
    const r = { x: before.b.x - before.a.x, y: before.b.y - before.a.y };
    const s = { x: side.b.x - side.a.x, y: side.b.y - side.a.y };
    const cross = r.x * s.y - r.y * s.x;
    if (Math.abs(cross) < 1e-9) return { x: before.a.x + r.x / 2, y: before.a.y + r.y / 2 };
    const t = ((side.a.x - before.a.x) * s.y - (side.a.y - before.a.y) * s.x) / cross;
    return { x: before.a.x + r.x * t, y: before.a.y + r.y * t };
  });
}

const ALIASES: Record<string, string> = {
  square: 'rectangle',
  roundrectangle: 'round-rectangle',
  concavehexagon: 'concave-hexagon',
};

/** A closed polygon with each corner rounded by an arc of `radius`, as Cytoscape's round shapes. */
function roundedPolygon(points: Point[], radius: number): string {
  const n = points.length;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const prev = points[(i - 1 + n) % n] as Point;
    const cur = points[i] as Point;
    const next = points[(i + 1) % n] as Point;
    const l1 = Math.hypot(prev.x - cur.x, prev.y - cur.y);
    const l2 = Math.hypot(next.x - cur.x, next.y - cur.y);
    const v1 = { x: (prev.x - cur.x) / l1, y: (prev.y - cur.y) / l1 };
    const v2 = { x: (next.x - cur.x) / l2, y: (next.y - cur.y) / l2 };
    const half = Math.acos(Math.max(-1, Math.min(1, v1.x * v2.x + v1.y * v2.y))) / 2;
    let out = radius / Math.tan(half);
    out = Math.min(out, l1 / 2, l2 / 2);
    const r = out * Math.tan(half);
    const start = { x: cur.x + v1.x * out, y: cur.y + v1.y * out };
    const end = { x: cur.x + v2.x * out, y: cur.y + v2.y * out };
    // The turn prev → cur → next: clockwise on screen (y down) when the cross product is positive.
    const cross = (cur.x - prev.x) * (next.y - cur.y) - (cur.y - prev.y) * (next.x - cur.x);
    parts.push(`${i === 0 ? 'M' : 'L'}${num(start.x)},${num(start.y)}`);
    parts.push(`A${num(r)},${num(r)} 0 0 ${cross > 0 ? 1 : 0} ${num(end.x)},${num(end.y)}`);
  }
  return `${parts.join(' ')} Z`;
}

/** The node's outline as an SVG element (without paint): `<ellipse>`, `<rect>` or `<path>`. */
export function shapeElement(shape: string, x: number, y: number, width: number, height: number): string {
  const name = ALIASES[shape] ?? shape;
  if (name === 'ellipse')
    return `<ellipse${attr('cx', x)}${attr('cy', y)}${attr('rx', width / 2)}${attr('ry', height / 2)}`;
  const round = name.startsWith('round-') && name !== 'round-rectangle';
  const points = POLYGONS[round ? name.slice('round-'.length) : name];
  if (!points || name === 'rectangle') {
    const r = name === 'round-rectangle' ? Math.min(width / 4, height / 4, 8) : 0;
    const corner = r > 0 ? `${attr('rx', r)}${attr('ry', r)}` : '';
    return `<rect${attr('x', x - width / 2)}${attr('y', y - height / 2)}${attr('width', width)}${attr('height', height)}${corner}`;
  }
  const pts: Point[] = [];
  for (let i = 0; i < points.length; i += 2)
    pts.push({ x: x + ((points[i] ?? 0) * width) / 2, y: y + ((points[i + 1] ?? 0) * height) / 2 });
  const d = round
    ? roundedPolygon(pts, Math.min(width / 10, height / 10, 8))
    : `M${pts.map((p) => `${num(p.x)},${num(p.y)}`).join(' L')} Z`;
  return `<path${attr('d', d)}`;
}
