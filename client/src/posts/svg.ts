import { xmlEscape } from '../../../graph/export/xml.ts';
import { formatDate } from '../format/dates.ts';
import { EVENT_LEVEL, type EventMarker, MARKER } from './events.ts';
import {
  BAR_H,
  BAR_TOP,
  INFERRED_H,
  INFERRED_TOP,
  type ItemDrawing,
  LABEL_SIZE,
  type Mark,
} from './marks.ts';
import { LANE, ROW_PAD, type Row } from './rows.ts';
import type { Scale, Tick } from './scale.ts';
import { dayString } from './scale.ts';
import type { CapacityKey } from './tenure.ts';

/**
 * The chart as SVG markup, pure: the same strings fill the page (inside an <svg>) and the exported
 * file, so what is exported is what is seen. Interactive parts carry `data-ref` (and, on the page,
 * `tabindex` and `role`); every bar, tick and marker has a <title> so hovering names it.
 */

export const CAPACITY_COLOURS: Record<CapacityKey | 'vacancy', string> = {
  substantive: '#1d4ed8',
  interim: '#b45309',
  acting: '#7e22ce',
  joint: '#0f766e',
  other: '#475569',
  vacancy: '#64748b',
};

export const EVENT_COLOURS = { Inspection: '#be123c', Report: '#0369a1', Finding: '#a16207' } as const;

const e = xmlEscape;
const n = (v: number) => (Math.round(v * 10) / 10).toString();

/** Patterns: the hatching of suspensions and leave. */
export function defs(): string {
  return `<defs><pattern id="pc-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff" fill-opacity="0.55"/><line x1="0" y1="0" x2="0" y2="6" stroke="#0f172a" stroke-width="2"/></pattern></defs>`;
}

export interface SvgOptions {
  /** On the page: focusable parts; in a file: none. */
  interactive: boolean;
  /** The hover text of a drawing or marker, by ref. */
  titleOf(ref: string): string;
}

function focus(o: SvgOptions, label: string): string {
  return o.interactive ? ` tabindex="0" role="button" aria-label="${e(label)}"` : '';
}

function markSvg(m: Mark, colour: string, ref: string, o: SvgOptions): string {
  switch (m.kind) {
    case 'possible': {
      const y = BAR_TOP + BAR_H / 2;
      const caps = [
        m.capStart ? `<line x1="${n(m.x1)}" y1="${y - 5}" x2="${n(m.x1)}" y2="${y + 5}"/>` : '',
        m.capEnd ? `<line x1="${n(m.x2)}" y1="${y - 5}" x2="${n(m.x2)}" y2="${y + 5}"/>` : '',
      ].join('');
      return `<g class="pc-possible" stroke="#334155" stroke-width="1.2" stroke-dasharray="1 0"><line x1="${n(m.x1)}" y1="${y}" x2="${n(m.x2)}" y2="${y}"/>${caps}</g>`;
    }
    case 'inferred':
      return `<rect class="pc-inferred" x="${n(m.x1)}" y="${INFERRED_TOP}" width="${n(m.x2 - m.x1)}" height="${INFERRED_H}" fill="${colour}" fill-opacity="0.35" stroke="${colour}" stroke-dasharray="3 2"/>`;
    case 'stated':
      return `<rect class="pc-stated" x="${n(m.x1)}" y="${BAR_TOP}" width="${n(m.x2 - m.x1)}" height="${BAR_H}" fill="${colour}"/>`;
    case 'period':
      return `<rect class="pc-period" data-ref="p:${e(ref.slice(2))}:${m.index}"${focus(o, `${m.label} period`)} x="${n(m.x1)}" y="${BAR_TOP}" width="${n(m.x2 - m.x1)}" height="${BAR_H}" fill="url(#pc-hatch)" stroke="#0f172a" stroke-width="0.8"><title>${e(o.titleOf(`p:${ref.slice(2)}:${m.index}`))}</title></rect>`;
    case 'tick': {
      const r = `a:${ref.slice(2)}:${m.index}`;
      return `<g class="pc-tick" data-ref="${e(r)}"${focus(o, `source dated ${formatDate(m.date)}`)}><title>${e(o.titleOf(r))}</title><rect x="${n(m.x - 3)}" y="0" width="6" height="${LANE - 1}" fill="transparent"/><line x1="${n(m.x)}" y1="1" x2="${n(m.x)}" y2="${LANE - 2}" stroke="#0f172a" stroke-width="2"/></g>`;
    }
    case 'bracket': {
      const r = `a:${ref.slice(2)}:${m.index}`;
      const y = LANE - 3;
      return `<g class="pc-bracket" data-ref="${e(r)}"${focus(o, `source dated ${formatDate(m.date)}`)}><title>${e(o.titleOf(r))}</title><rect x="${n(m.x1)}" y="${y - 5}" width="${n(Math.max(4, m.x2 - m.x1))}" height="7" fill="transparent"/><path d="M${n(m.x1)} ${y - 4}V${y}H${n(m.x2)}V${y - 4}" fill="none" stroke="#0f172a" stroke-width="1.5"/></g>`;
    }
    case 'vacancy':
      return `<rect class="pc-vacancy" x="${n(m.x1)}" y="${BAR_TOP}" width="${n(m.x2 - m.x1)}" height="${BAR_H}" fill="#ffffff" stroke="${CAPACITY_COLOURS.vacancy}" stroke-dasharray="4 2"/>`;
  }
}

function drawingSvg(d: ItemDrawing, o: SvgOptions): string {
  const colour = CAPACITY_COLOURS[d.capacity as CapacityKey] ?? CAPACITY_COLOURS.other;
  // Bars first, then periods over them, then the ticks and brackets on top.
  const order = ['possible', 'inferred', 'stated', 'vacancy', 'period', 'bracket', 'tick'];
  const marks = [...d.marks].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const bars = marks.filter((m) => m.kind !== 'tick' && m.kind !== 'bracket' && m.kind !== 'period');
  const rest = marks.filter((m) => m.kind === 'tick' || m.kind === 'bracket' || m.kind === 'period');
  const label = d.placed
    ? `<text class="pc-label" x="${n(d.placed.x)}" y="${BAR_TOP + BAR_H - 3.5}" font-size="${LABEL_SIZE}" fill="${d.placed.inside && d.body && d.marks.some((m) => m.kind === 'stated') ? '#ffffff' : '#0f172a'}"${d.placed.inside ? '' : ' paint-order="stroke" stroke="#ffffff" stroke-width="3"'} pointer-events="none">${e(d.placed.text)}</text>`
    : '';
  const kind = d.item.kind === 'vacancy' ? 'vacancy' : 'tenure';
  return `<g class="pc-item pc-${kind}" data-ref="${e(d.ref)}" data-certainty="${d.certainty}" data-capacity="${e(d.capacity)}"${focus(o, d.label)}><title>${e(o.titleOf(d.ref))}</title><rect x="${n(d.x1)}" y="0" width="${n(Math.max(6, d.x2 - d.x1))}" height="${LANE - 1}" fill="transparent"/>${bars.map((m) => markSvg(m, colour, d.ref, o)).join('')}</g>${rest.map((m) => markSvg(m, colour, d.ref, o)).join('')}${label}`;
}

export interface RowsInput {
  rows: readonly Row[];
  scale: Scale;
  /** Width of the column of post titles, and of the whole drawing. */
  labelWidth: number;
  width: number;
  drawings(row: Extract<Row, { kind: 'post' }>): ItemDrawing[][];
  hasData(row: Extract<Row, { kind: 'post' }>): boolean;
  fitTitle(title: string, heading?: boolean): string;
  ticks: readonly Tick[];
}

/** The rows: organisation headings, post titles, grid lines, and each lane's drawings. */
export function rowsSvg(input: RowsInput, o: SvgOptions): string {
  const { scale, width, labelWidth } = input;
  const parts: string[] = [];
  for (const row of input.rows) {
    if (row.kind === 'org') {
      parts.push(
        `<g class="pc-org" transform="translate(0,${row.top})"><rect x="0" y="0" width="${width}" height="${row.height}" fill="#f1f5f9"/><text x="8" y="${row.height - 9}" font-size="13" font-weight="700" fill="#0f172a">${e(input.fitTitle(row.org.name, true))}<title>${e(row.org.name)}</title></text><text x="${labelWidth + 8}" y="${row.height - 9}" font-size="11" fill="#475569">${e(row.org.relation)}</text></g>`,
      );
      continue;
    }
    const grid = input.ticks
      .filter((t) => t.major)
      .map(
        (t) =>
          `<line x1="${n(scale.x(t.day))}" y1="0" x2="${n(scale.x(t.day))}" y2="${row.height}" stroke="#e2e8f0"/>`,
      )
      .join('');
    const lanes = input.drawings(row);
    const body = lanes
      .map(
        (lane, i) =>
          `<g transform="translate(0,${ROW_PAD / 2 + i * LANE})">${lane.map((d) => drawingSvg(d, o)).join('')}</g>`,
      )
      .join('');
    const empty = input.hasData(row)
      ? ''
      : `<text class="pc-nosource" x="${labelWidth + 8}" y="${ROW_PAD / 2 + BAR_TOP + BAR_H - 4}" font-size="11" font-style="italic" fill="#94a3b8">no source for this period</text>`;
    parts.push(
      `<g class="pc-row" data-post-id="${e(row.post.id)}" transform="translate(0,${row.top})"><line x1="0" y1="${row.height - 0.5}" x2="${width}" y2="${row.height - 0.5}" stroke="#e2e8f0"/>${grid}<text class="pc-post-title" x="8" y="${ROW_PAD / 2 + BAR_TOP + BAR_H - 3.5}" font-size="12" fill="#0f172a">${e(input.fitTitle(row.post.title))}<title>${e(row.post.title)}</title></text>${empty}${body}</g>`,
    );
  }
  return parts.join('');
}

const EVENT_SHAPES = {
  Inspection: (x: number, y: number) =>
    `<path d="M${n(x)} ${n(y - MARKER / 2)}L${n(x + MARKER / 2)} ${n(y)}L${n(x)} ${n(y + MARKER / 2)}L${n(x - MARKER / 2)} ${n(y)}Z"/>`,
  Report: (x: number, y: number) =>
    `<rect x="${n(x - MARKER / 2 + 1)}" y="${n(y - MARKER / 2 + 1)}" width="${MARKER - 2}" height="${MARKER - 2}"/>`,
  Finding: (x: number, y: number) => `<circle cx="${n(x)}" cy="${n(y)}" r="${MARKER / 2 - 0.5}"/>`,
};

export interface HeaderInput {
  scale: Scale;
  width: number;
  labelWidth: number;
  ticks: readonly Tick[];
  markers: readonly EventMarker[];
  levels: number;
}

export const AXIS_H = 22;

export function headerHeight(levels: number): number {
  return AXIS_H + levels * EVENT_LEVEL + 8;
}

/** The axis with its ticks and, under it, the strip of events. */
export function headerSvg(input: HeaderInput, o: SvgOptions): string {
  const { scale } = input;
  const height = headerHeight(input.levels);
  const ticks = input.ticks
    .map(
      (t) =>
        `<line x1="${n(scale.x(t.day))}" y1="${t.major ? 4 : 12}" x2="${n(scale.x(t.day))}" y2="${height}" stroke="${t.major ? '#cbd5e1' : '#e2e8f0'}"/><text x="${n(scale.x(t.day) + 3)}" y="14" font-size="${t.major ? 12 : 10}" font-weight="${t.major ? 600 : 400}" fill="#334155">${e(t.label)}</text>`,
    )
    .join('');
  const markers = input.markers
    .map((m) => {
      const y = AXIS_H + m.level * EVENT_LEVEL + EVENT_LEVEL / 2;
      const colour = EVENT_COLOURS[m.event.label];
      const extent =
        m.x2 - m.x1 > MARKER
          ? `<line x1="${n(m.x1)}" y1="${n(y)}" x2="${n(m.x2)}" y2="${n(y)}" stroke="${colour}" stroke-width="3" stroke-opacity="0.45"/>`
          : '';
      const ref = `e:${m.event.id}`;
      return `<g class="pc-event" data-ref="${e(ref)}" data-label="${m.event.label}" fill="${colour}" stroke="#ffffff" stroke-width="1"${focus(o, `${m.event.label}: ${m.event.name}`)}><title>${e(o.titleOf(ref))}</title>${extent}${EVENT_SHAPES[m.event.label](m.x, y)}</g>`;
    })
    .join('');
  return `<rect x="0" y="0" width="${input.width}" height="${height}" fill="#ffffff"/><text x="8" y="14" font-size="11" fill="#475569">Post</text><text x="8" y="${AXIS_H + 10}" font-size="11" fill="#475569">Inspections, reports, findings</text><g clip-path="url(#pc-clip-h)">${ticks}${markers}</g><line x1="0" y1="${height - 0.5}" x2="${input.width}" y2="${height - 0.5}" stroke="#94a3b8"/><clipPath id="pc-clip-h"><rect x="${input.labelWidth}" y="0" width="${input.width - input.labelWidth}" height="${height}"/></clipPath>`;
}

/**
 * The date cursor: a line over `height` at the middle of its day, with the date written by it. The
 * labelled one (on the axis) is named "Date shown: …", so the date is read out, not only drawn; the
 * line over the rows repeats it and is hidden from assistive technology.
 */
export function cursorSvg(scale: Scale, day: number, height: number, withLabel: boolean): string {
  const x = scale.x(day + 0.5);
  const date = e(formatDate(dayString(day)));
  const label = withLabel
    ? `<text x="${n(x + 4)}" y="${AXIS_H - 2}" font-size="11" font-weight="700" fill="#dc2626" paint-order="stroke" stroke="#ffffff" stroke-width="3">${date}</text>`
    : '';
  const name = withLabel ? `role="img" aria-label="Date shown: ${date}"` : 'aria-hidden="true"';
  return `<g class="pc-cursor" data-day="${dayString(day)}" ${name} pointer-events="none"><line x1="${n(x)}" y1="0" x2="${n(x)}" y2="${height}" stroke="#dc2626" stroke-width="1.5"/>${label}</g>`;
}
