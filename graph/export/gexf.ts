import { earliestDay, latestDay, parseBounds } from './dates.ts';
import { cellText, type ExportEdge, type ExportGraph, type ExportMeta, type Position } from './elements.ts';
import { CITED_BY_URL } from './tenure-evidence.ts';
import { xmlEscape } from './xml.ts';

/**
 * GEXF 1.3 with time, for Gephi's timeline: a dynamic graph (`mode="dynamic"`,
 * `timeformat="date"`) whose nodes and edges carry `<spells>` for the days they held, plus label,
 * colour (when given) and position in the viz namespace and every property as a typed attribute.
 *
 * A spell holds days, so a date given as a year or a month becomes the first or last day it can
 * stand for — the widest reading, as the explorer's date filter reads it — and the date as the
 * sources give it stays beside it in the `from`/`to`/`attested_on` attributes:
 * - a tenure (HOLDS) spans from its stated start, else its earliest attestation, to its stated end,
 *   else its latest attestation (attested tenures are drawn between the sources that show them);
 * - another relationship spans its `from`..`to`, or starts on its `date` and stays;
 * - a person is present while they hold a post of the graph; a dated node (report, inspection,
 *   document, finding) from its date on; an undated node (organisations, posts) throughout.
 *
 * What rests on citations alone (imported, no words found in a document) says so in
 * `evidence_kind` ("cited by URL, not quoted"), its citations are listed in `citations`, and such a
 * tenure is `known` as `possible`: a spell drawn from a citation's dates is not a stated one.
 */

export interface Spell {
  start: string | null;
  end: string | null;
}

export interface GexfOptions {
  /**
   * A node label's colour as #rrggbb: the explorer's legend colours, which the caller passes (the
   * writer has no copy of them). Without it, nodes carry no colour and Gephi uses its own.
   */
  colourOf?: (label: string) => string | undefined;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The days a relationship was in force, or none when the sources date it not at all. */
export function edgeSpells(edge: ExportEdge['data']): Spell[] {
  if (edge.type === 'HOLDS') {
    const attested = (Array.isArray(edge.attestedOn) ? edge.attestedOn : [])
      .filter((d): d is string => typeof d === 'string')
      .map(parseBounds);
    const starts = attested.map((a) => earliestDay(a.notBefore)).sort();
    const ends = attested.map((a) => latestDay(a.notAfter)).sort();
    const start = edge.from ? earliestDay(edge.from) : (starts[0] ?? null);
    const end = edge.to ? latestDay(edge.to) : (ends[ends.length - 1] ?? null);
    return start || end ? [{ start, end }] : [];
  }
  if (edge.from || edge.to)
    return [{ start: edge.from ? earliestDay(edge.from) : null, end: edge.to ? latestDay(edge.to) : null }];
  const date = str(edge.date);
  return date ? [{ start: earliestDay(parseBounds(date).notBefore), end: null }] : [];
}

/** Overlapping or touching spells joined; open ends (null) reach to the start or end of time. */
export function mergeSpells(spells: readonly Spell[]): Spell[] {
  const sorted = [...spells].sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
  const merged: Spell[] = [];
  for (const spell of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.end === null || (spell.start ?? '') <= last.end)) {
      if (last.end !== null && (spell.end === null || spell.end > last.end)) last.end = spell.end;
    } else merged.push({ ...spell });
  }
  return merged;
}

function nodeSpells(node: ExportGraph['nodes'][number]['data'], holds: Map<string, Spell[]>): Spell[] {
  if (node.label === 'Person') return mergeSpells(holds.get(node.id) ?? []);
  const date = str(node.date);
  return date ? [{ start: earliestDay(parseBounds(date).notBefore), end: null }] : [];
}

/** `evidence_kind` and `citations` values: empty for what rests on quotes and cites nothing. */
function citedValues(data: { evidenceKind?: unknown; citations?: unknown }): {
  evidence_kind: string;
  citations: string;
} {
  const citations = Array.isArray(data.citations)
    ? (data.citations as { url?: unknown; note?: unknown }[]).map((c) =>
        typeof c.note === 'string' && c.note !== '' ? `${String(c.url)} (${c.note})` : String(c.url),
      )
    : [];
  return {
    evidence_kind: data.evidenceKind === 'cited' ? CITED_BY_URL : '',
    citations: citations.join('\n'),
  };
}

function rgb(hex: string | undefined): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return null;
  return [
    Number.parseInt(m[1] ?? '0', 16),
    Number.parseInt(m[2] ?? '0', 16),
    Number.parseInt(m[3] ?? '0', 16),
  ];
}

/** Nodes without a position go on a circle, so Gephi opens the file with something to see. */
function positions(graph: ExportGraph): Map<string, Position> {
  const out = new Map<string, Position>();
  const unplaced = graph.nodes.filter((n) => !n.position);
  const radius = 60 * Math.max(1, Math.sqrt(unplaced.length));
  unplaced.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / unplaced.length;
    out.set(n.data.id, {
      x: Math.round(radius * Math.cos(angle) * 100) / 100,
      y: Math.round(radius * Math.sin(angle) * 100) / 100,
    });
  });
  for (const n of graph.nodes) if (n.position) out.set(n.data.id, n.position);
  return out;
}

const NODE_ATTRIBUTES = ['type', 'kind', 'date', 'disputed', 'evidence_kind', 'citations'] as const;
const EDGE_ATTRIBUTES = [
  'type',
  'from',
  'to',
  'date',
  'qualifier',
  'capacity',
  'status',
  'known',
  'attested_on',
  'text',
  'evidence_document_ids',
  'evidence_quotes',
  'evidence_kind',
  'citations',
] as const;

/**
 * Text for a double-quoted attribute. GEXF keeps values in attributes, where a reader turns a raw
 * line break into a space; written as character references, a quote's line breaks survive.
 */
function attr(value: string): string {
  return xmlEscape(value).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attributes(klass: 'node' | 'edge', names: readonly string[]): string {
  const lines = names.map((n) => `      <attribute id="${n}" title="${n}" type="string"/>\n`).join('');
  return `    <attributes class="${klass}" mode="static">\n${lines}    </attributes>\n`;
}

function attvalues(values: Record<string, string>, indent: string): string {
  const present = Object.entries(values).filter(([, v]) => v !== '');
  if (present.length === 0) return '';
  const lines = present.map(([k, v]) => `${indent}  <attvalue for="${k}" value="${attr(v)}"/>\n`).join('');
  return `${indent}<attvalues>\n${lines}${indent}</attvalues>\n`;
}

function spellsXml(spells: readonly Spell[], indent: string): string {
  if (spells.length === 0) return '';
  const lines = spells
    .map(
      (s) => `${indent}  <spell${s.start ? ` start="${s.start}"` : ''}${s.end ? ` end="${s.end}"` : ''}/>\n`,
    )
    .join('');
  return `${indent}<spells>\n${lines}${indent}</spells>\n`;
}

export function graphToGexf(graph: ExportGraph, meta: ExportMeta, options: GexfOptions = {}): string {
  const ids = new Set(graph.nodes.map((n) => n.data.id));
  const edges = graph.edges.filter((e) => ids.has(e.data.source) && ids.has(e.data.target));
  const holds = new Map<string, Spell[]>();
  for (const { data: e } of edges)
    if (e.type === 'HOLDS') holds.set(e.source, [...(holds.get(e.source) ?? []), ...edgeSpells(e)]);
  const placed = positions(graph);
  const description = [meta.title || 'Accountability graph', meta.at ? `as of ${meta.at}` : 'all dates'].join(
    ', ',
  );

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"\n',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n',
    '    xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n',
    `  <meta lastmodifieddate="${meta.exportedAt.slice(0, 10)}">\n`,
    '    <creator>accountability-graph</creator>\n',
    `    <description>${xmlEscape(description)}</description>\n`,
    '  </meta>\n',
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">\n',
    attributes('node', NODE_ATTRIBUTES),
    attributes('edge', EDGE_ATTRIBUTES),
    '    <nodes>\n',
  ];
  for (const { data: n } of graph.nodes) {
    const i = '        ';
    out.push(`      <node id="${xmlEscape(n.id)}" label="${attr(n.name)}">\n`);
    out.push(
      attvalues(
        {
          type: n.label,
          kind: cellText(n.kind),
          date: cellText(n.date),
          disputed: cellText(n.disputed),
          ...citedValues(n),
        },
        i,
      ),
    );
    out.push(spellsXml(nodeSpells(n, holds), i));
    const colour = rgb(options.colourOf?.(n.label));
    const at = placed.get(n.id) ?? { x: 0, y: 0 };
    if (colour) out.push(`${i}<viz:color r="${colour[0]}" g="${colour[1]}" b="${colour[2]}"/>\n`);
    out.push(`${i}<viz:position x="${at.x}" y="${at.y}" z="0"/>\n`);
    out.push(`${i}<viz:size value="${n.label === 'Organisation' ? 15 : 10}"/>\n`);
    out.push('      </node>\n');
  }
  out.push('    </nodes>\n    <edges>\n');
  for (const { data: e } of edges) {
    const i = '        ';
    out.push(
      `      <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" label="${xmlEscape(e.type)}">\n`,
    );
    out.push(
      attvalues(
        {
          type: e.type,
          from: cellText(e.from),
          to: cellText(e.to),
          date: cellText(e.date),
          qualifier: cellText(e.qualifier),
          capacity: cellText(e.capacity),
          status: cellText(e.status),
          known: e.type === 'HOLDS' && e.evidenceKind === 'cited' ? 'possible' : cellText(e.known),
          attested_on: cellText(e.attestedOn),
          text: cellText(e.text),
          evidence_document_ids: [...new Set(e.evidence.map((x) => x.documentId))].join('; '),
          evidence_quotes: e.evidence.map((x) => x.quote).join('\n'),
          ...citedValues(e),
        },
        i,
      ),
    );
    out.push(spellsXml(edgeSpells(e), i));
    out.push('      </edge>\n');
  }
  out.push('    </edges>\n  </graph>\n</gexf>\n');
  return out.join('');
}
