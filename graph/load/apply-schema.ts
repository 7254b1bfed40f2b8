import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Graph } from '../driver.ts';
import { RELATIONSHIP_TYPES } from '../seed/schema.ts';

const SCHEMA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schema');

/** The statements of the `.cypher` files in graph/schema, in file order, comments removed. */
export function schemaStatements(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.cypher'))
    .sort()
    .flatMap((name) =>
      readFileSync(path.join(SCHEMA_DIR, name), 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .split(';')
        .map((statement) => statement.trim())
        .filter(Boolean),
    );
}

/**
 * A range index on the id of each relationship type, so the loader finds a relationship by id
 * without a scan. The types come from the schema's fixed list, never from input.
 */
export function relationshipIndexStatements(): string[] {
  return RELATIONSHIP_TYPES.map(
    (type) => `CREATE INDEX rel_${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id)`,
  );
}

/** Creates constraints and indexes (idempotent), then waits until the indexes are online. */
export async function applySchema(graph: Graph): Promise<number> {
  const statements = [...schemaStatements(), ...relationshipIndexStatements()];
  for (const statement of statements) {
    // Schema commands cannot share a transaction with data writes, so each runs on its own.
    await graph.write((tx) => tx.run(statement));
  }
  await graph.write((tx) => tx.run('CALL db.awaitIndexes(120)'));
  return statements.length;
}
