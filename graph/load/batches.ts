import { NODE_LABELS, type NodeLabel, RELATIONSHIP_TYPES, type RelationshipType } from '../seed/schema.ts';

/** Only labels and types from the schema's fixed lists are ever placed into Cypher text. */
export function assertLabel(label: string): asserts label is NodeLabel {
  if (!NODE_LABELS.includes(label as NodeLabel)) throw new Error(`Unknown label ${label}`);
}
export function assertType(type: string): asserts type is RelationshipType {
  if (!RELATIONSHIP_TYPES.includes(type as RelationshipType))
    throw new Error(`Unknown relationship type ${type}`);
}

/**
 * Property keys are written into the batch statements' text (an explicit `SET n.key = row.key` each,
 * which Cypher plans without the Eager step a whole-map `SET n = row` gets): only plain identifiers,
 * and each is quoted as one besides.
 */
export function assertPropertyKey(key: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
    throw new Error(`Property key ${JSON.stringify(key)} is not a plain identifier`);
}

/** Every key any row has, in first-seen order, each checked by assertPropertyKey. */
export function propertyKeys(rows: readonly Record<string, unknown>[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  for (const key of keys) assertPropertyKey(key);
  return [...keys];
}

/**
 * A batch sent as columns, one list per property key (`$c0`, `$c1`, …, null where a row lacks the
 * key), read back by row index: Bolt carries each key once per batch instead of once per row, and
 * neither the driver nor Neo4j builds a map for every row. `setters` writes the matching SET clause.
 */
export function columns(
  rows: readonly Record<string, unknown>[],
  keys: readonly string[],
): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  keys.forEach((key, k) => {
    const column = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) column[i] = rows[i]?.[key] ?? null;
    out[`c${k}`] = column;
  });
  return out;
}

/** `n.\`a\` = $c0[i], …`: a null sets nothing, which leaves the property unset, as a map would. */
export function setters(variable: string, keys: readonly string[], index = 'i'): string {
  return keys.map((key, k) => `${variable}.\`${key}\` = $c${k}[${index}]`).join(', ');
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Batches of at most `maxItems` items and about `maxBytes` of properties (a single larger item is a
 * batch of its own): large batches mean fewer round trips and commits, the byte cap keeps a batch of
 * 4 KB documents as small in memory as a batch of short relationships.
 */
export function chunksByBytes<T extends { properties: Record<string, unknown> }>(
  items: readonly T[],
  maxItems: number,
  maxBytes: number,
): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = propertiesSize(item.properties);
    if (current.length > 0 && (current.length >= maxItems || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * About how many bytes a node's or relationship's properties take on the wire: the characters of
 * its keys and strings, 8 for anything else. Cheaper than serialising them, which at a million
 * relationships meant turning 1.2 GB into JSON only to measure it.
 */
export function propertiesSize(properties: Record<string, unknown>): number {
  let size = 0;
  for (const key in properties) size += key.length + valueSize(properties[key]);
  return size;
}

function valueSize(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) {
    let size = 0;
    for (const item of value) size += valueSize(item);
    return size;
  }
  return 8;
}

/** Rough size of what a batch sends to Neo4j, to say how large a write was when it hit a limit. */
export function approximateBytes(rows: readonly { properties: Record<string, unknown> }[]): number {
  let bytes = 0;
  for (const row of rows) bytes += propertiesSize(row.properties);
  return bytes;
}

/**
 * Runs the tasks in order with at most `depth` of them unfinished at a time: while Neo4j works on
 * one batch, the next is packed and sent. The first failure stops new tasks from starting; the ones
 * already running are awaited (so nothing is left writing behind the caller) and the failure thrown.
 */
export async function inFlight(tasks: Iterable<() => Promise<void>>, depth: number): Promise<void> {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const task of tasks) {
    if (failure) break;
    const promise: Promise<void> = task()
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => running.delete(promise));
    running.add(promise);
    if (running.size >= depth) await Promise.race(running);
  }
  await Promise.all(running);
  if (failure) throw failure.error;
}
