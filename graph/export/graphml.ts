import { cellText, type ExportGraph, type ExportMeta } from './elements.ts';
import { xmlEscape } from './xml.ts';

/**
 * GraphML with every attribute declared as a `<key>` with its type. Attribute names follow what
 * Gephi reads specially (`label`, `x`, `y`, `r`/`g`/`b`) so nodes arrive named, placed and coloured;
 * yEd and Cytoscape Desktop read the same keys as ordinary properties.
 */

type AttrType = 'string' | 'double' | 'int' | 'boolean';
interface Key {
  id: string;
  for: 'node' | 'edge' | 'graph';
  name: string;
  type: AttrType;
}

const NODE_KEYS: Key[] = [
  { id: 'n_label', for: 'node', name: 'label', type: 'string' },
  { id: 'n_name', for: 'node', name: 'name', type: 'string' },
  { id: 'n_type', for: 'node', name: 'type', type: 'string' },
  { id: 'n_kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'n_date', for: 'node', name: 'date', type: 'string' },
  { id: 'n_disputed', for: 'node', name: 'disputed', type: 'string' },
  { id: 'n_x', for: 'node', name: 'x', type: 'double' },
  { id: 'n_y', for: 'node', name: 'y', type: 'double' },
  { id: 'n_r', for: 'node', name: 'r', type: 'int' },
  { id: 'n_g', for: 'node', name: 'g', type: 'int' },
  { id: 'n_b', for: 'node', name: 'b', type: 'int' },
];
const EDGE_KEYS: Key[] = [
  { id: 'e_label', for: 'edge', name: 'label', type: 'string' },
  { id: 'e_type', for: 'edge', name: 'type', type: 'string' },
  { id: 'e_from', for: 'edge', name: 'from', type: 'string' },
  { id: 'e_to', for: 'edge', name: 'to', type: 'string' },
  { id: 'e_qualifier', for: 'edge', name: 'qualifier', type: 'string' },
  { id: 'e_capacity', for: 'edge', name: 'capacity', type: 'string' },
  { id: 'e_status', for: 'edge', name: 'status', type: 'string' },
  { id: 'e_known', for: 'edge', name: 'known', type: 'string' },
  { id: 'e_date', for: 'edge', name: 'date', type: 'string' },
  { id: 'e_text', for: 'edge', name: 'text', type: 'string' },
  { id: 'e_evidence_count', for: 'edge', name: 'evidence_count', type: 'int' },
  { id: 'e_evidence_document_ids', for: 'edge', name: 'evidence_document_ids', type: 'string' },
  { id: 'e_evidence_quotes', for: 'edge', name: 'evidence_quotes', type: 'string' },
];
const GRAPH_KEYS: Key[] = [
  { id: 'g_title', for: 'graph', name: 'title', type: 'string' },
  { id: 'g_at', for: 'graph', name: 'at', type: 'string' },
  { id: 'g_exported_at', for: 'graph', name: 'exportedAt', type: 'string' },
];
export const GRAPHML_KEYS: readonly Key[] = [...GRAPH_KEYS, ...NODE_KEYS, ...EDGE_KEYS];

export interface GraphmlOptions {
  /** A node label's colour as #rrggbb, written as Gephi's r, g, b. */
  colourOf?: (label: string) => string | undefined;
}

function rgb(hex: string | undefined): [number, number, number] | null {
  const match = hex ? /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex) : null;
  if (!match) return null;
  return [
    Number.parseInt(match[1] ?? '0', 16),
    Number.parseInt(match[2] ?? '0', 16),
    Number.parseInt(match[3] ?? '0', 16),
  ];
}

function data(key: string, value: string | number | null | undefined, indent: string): string {
  if (value === null || value === undefined || value === '') return '';
  return `${indent}<data key="${key}">${xmlEscape(String(value))}</data>\n`;
}

export function graphToGraphml(graph: ExportGraph, meta: ExportMeta, options: GraphmlOptions = {}): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"\n',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  ];
  for (const key of GRAPHML_KEYS)
    out.push(`  <key id="${key.id}" for="${key.for}" attr.name="${key.name}" attr.type="${key.type}"/>\n`);
  out.push('  <graph id="G" edgedefault="directed">\n');
  out.push(data('g_title', meta.title ?? 'Accountability graph', '    '));
  out.push(data('g_at', meta.at, '    '));
  out.push(data('g_exported_at', meta.exportedAt, '    '));
  const ids = new Set(graph.nodes.map((n) => n.data.id));
  for (const { data: n, position } of graph.nodes) {
    out.push(`    <node id="${xmlEscape(n.id)}">\n`);
    const i = '      ';
    out.push(data('n_label', n.name, i), data('n_name', n.name, i), data('n_type', n.label, i));
    out.push(data('n_kind', cellText(n.kind), i), data('n_date', cellText(n.date), i));
    out.push(data('n_disputed', cellText(n.disputed), i));
    if (position) out.push(data('n_x', position.x, i), data('n_y', position.y, i));
    const colour = rgb(options.colourOf?.(n.label));
    if (colour) out.push(data('n_r', colour[0], i), data('n_g', colour[1], i), data('n_b', colour[2], i));
    out.push('    </node>\n');
  }
  for (const { data: e } of graph.edges) {
    // GraphML requires both ends to be nodes of the graph.
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    out.push(
      `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">\n`,
    );
    const i = '      ';
    out.push(data('e_label', e.type, i), data('e_type', e.type, i));
    out.push(data('e_from', cellText(e.from), i), data('e_to', cellText(e.to), i));
    out.push(data('e_qualifier', cellText(e.qualifier), i), data('e_capacity', cellText(e.capacity), i));
    out.push(data('e_status', cellText(e.status), i), data('e_known', cellText(e.known), i));
    out.push(data('e_date', cellText(e.date), i), data('e_text', cellText(e.text), i));
    out.push(data('e_evidence_count', e.evidence.length, i));
    out.push(
      data('e_evidence_document_ids', [...new Set(e.evidence.map((x) => x.documentId))].join('; '), i),
    );
    out.push(data('e_evidence_quotes', e.evidence.map((x) => x.quote).join('\n'), i));
    out.push('    </edge>\n');
  }
  out.push('  </graph>\n</graphml>\n');
  return out.join('');
}
