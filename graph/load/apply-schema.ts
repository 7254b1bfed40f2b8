import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
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

/**
 * Creates constraints and indexes (idempotent), then waits until the indexes are online: a
 * constraint created over data that breaks it fails here, naming the constraint.
 */
export async function applySchema(graph: Graph, options: { awaitSeconds?: number } = {}): Promise<number> {
  const statements = [...schemaStatements(), ...relationshipIndexStatements()];
  for (const statement of statements) {
    // Schema commands cannot share a transaction with data writes, so each runs on its own.
    await graph.write((tx) => tx.run(statement));
  }
  const awaitSeconds = neo4j.int(options.awaitSeconds ?? 120);
  await graph.write((tx) => tx.run('CALL db.awaitIndexes($awaitSeconds)', { awaitSeconds }), {
    timeoutMs: (options.awaitSeconds ?? 120) * 1000 + 30_000,
  });
  return statements.length;
}

/**
 * Drops every constraint and index but the label and type lookups (which label scans, such as the
 * switch marker's read, start from). Only for an empty graph about to take a first load: building
 * each index once over the loaded graph costs far less than updating it in every batch, and no one
 * reads the graph until the first load has ended (see first-load.ts). applySchema puts them back.
 */
export async function dropSchema(graph: Graph): Promise<void> {
  const { constraints, indexes } = await graph.write(async (tx) => ({
    constraints: (await tx.run('SHOW CONSTRAINTS YIELD name RETURN name')).records.map((r) =>
      String(r.get('name')),
    ),
    indexes: (
      await tx.run(
        "SHOW INDEXES YIELD name, type, owningConstraint WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN name",
      )
    ).records.map((r) => String(r.get('name'))),
  }));
  // Names come from Neo4j's own listing, quoted as identifiers; a constraint takes its index with it.
  for (const name of constraints)
    await graph.write((tx) => tx.run(`DROP CONSTRAINT ${quoted(name)} IF EXISTS`));
  for (const name of indexes) await graph.write((tx) => tx.run(`DROP INDEX ${quoted(name)} IF EXISTS`));
}

const quoted = (name: string) => `\`${name.replaceAll('`', '``')}\``;
