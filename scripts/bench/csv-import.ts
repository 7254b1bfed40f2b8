/**
 * Neo4j's own bulk path, for comparison with the loader: the plan written as CSV files (one per
 * label and per relationship type) and read back with `LOAD CSV … CALL { … } IN TRANSACTIONS OF
 * 10000 ROWS`, straight onto the graph (no generation switch: that is the loader's extra work).
 * CSV has no lists, so list properties are joined with a unit separator and split again in Cypher.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import type { Graph } from '../../graph/driver.ts';
import { applySchema, dropSchema, schemaStatements } from '../../graph/load/apply-schema.ts';
import { groupBy } from '../../graph/load/batches.ts';
import type { GraphPlan, Properties } from '../../graph/seed/plan.ts';

const LIST_SEPARATOR = '\u001f';
export const CSV_BATCH_ROWS = 10_000;

type Kind = 'string' | 'list' | 'number' | 'boolean';

function kindOf(value: Properties[string]): Kind {
  if (Array.isArray(value)) return 'list';
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
}

function cell(value: Properties[string] | undefined): string {
  if (value === undefined) return '';
  const text = Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

/** Each column's kind, from the first value seen; the synthetic plan's columns have one kind each. */
function columnsOf(rows: readonly Properties[]): Map<string, Kind> {
  const columns = new Map<string, Kind>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) if (!columns.has(key)) columns.set(key, kindOf(value));
  }
  return columns;
}

async function writeCsv(file: string, header: string[], rows: Iterable<string[]>): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${header.map((h) => `"${h}"`).join(',')}\n`);
  for (const row of rows) {
    if (!out.write(`${row.join(',')}\n`))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
}

/** `n.key = <row.key converted>` for each column; keys come from the plan, quoted as identifiers. */
function setters(variable: string, columns: Map<string, Kind>): string {
  return [...columns]
    .map(([key, kind]) => {
      const value = `row.\`${key}\``;
      const converted =
        kind === 'list'
          ? `CASE WHEN ${value} IS NULL THEN null ELSE split(${value}, '${LIST_SEPARATOR}') END`
          : kind === 'number'
            ? `toFloat(${value})`
            : kind === 'boolean'
              ? `toBoolean(${value})`
              : value;
      return `${variable}.\`${key}\` = ${converted}`;
    })
    .join(', ');
}

export interface CsvStatement {
  file: string;
  cypher: string;
  rows: number;
  /** Nodes are read first; relationships find their ends through the id constraints. */
  kind: 'nodes' | 'relationships';
}

/** Writes the CSV files into `dir` (the bench instance's import folder) and returns the statements. */
export async function writePlanCsv(plan: GraphPlan, dir: string): Promise<CsvStatement[]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const statements: CsvStatement[] = [];
  for (const [label, nodes] of groupBy(plan.nodes, (n) => n.label)) {
    const columns = columnsOf(nodes.map((n) => n.properties));
    const keys = [...columns.keys()];
    const file = `nodes-${label}.csv`;
    await writeCsv(
      path.join(dir, file),
      keys,
      nodes.map((n) => keys.map((k) => cell(n.properties[k]))),
    );
    statements.push({
      file,
      kind: 'nodes',
      rows: nodes.length,
      cypher: `LOAD CSV WITH HEADERS FROM 'file:///${file}' AS row
CALL (row) { CREATE (n:${label}) SET ${setters('n', columns)} } IN TRANSACTIONS OF ${CSV_BATCH_ROWS} ROWS`,
    });
  }
  const byEnds = groupBy(plan.relationships, (r) => `${r.type}-${r.sourceLabel}-${r.targetLabel}`);
  for (const [name, relationships] of byEnds) {
    const first = relationships[0];
    if (!first) continue;
    const columns = columnsOf(relationships.map((r) => r.properties));
    const keys = [...columns.keys()];
    const file = `relationships-${name}.csv`;
    await writeCsv(
      path.join(dir, file),
      ['_source', '_target', ...keys],
      relationships.map((r) => [cell(r.source), cell(r.target), ...keys.map((k) => cell(r.properties[k]))]),
    );
    statements.push({
      file,
      kind: 'relationships',
      rows: relationships.length,
      cypher: `LOAD CSV WITH HEADERS FROM 'file:///${file}' AS row
CALL (row) {
  MATCH (a:${first.sourceLabel} {id: row._source})
  MATCH (b:${first.targetLabel} {id: row._target})
  CREATE (a)-[r:${first.type}]->(b) SET ${setters('r', columns)}
} IN TRANSACTIONS OF ${CSV_BATCH_ROWS} ROWS`,
    });
  }
  return statements;
}

/**
 * Runs the statements into an empty graph the way a bulk import is best done, so the loader is
 * measured against LOAD CSV at its fastest: no index is updated row by row that can be built once.
 * The schema is dropped, the nodes are read, the id constraints built (the relationships' MATCH
 * needs them), the relationships read, then the full-text and relationship indexes built. Each
 * statement runs in its own auto-commit transaction, as IN TRANSACTIONS needs.
 */
export async function runCsvImport(graph: Graph, statements: readonly CsvStatement[]): Promise<void> {
  await dropSchema(graph);
  const session = graph.driver.session({ database: graph.database });
  try {
    for (const statement of statements.filter((s) => s.kind === 'nodes')) await session.run(statement.cypher);
    for (const constraint of schemaStatements().filter((s) => s.startsWith('CREATE CONSTRAINT')))
      await session.run(constraint);
    await session.run('CALL db.awaitIndexes(3600)');
    for (const statement of statements.filter((s) => s.kind === 'relationships'))
      await session.run(statement.cypher);
  } finally {
    await session.close();
  }
  await applySchema(graph, { awaitSeconds: 3600 });
}
