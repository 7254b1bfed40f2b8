// The top-level `attestations` list: a later document's facts file attests a tenure kept in another
// file, and the loader merges it into that tenure in Neo4j (one tenure, both attestations).
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestGraph, wipeGraph } from '../../test/graph-helpers.ts';
import type { Graph } from '../driver.ts';
import { loadSeeds } from '../load/load-seeds.ts';
import { makeSeedRoot } from './fixtures/make-seed-root.ts';
import { prepareSeeds } from './prepare.ts';
import { SeedValidationError } from './problems.ts';

const LATER_TEXT =
  'Council update\nPublished 4 March 2019.\nJo Bloggs, chief executive, opened the new centre.';
const LATER_DOCUMENT = `id: doc:fixture-later
text: later.txt
title: A later update
publisher: Fixture Council
kind: news
published: { date: "2019-03-04", quote: "Published 4 March 2019." }
`;
const attesting = (tenure: string, quote: string) => `attestations:
  - tenure: ${tenure}
    documentId: doc:fixture-later
    quote: "${quote}"
`;

function rootWith(facts: string) {
  return makeSeedRoot({
    extra: {
      'seeds/documents/later.txt': LATER_TEXT,
      'seeds/documents/later.yaml': LATER_DOCUMENT,
      'seeds/facts/later.yaml': facts,
    },
  });
}

let graph: Graph;
const roots: string[] = [];
beforeAll(async () => {
  graph = openTestGraph();
  await wipeGraph(graph);
});
afterAll(async () => {
  await wipeGraph(graph);
  await graph?.close();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('attestations kept apart from their tenure', () => {
  it('are merged into the tenure they name, wherever it is kept', async () => {
    const root = rootWith(attesting('tenure:jo-bloggs-chief-executive', 'Jo Bloggs, chief executive'));
    roots.push(root);
    await loadSeeds(graph, root);
    const tenures = await graph.read(async (tx) => {
      const result = await tx.run(
        'MATCH (t:Tenure) RETURN t.id AS id, t.attestationDocumentIds AS docs, t.attestedDays AS days, t.evidenceQuotes AS quotes',
      );
      return result.records.map((r) => r.toObject());
    });
    expect(tenures).toHaveLength(1);
    expect(tenures[0]).toMatchObject({
      id: 'tenure:jo-bloggs-chief-executive',
      docs: ['doc:fixture-release', 'doc:fixture-later'],
      days: ['2017-11-21', '2019-03-04'],
    });
    expect(tenures[0]?.quotes).toContain('Jo Bloggs, chief executive');
    const held = await graph.read(async (tx) => {
      const result = await tx.run(
        'MATCH (:Person {id: "person:jo-bloggs"})-[h:HELD]->(:Tenure) RETURN h.attestationDocumentIds AS docs',
      );
      return result.records.map((r) => r.get('docs'));
    });
    expect(held).toEqual([['doc:fixture-release', 'doc:fixture-later']]);
  });

  it('refuse an unknown tenure, naming file, entry and path', () => {
    const root = rootWith(attesting('tenure:nobody-anything', 'Jo Bloggs, chief executive'));
    roots.push(root);
    const error = (() => {
      try {
        prepareSeeds(root);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(SeedValidationError);
    expect((error as SeedValidationError).problems).toEqual([
      {
        file: 'seeds/facts/later.yaml',
        entry: 'attestations[0] (tenure:nobody-anything)',
        path: 'tenure',
        message: "unknown tenure 'tenure:nobody-anything'",
      },
    ]);
  });

  it('refuse a quote that is not in the document', () => {
    const root = rootWith(attesting('tenure:jo-bloggs-chief-executive', 'Jo Bloggs, chief of everything'));
    roots.push(root);
    expect(() => prepareSeeds(root)).toThrow(SeedValidationError);
    try {
      prepareSeeds(root);
    } catch (e) {
      const [problem] = (e as SeedValidationError).problems;
      expect(problem).toMatchObject({ file: 'seeds/facts/later.yaml', path: 'quote' });
    }
  });
});
