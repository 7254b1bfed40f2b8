import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestGraph, PROJECT_ROOT, wipeGraph } from '../../test/graph-helpers.ts';
import type { Graph } from '../driver.ts';
import { fingerprintGraph } from '../fingerprint.ts';
import type { GraphPlan } from '../seed/plan.ts';
import { planCounts, prepareSeeds } from '../seed/prepare.ts';
import { SeedValidationError } from '../seed/problems.ts';
import { readSwitch, SWITCH_LABEL } from '../switch-guard.ts';
import { applySchema } from './apply-schema.ts';
import { loadPlan } from './load-plan.ts';
import { loadSeeds } from './load-seeds.ts';

let graph: Graph;

/** A copy of the project's seeds in a temporary root, to edit without touching the real ones. */
function copySeeds(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'seeds-copy-'));
  cpSync(path.join(PROJECT_ROOT, 'seeds'), path.join(root, 'seeds'), { recursive: true });
  return root;
}

function editFile(root: string, relative: string, edit: (text: string) => string): void {
  const file = path.join(root, relative);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${relative} changed nothing`);
  writeFileSync(file, after);
}

async function countsInGraph(): Promise<{
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}> {
  return graph.read(async (tx) => {
    // The switch marker is the loader's bookkeeping, not a node the seeds plan.
    const nodes = await tx.run(
      `MATCH (n) WHERE NOT n:${SWITCH_LABEL} RETURN labels(n)[0] AS label, count(*) AS count`,
    );
    const rels = await tx.run('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count');
    return {
      nodes: Object.fromEntries(nodes.records.map((r) => [r.get('label'), Number(r.get('count'))])),
      relationships: Object.fromEntries(rels.records.map((r) => [r.get('type'), Number(r.get('count'))])),
    };
  });
}

beforeAll(async () => {
  graph = openTestGraph();
});
beforeEach(async () => {
  await wipeGraph(graph);
});
afterAll(async () => {
  await graph?.close();
});

describe('loading the seeds into Neo4j', () => {
  it('writes exactly the nodes and relationships the seed files plan, per label and type', async () => {
    const { plan } = prepareSeeds(PROJECT_ROOT);
    const report = await loadSeeds(graph, PROJECT_ROOT);
    expect(report.totals.nodes.created).toBe(plan.nodes.length);
    expect(report.totals.relationships.created).toBe(plan.relationships.length);
    expect(await countsInGraph()).toEqual(planCounts(plan));
  });

  it('changes nothing on a second load: 0 created, 0 updated, same fingerprint', async () => {
    await loadSeeds(graph, PROJECT_ROOT);
    const before = await fingerprintGraph(graph);
    const second = await loadSeeds(graph, PROJECT_ROOT);
    expect(second.totals.nodes).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(second.totals.relationships).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    expect(await fingerprintGraph(graph)).toBe(before);
  });

  it('gives every relationship at least one evidence quote that is found in its document', async () => {
    await loadSeeds(graph, PROJECT_ROOT);
    const result = await graph.read((tx) =>
      tx.run(`
        MATCH ()-[r]->()
        WITH r, coalesce(r.evidenceDocumentIds, []) AS ids, coalesce(r.evidenceQuotes, []) AS quotes
        OPTIONAL CALL (r, ids, quotes) {
          UNWIND range(0, size(ids) - 1) AS i
          MATCH (d:Document {id: ids[i]})
          WHERE d.text CONTAINS quotes[i]
          RETURN count(*) AS found
        }
        RETURN count(r) AS total,
               count(CASE WHEN size(ids) = 0 OR size(ids) <> size(quotes) THEN 1 END) AS withoutEvidence,
               count(CASE WHEN found < size(ids) THEN 1 END) AS withMissingQuote`),
    );
    const record = result.records[0];
    expect(Number(record?.get('total'))).toBeGreaterThan(300);
    expect(Number(record?.get('withoutEvidence'))).toBe(0);
    expect(Number(record?.get('withMissingQuote'))).toBe(0);
  });

  it('links each document to every entity it gives evidence for', async () => {
    await loadSeeds(graph, PROJECT_ROOT);
    const result = await graph.read((tx) =>
      tx.run(`
        MATCH (n) WHERE NOT n:Document AND n.evidenceDocumentIds IS NOT NULL
        UNWIND n.evidenceDocumentIds AS docId
        WITH n, docId WHERE NOT EXISTS { (:Document {id: docId})-[:MENTIONS]->(n) }
        RETURN count(*) AS missing`),
    );
    expect(Number(result.records[0]?.get('missing'))).toBe(0);
  });

  it('leaves the graph byte-for-byte as it was when a seed file is broken', async () => {
    await loadSeeds(graph, PROJECT_ROOT);
    const before = await fingerprintGraph(graph);
    const root = copySeeds();
    editFile(root, 'seeds/facts/people-posts-tenures.yaml', (t) =>
      t.replace('Stuart North, chief officer', 'Stuart North, chief exec'),
    );
    editFile(root, 'seeds/facts/organisations.yaml', (t) => `${t}\n  - id: org:broken\n    name: [\n`);
    const error = await loadSeeds(graph, root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedValidationError);
    const files = (error as SeedValidationError).problems.map((p) => p.file);
    expect(files).toContain('seeds/facts/organisations.yaml');
    expect(await fingerprintGraph(graph)).toBe(before);
  });

  it('rolls back everything when the database refuses part of a load', async () => {
    await loadSeeds(graph, PROJECT_ROOT);
    // The refused edit marks the switch marker as being edited and clears it again, with a new
    // version (see switch-guard.ts): the data is what must be as it was.
    const data = { exceptLabels: [SWITCH_LABEL] };
    const before = await fingerprintGraph(graph, data);
    const { plan } = prepareSeeds(PROJECT_ROOT);
    // A plan that updates a node, then creates a relationship to a node that does not exist.
    const broken: GraphPlan = {
      nodes: plan.nodes.map((n) =>
        n.id === 'person:karen-dolton'
          ? { ...n, properties: { ...n.properties, name: 'Changed', seedHash: 'x' } }
          : n,
      ),
      relationships: [
        ...plan.relationships,
        {
          id: 'STATED:person:karen-dolton>org:nowhere',
          type: 'STATED',
          source: 'person:karen-dolton',
          target: 'org:nowhere',
          sourceLabel: 'Person',
          targetLabel: 'Organisation',
          properties: { id: 'STATED:person:karen-dolton>org:nowhere', seedHash: 'y' },
        },
      ],
    };
    await applySchema(graph);
    await expect(loadPlan(graph, broken)).rejects.toThrow(/found both their ends/);
    expect(await fingerprintGraph(graph, data)).toBe(before);
    expect(await graph.read(readSwitch)).toMatchObject({ active: false, editing: false });
  });

  it('changes only what an edit touches, and removes what the seeds no longer hold', async () => {
    await loadSeeds(graph, PROJECT_ROOT);
    const root = copySeeds();
    editFile(root, 'seeds/facts/people-posts-tenures.yaml', (t) =>
      t.replace(/(- id: person:brian-duffy\n\s+name: )Brian Duffy/, '$1Brian A. Duffy'),
    );
    const edited = await loadSeeds(graph, root);
    // The person, and the tenure whose display name is made from the person's name; nothing else.
    expect(edited.totals.nodes).toMatchObject({ created: 0, updated: 2, deleted: 0 });
    expect(edited.nodes.Person?.updated).toBe(1);
    expect(edited.nodes.Tenure?.updated).toBe(1);
    expect(edited.totals.relationships).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    const name = await graph.read(async (tx) =>
      (await tx.run("MATCH (p:Person {id: 'person:brian-duffy'}) RETURN p.name AS name")).records[0]?.get(
        'name',
      ),
    );
    expect(name).toBe('Brian A. Duffy');

    // Remove one relationship from the seeds: only it goes.
    editFile(root, 'seeds/facts/organisations.yaml', (t) => {
      const start = t.indexOf('  - type: REPORTS_TO');
      if (start < 0) throw new Error('fixture changed: no REPORTS_TO in organisations.yaml');
      const end = t.indexOf('\n  - ', start + 5);
      return t.slice(0, start) + (end < 0 ? '' : t.slice(end + 1));
    });
    const removed = await loadSeeds(graph, root);
    expect(removed.relationships.REPORTS_TO?.deleted).toBe(1);
    expect(removed.totals.nodes).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    const reportsTo = await graph.read(async (tx) =>
      Number(
        (
          await tx.run(
            "MATCH (:Organisation {id: 'org:bury-send-partnership-board'})-[r:REPORTS_TO]->() RETURN count(r) AS c",
          )
        ).records[0]?.get('c'),
      ),
    );
    expect(reportsTo).toBe(0);
  });
});
