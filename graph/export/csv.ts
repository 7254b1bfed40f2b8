import { cellText, type ExportGraph } from './elements.ts';

/**
 * CSV as RFC 4180 has it: CRLF between records, a field quoted when it holds a comma, a quote, a
 * line break or leading/trailing space, quotes doubled inside. Any table (the Cypher console's
 * result, say) goes through `tableToCsv`; `graphToCsv` writes the two files of a graph.
 */

export interface CsvOptions {
  /**
   * Prefix a cell that starts with = + - @, a tab or a carriage return (or their full-width forms)
   * with an apostrophe, so a spreadsheet shows it rather than running it as a formula: names and
   * quotes come from documents and queries, not from us. A plain number such as -3.5 is left alone.
   */
  guardFormulas?: boolean;
  /** Start with a UTF-8 byte order mark, so Excel reads accents and dashes correctly. */
  bom?: boolean;
}

const BOM = '\uFEFF';

// Excel, LibreOffice and Google Sheets start a formula at any of these (DDE payloads start with - or +).
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The cell as a spreadsheet should show it: never a formula. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

function field(value: string, guardFormulas: boolean): string {
  const text = guardFormulas ? neutraliseFormula(value) : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells (the first row the header) as CSV text. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>, options: CsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const body = rows.map((row) => row.map((cell) => field(cell, guard)).join(',')).join('\r\n');
  return `${options.bom ? BOM : ''}${body}\r\n`;
}

/** A result table (column names, rows of any values) as CSV; lists joined by "; ", objects as JSON. */
export function tableToCsv(
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  options: CsvOptions = {},
): string {
  return toCsv([[...columns], ...rows.map((row) => columns.map((_, i) => cellText(row[i])))], options);
}

export const NODE_COLUMNS = ['id', 'label', 'name', 'kind', 'date', 'disputed', 'x', 'y'] as const;
export const RELATIONSHIP_COLUMNS = [
  'id',
  'type',
  'source',
  'source_name',
  'target',
  'target_name',
  'from',
  'to',
  'qualifier',
  'capacity',
  'status',
  'known',
  'date',
  'text',
  'evidence_count',
  'evidence_document_ids',
  'evidence_sources',
  'evidence_quotes',
] as const;

export interface GraphCsv {
  nodes: string;
  relationships: string;
}

/**
 * The graph as two CSV files: one row per node, one per relationship with its evidence (document
 * ids, their titles when `sourceTitles` knows them, and the quotes, one per line in the cell).
 */
export function graphToCsv(
  graph: ExportGraph,
  sourceTitles: Readonly<Record<string, string>> = {},
  options: CsvOptions = { bom: true },
): GraphCsv {
  const names = new Map(graph.nodes.map((n) => [n.data.id, n.data.name]));
  const nodes = graph.nodes.map((n) => [
    n.data.id,
    n.data.label,
    n.data.name,
    cellText(n.data.kind),
    cellText(n.data.date),
    cellText(n.data.disputed),
    n.position ? String(Math.round(n.position.x * 100) / 100) : '',
    n.position ? String(Math.round(n.position.y * 100) / 100) : '',
  ]);
  const relationships = graph.edges.map(({ data: e }) => {
    const ids = [...new Set(e.evidence.map((ev) => ev.documentId))];
    return [
      e.id,
      e.type,
      e.source,
      names.get(e.source) ?? '',
      e.target,
      names.get(e.target) ?? '',
      cellText(e.from),
      cellText(e.to),
      cellText(e.qualifier),
      cellText(e.capacity),
      cellText(e.status),
      cellText(e.known),
      cellText(e.date),
      cellText(e.text),
      String(e.evidence.length),
      ids.join('; '),
      ids.map((id) => sourceTitles[id] ?? '').join('; '),
      e.evidence.map((ev) => ev.quote).join('\n'),
    ];
  });
  return {
    nodes: toCsv([[...NODE_COLUMNS], ...nodes], options),
    relationships: toCsv([[...RELATIONSHIP_COLUMNS], ...relationships], options),
  };
}
