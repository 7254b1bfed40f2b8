import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../driver.ts';
import type { NodeLabel, RelationshipType } from '../seed/schema.ts';
import { BEGIN_EDIT, END_EDIT } from '../switch-guard.ts';
import { approximateBytes, assertLabel, assertType, chunks, groupBy } from './batches.ts';
import type { PlanDiff } from './diff.ts';
import { explainLimit } from './limit-error.ts';

const BATCH = 500;

const createNodes = (label: NodeLabel) => `
UNWIND $rows AS row
CREATE (n:${label}) SET n = row.properties`;
// The hash read before the write must still be there: a load that raced this one fails instead of
// overwriting what it wrote.
const updateNodes = (label: NodeLabel) => `
UNWIND $rows AS row
MATCH (n:${label} {id: row.id}) WHERE n.seedHash = row.was SET n = row.properties
RETURN count(n) AS written`;
const deleteNodes = (label: NodeLabel) => `
UNWIND $ids AS id
MATCH (n:${label} {id: id}) DETACH DELETE n`;
const createRelationships = (type: RelationshipType, sourceLabel: NodeLabel, targetLabel: NodeLabel) => `
UNWIND $rows AS row
MATCH (a:${sourceLabel} {id: row.source})
MATCH (b:${targetLabel} {id: row.target})
CREATE (a)-[r:${type}]->(b) SET r = row.properties
RETURN count(r) AS written`;
const updateRelationships = (type: RelationshipType) => `
UNWIND $rows AS row
MATCH ()-[r:${type} {id: row.id}]->() WHERE r.seedHash = row.was SET r = row.properties
RETURN count(r) AS written`;
const deleteRelationships = (type: RelationshipType) => `
UNWIND $ids AS id
MATCH ()-[r:${type} {id: id}]->() DELETE r`;

function expectWritten(written: unknown, expected: number, what: string, why: string): void {
  if (Number(written ?? 0) !== expected)
    throw new Error(`Only ${Number(written ?? 0)} of ${expected} ${what} ${why}`);
}
const RACED = 'still held what this load read: another load changed the graph meanwhile';

/**
 * Time limit of the edit's transaction, and so of the mark it leaves on the switch marker: a killed
 * loader's mark stops counting once its edit can no longer be running.
 */
const IN_PLACE_TIMEOUT_MS = 600_000;

/**
 * Applies a small diff in ONE transaction, straight onto the served graph, only the changed items
 * touched: readers see the graph before or after. The switch marker is marked as being edited, with
 * a new version, before the write and given another version after it (see BEGIN_EDIT in
 * switch-guard.ts), so an answer kept from before (the opening's) is known to be out of date and
 * none worked out meanwhile is kept.
 */
export async function applyInPlace(
  graph: Graph,
  diff: PlanDiff,
  was: { nodes: Map<string, { hash: string }>; relationships: Map<string, { hash: string }> },
  progress: (n: number, step: string) => void,
): Promise<void> {
  await graph.write((tx) => tx.run(BEGIN_EDIT, { timeoutMs: neo4j.int(IN_PLACE_TIMEOUT_MS) }));
  try {
    await writeInPlace(graph, diff, was, progress);
  } finally {
    await graph.write((tx) => tx.run(END_EDIT));
  }
}

/**
 * Rewrites the items' properties in batches, each only where the item still has the hash this load
 * read (`was`): a count short of the batch means another load changed the graph meanwhile.
 */
async function updateInBatches(
  tx: ManagedTransaction,
  query: string,
  items: readonly { id: string; properties: Record<string, unknown> }[],
  was: Map<string, { hash: string }>,
  what: string,
): Promise<void> {
  for (const batch of chunks(items, BATCH)) {
    const result = await tx.run(query, {
      rows: batch.map((item) => ({ id: item.id, was: was.get(item.id)?.hash, properties: item.properties })),
    });
    expectWritten(result.records[0]?.get('written'), batch.length, what, RACED);
  }
}

async function writeInPlace(
  graph: Graph,
  diff: PlanDiff,
  was: { nodes: Map<string, { hash: string }>; relationships: Map<string, { hash: string }> },
  progress: (n: number, step: string) => void,
): Promise<void> {
  const { nodes, relationships } = diff;
  const bytes =
    approximateBytes([...nodes.create, ...nodes.update]) +
    approximateBytes([...relationships.create, ...relationships.update]);
  const items =
    nodes.create.length +
    nodes.update.length +
    nodes.delete.length +
    relationships.create.length +
    relationships.update.length +
    relationships.delete.length;
  try {
    await graph.write(
      async (tx: ManagedTransaction) => {
        // Relationships first on delete, so no node is detached from something the plan keeps.
        for (const [type, items] of groupBy(relationships.delete, (d) => d.group)) {
          assertType(type);
          for (const batch of chunks(items, BATCH)) {
            await tx.run(deleteRelationships(type), { ids: batch.map((d) => d.id) });
            progress(batch.length, `deleted ${type}`);
          }
        }
        for (const [label, items] of groupBy(nodes.delete, (d) => d.group)) {
          assertLabel(label);
          for (const batch of chunks(items, BATCH)) {
            await tx.run(deleteNodes(label), { ids: batch.map((d) => d.id) });
            progress(batch.length, `deleted ${label}`);
          }
        }
        for (const [label, items] of groupBy(nodes.create, (n) => n.label)) {
          assertLabel(label);
          for (const batch of chunks(items, BATCH)) {
            await tx.run(createNodes(label), { rows: batch.map((n) => ({ properties: n.properties })) });
            progress(batch.length, `created ${label}`);
          }
        }
        for (const [label, items] of groupBy(nodes.update, (n) => n.label)) {
          assertLabel(label);
          await updateInBatches(tx, updateNodes(label), items, was.nodes, `${label} nodes`);
          progress(items.length, `updated ${label}`);
        }
        for (const [, items] of groupBy(
          relationships.create,
          (r) => `${r.type}|${r.sourceLabel}|${r.targetLabel}`,
        )) {
          const first = items[0];
          if (!first) continue;
          assertType(first.type);
          assertLabel(first.sourceLabel);
          assertLabel(first.targetLabel);
          for (const batch of chunks(items, BATCH)) {
            const result = await tx.run(
              createRelationships(first.type, first.sourceLabel, first.targetLabel),
              {
                rows: batch.map((r) => ({ source: r.source, target: r.target, properties: r.properties })),
              },
            );
            expectWritten(
              result.records[0]?.get('written'),
              batch.length,
              `${first.type} relationships`,
              'found both their ends',
            );
            progress(batch.length, `created ${first.type}`);
          }
        }
        for (const [type, items] of groupBy(relationships.update, (r) => r.type)) {
          assertType(type);
          await updateInBatches(
            tx,
            updateRelationships(type),
            items,
            was.relationships,
            `${type} relationships`,
          );
          progress(items.length, `updated ${type}`);
        }
      },
      { timeoutMs: IN_PLACE_TIMEOUT_MS },
    );
  } catch (error) {
    throw explainLimit(error, { step: 'writing the changes in one transaction', items, bytes });
  }
}
