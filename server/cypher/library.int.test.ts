import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherResponseSchema } from '../../graph/contract/api.ts';
import { QUERY_LIBRARY } from '../../graph/contract/query-library.ts';
import type { Graph } from '../../graph/driver.ts';
import { fingerprintGraph } from '../../graph/fingerprint.ts';
import { openTestGraph, resetToProjectSeeds, TEST_SERVER_CONFIG } from '../../test/graph-helpers.ts';
import { runConsoleQuery } from './run.ts';

let graph: Graph;

beforeAll(async () => {
  graph = openTestGraph();
  await resetToProjectSeeds(graph);
});

afterAll(async () => {
  await graph?.close();
});

describe('the console’s library of saved questions', () => {
  it('has at least eight questions with unique ids, titles and descriptions', () => {
    expect(QUERY_LIBRARY.length).toBeGreaterThanOrEqual(8);
    expect(new Set(QUERY_LIBRARY.map((q) => q.id)).size).toBe(QUERY_LIBRARY.length);
    for (const item of QUERY_LIBRARY) {
      expect(item.id).toMatch(/^[a-z0-9-]+$/);
      expect(item.title.length, item.id).toBeGreaterThan(10);
      expect(item.description.length, item.id).toBeGreaterThan(20);
      // Every $parameter the query uses has a value in the saved params, so it runs as saved.
      const used = new Set([...item.query.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
      expect([...used].sort(), item.id).toEqual(Object.keys(item.params ?? {}).sort());
    }
  });

  it.each(QUERY_LIBRARY.map((item) => [item.id, item] as const))(
    '%s passes the guard and returns rows on the seed graph',
    async (_id, item) => {
      const response = CypherResponseSchema.parse(
        await runConsoleQuery(graph, { query: item.query, params: item.params }, TEST_SERVER_CONFIG.cypher),
      );
      expect(response.rows.length).toBeGreaterThanOrEqual(1);
      expect(response.summary.truncated).toBe(false);
      expect(response.columns.length).toBeGreaterThan(0);
      // Each row has a value in every column: no column is wholly null.
      for (const [c, column] of response.columns.entries()) {
        expect(
          response.rows.some((row) => row[c] !== null),
          `${item.id}: column ${column}`,
        ).toBe(true);
      }
      // Something to draw: every question returns nodes for the graph view.
      expect(response.elements.nodes.length).toBeGreaterThan(0);
    },
  );

  it('answers the 2017 question with people attested in 2017, and the both-inspections one with a post', async () => {
    const byId = (id: string) => {
      const item = QUERY_LIBRARY.find((q) => q.id === id);
      if (!item) throw new Error(`no library question ${id}`);
      return runConsoleQuery(graph, { query: item.query, params: item.params }, TEST_SERVER_CONFIG.cypher);
    };
    const holders = await byId('holders-at-2017-inspection');
    const people = holders.rows.map((row) => (row[2] as { name: string }).name);
    expect(people).toEqual(expect.arrayContaining(['Pat Jones-Greenhalgh', 'Stuart North']));
    expect(people).not.toContain('Geoff Little');

    const both = await byId('posts-at-both-inspections');
    const posts = both.rows.map((row) => (row[1] as { id: string }).id);
    expect(posts).toContain('post:bury-council-chief-executive');
  });

  it('leaves the graph as it was', async () => {
    const before = await fingerprintGraph(graph);
    for (const item of QUERY_LIBRARY)
      await runConsoleQuery(graph, { query: item.query, params: item.params }, TEST_SERVER_CONFIG.cypher);
    expect(await fingerprintGraph(graph)).toBe(before);
  });
});
