/**
 * The console's result table as data: how each value reads in a cell (nodes and relationships by
 * name, paths as chains), how a column sorts, and the CSV a user copies. No DOM here.
 */

export interface NodeValue {
  id: string;
  label: string;
  name: string;
  properties: Record<string, unknown>;
}

export interface RelationshipValue {
  id: string;
  type: string;
  source?: string;
  target?: string;
  properties: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A node as the server's mapper writes it: `{id, label, name, properties}`. */
export function isNodeValue(value: unknown): value is NodeValue {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.label === 'string' &&
    typeof value.name === 'string' &&
    isRecord(value.properties) &&
    !('type' in value)
  );
}

/** A relationship as the server's mapper writes it: `{id, type, source, target, properties}`. */
export function isRelationshipValue(value: unknown): value is RelationshipValue {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.type === 'string' &&
    isRecord(value.properties)
  );
}

/** A path is written as a list alternating node, relationship, node… */
export function isPathValue(value: unknown): value is Array<NodeValue | RelationshipValue> {
  return (
    Array.isArray(value) &&
    value.length >= 3 &&
    value.length % 2 === 1 &&
    value.every((item, i) => (i % 2 === 0 ? isNodeValue(item) : isRelationshipValue(item)))
  );
}

/** id → name, for relationship ends (from the response's elements and any nodes in the rows). */
export type NameLookup = ReadonlyMap<string, string>;

const APP_ID = /^[a-z]+:[a-z0-9-]+$/;

/**
 * A relationship by the names of its ends. An end the query did not return is known only by its
 * id: the graph's own id reads well enough, Neo4j's element id does not, so it shows as `…`.
 */
function relationshipText(rel: RelationshipValue, names: NameLookup): string {
  const end = (id: string | undefined) => {
    if (id === undefined) return '…';
    return names.get(id) ?? (APP_ID.test(id) ? id : '…');
  };
  return `${end(rel.source)} –${rel.type}→ ${end(rel.target)}`;
}

function pathText(path: Array<NodeValue | RelationshipValue>): string {
  let text = (path[0] as NodeValue).name;
  for (let i = 1; i < path.length; i += 2) {
    const rel = path[i] as RelationshipValue;
    const previous = path[i - 1] as NodeValue;
    const node = path[i + 1] as NodeValue;
    const forward = rel.source === undefined || rel.source === previous.id;
    text += forward ? ` –${rel.type}→ ${node.name}` : ` ←${rel.type}– ${node.name}`;
  }
  return text;
}

/** How a value reads in a table cell and in CSV. `null` reads as an empty cell. */
export function cellText(value: unknown, names: NameLookup = new Map()): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isNodeValue(value)) return value.name;
  if (isRelationshipValue(value)) return relationshipText(value, names);
  if (isPathValue(value)) return pathText(value);
  if (Array.isArray(value)) return value.map((item) => cellText(item, names)).join('; ');
  if (isRecord(value))
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}: ${cellText(item, names)}`)
      .join(', ')}}`;
  return String(value);
}

/** The names of every node in the rows, for relationships whose ends are not in the elements. */
export function namesFrom(
  rows: readonly unknown[][],
  nodes: ReadonlyArray<{ data: { id: string; name: string } }>,
) {
  const names = new Map<string, string>();
  for (const node of nodes) names.set(node.data.id, node.data.name);
  const stack: unknown[] = [...rows];
  while (stack.length > 0) {
    const item = stack.pop();
    if (isNodeValue(item)) names.set(item.id, item.name);
    else if (Array.isArray(item)) stack.push(...item);
    else if (isRecord(item) && !isRelationshipValue(item)) stack.push(...Object.values(item));
  }
  return names;
}

export type SortDirection = 'ascending' | 'descending';
export interface SortKey {
  column: number;
  direction: SortDirection;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Numbers by value, everything else by its cell text; empty cells last whichever the direction. */
export function compareCells(a: unknown, b: unknown, names: NameLookup = new Map()): number {
  const aEmpty = a === null || a === undefined;
  const bEmpty = b === null || b === undefined;
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(cellText(a, names), cellText(b, names));
}

/** Rows sorted by one column (stably); the original order when `key` is null. */
export function sortRows<T extends readonly unknown[]>(
  rows: readonly T[],
  key: SortKey | null,
  names: NameLookup = new Map(),
): T[] {
  if (!key) return [...rows];
  const sign = key.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row[key.column];
      const b = y.row[key.column];
      const empty = (v: unknown) => v === null || v === undefined;
      // Empty cells stay last in both directions.
      if (empty(a) !== empty(b)) return empty(a) ? 1 : -1;
      return sign * compareCells(a, b, names) || x.index - y.index;
    })
    .map(({ row }) => row);
}

/** The next sort after clicking a column's header: ascending, then descending, then unsorted. */
export function nextSort(current: SortKey | null, column: number): SortKey | null {
  if (!current || current.column !== column) return { column, direction: 'ascending' };
  if (current.direction === 'ascending') return { column, direction: 'descending' };
  return null;
}

/**
 * A text a spreadsheet would run as a formula starts with one of these; a leading apostrophe makes
 * it text again (the OWASP advice for CSV injection). A minus before a digit is a number, left be.
 */
function defuse(text: string): string {
  return /^[=+@\t\r]/.test(text) || /^-(?![\d.])/.test(text) ? `'${text}` : text;
}

function csvField(text: string): string {
  const safe = defuse(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV: a header row, then one line per row, CRLF between lines. */
export function toCsv(
  columns: readonly string[],
  rows: readonly unknown[][],
  names: NameLookup = new Map(),
): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((_, i) => csvField(cellText(row[i], names))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
