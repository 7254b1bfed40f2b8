import { describe, expect, it } from 'vitest';
import {
  DocumentSchema,
  ErrorBodySchema,
  HealthSchema,
  type Neighbours,
  NeighboursSchema,
  NodeDetailSchema,
  SearchResultSchema,
} from '../graph/contract/api.ts';
import { callJson, expectAnswer, getError, getJson } from '../test/api-calls.ts';
import { useSeededApp } from '../test/graph-helpers.ts';

// The explorer's endpoints over the project's seeds, every answer parsed with its schema, and a
// check that the parsing can fail.
const server = useSeededApp();
const documents = new Map<string, string>();

async function documentText(id: string): Promise<string> {
  const cached = documents.get(id);
  if (cached) return cached;
  const body = await getJson(`${server.url}/api/documents/${id}`, DocumentSchema);
  documents.set(id, body.text);
  return body.text;
}

describe('GET /api/search', () => {
  it('finds a person by a partial, lower-case name', async () => {
    const body = await getJson(`${server.url}/api/search?q=jones-gree`, SearchResultSchema);
    expect(body.results[0]).toMatchObject({ id: 'person:pat-jones-greenhalgh', label: 'Person' });
  });

  it('is tolerant of accents and case', async () => {
    const body = await getJson(`${server.url}/api/search?q=KÁREN%20dol`, SearchResultSchema);
    expect(body.results[0]?.id).toBe('person:karen-dolton');
  });

  it('filters by label and caps the results', async () => {
    const body = await getJson(
      `${server.url}/api/search?q=bury&label=Organisation&limit=3`,
      SearchResultSchema,
    );
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.length).toBeLessThanOrEqual(3);
    expect(body.results.every((r) => r.label === 'Organisation')).toBe(true);
  });

  it('treats Lucene syntax as plain text', async () => {
    const body = await getJson(
      `${server.url}/api/search?q=${encodeURIComponent('name:"x" OR *:* (')}`,
      SearchResultSchema,
    );
    expect(body.results.every((r) => r.score >= 0)).toBe(true);
  });

  it('rejects a missing query with 400', async () => {
    const body = await getError(`${server.url}/api/search?q=`, 400);
    expect(body.error.code).toBe('BAD_REQUEST');
  });
});

describe('GET /api/nodes/:id', () => {
  it("returns a node with evidence quotes that are found in their documents' text", async () => {
    const body = await getJson(`${server.url}/api/nodes/person:stuart-north`, NodeDetailSchema);
    expect(body.node).toMatchObject({ id: 'person:stuart-north', label: 'Person', name: 'Stuart North' });
    expect(body.evidence.length).toBeGreaterThan(0);
    for (const e of body.evidence) expect(await documentText(e.documentId)).toContain(e.quote);
    expect(body.degree).toBeGreaterThan(0);
  });

  it('shows both sides of a disagreement as claims', async () => {
    const body = await getJson(
      `${server.url}/api/nodes/tenure:karen-dolton-bury-council-executive-director-children-young-people-and-culture`,
      NodeDetailSchema,
    );
    const values = body.claims.filter((c) => c.property === 'capacity').map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['interim', 'acting']));
    expect(body.node.properties.disputedProperties).toContain('capacity');
  });

  it('is 404 with the uniform error body for an unknown id', async () => {
    const body = await getError(`${server.url}/api/nodes/org:nowhere`, 404);
    expect(body).toEqual({
      error: { code: 'NOT_FOUND', message: "No node with id 'org:nowhere'", details: { id: 'org:nowhere' } },
    });
  });

  it('is 400 for an id that is not an id', async () => {
    const body = await getError(`${server.url}/api/nodes/${encodeURIComponent("x' OR 1=1")}`, 400);
    expect(body.error.code).toBe('BAD_REQUEST');
  });
});

describe('GET /api/nodes/:id/neighbours', () => {
  it('folds tenures into HOLDS edges that carry capacity and evidence', async () => {
    const body = await getJson(
      `${server.url}/api/nodes/person:pat-jones-greenhalgh/neighbours`,
      NeighboursSchema,
    );
    const holds = body.elements.edges.find((e) => e.data.type === 'HOLDS');
    expect(holds?.data).toMatchObject({
      source: 'person:pat-jones-greenhalgh',
      target: 'post:bury-council-chief-executive',
      capacity: 'interim',
      known: 'attested',
    });
    expect(holds?.data.evidence.length).toBeGreaterThan(0);
    const ids = new Set(body.elements.nodes.map((n) => n.data.id));
    for (const edge of body.elements.edges) {
      expect(ids.has(edge.data.source) && ids.has(edge.data.target)).toBe(true);
    }
  });

  it('keeps only relationships in force on the date given by at=', async () => {
    const url = `${server.url}/api/nodes/org:bury-council/neighbours?limit=500`;
    const all = await getJson(url, NeighboursSchema);
    const in2017 = await getJson(`${url}&at=2017-07-01`, NeighboursSchema);
    const in2024 = await getJson(`${url}&at=2024-06-01`, NeighboursSchema);
    const ids = (n: Neighbours) => new Set(n.elements.nodes.map((x) => x.data.id));
    expect(ids(all).has('report:bury-council-nhs-gm-response-2024')).toBe(true);
    expect(ids(in2017).has('report:bury-council-nhs-gm-response-2024')).toBe(false);
    expect(ids(in2024).has('report:bury-council-nhs-gm-response-2024')).toBe(true);
    expect(in2017.total).toBeLessThan(all.total);
  });

  it('caps the neighbourhood and says it is truncated', async () => {
    const body = await getJson(
      `${server.url}/api/nodes/org:bury-council/neighbours?limit=3`,
      NeighboursSchema,
    );
    expect(body.truncated).toBe(true);
    expect(body.total).toBeGreaterThan(3);
    expect(body.elements.nodes.length).toBe(4);
  });

  it('filters by relationship type', async () => {
    const body = await getJson(
      `${server.url}/api/nodes/post:bury-council-chief-executive/neighbours?types=HOLDS`,
      NeighboursSchema,
    );
    expect(body.elements.edges.length).toBeGreaterThan(0);
    expect(body.elements.edges.every((e) => e.data.type === 'HOLDS')).toBe(true);
  });

  it('rejects an impossible date and a year given for a day with 400', async () => {
    for (const at of ['2017-02-30', '2017', 'yesterday']) {
      const body = await getError(`${server.url}/api/nodes/org:bury-council/neighbours?at=${at}`, 400);
      expect(body.error.code, at).toBe('BAD_REQUEST');
      expect(body.error.message).toMatch(/^at: /);
    }
  });
});

describe('GET /api/documents/:id', () => {
  it('returns the text and the date with its precision or bounds', async () => {
    const release = await getJson(
      `${server.url}/api/documents/doc:2017-11-21-bury-council-building-a-better-bury`,
      DocumentSchema,
    );
    expect(release.published).toBe('2017-11-21');
    expect(release.text).toMatch(/Issued:\s21 November 2017/);
    const bbc = await getJson(
      `${server.url}/api/documents/doc:2017-bbc-bury-two-years-behind`,
      DocumentSchema,
    );
    expect(bbc.published).toBeNull();
    expect(bbc.publishedNotBefore).toBe('2017-06-16');
    expect(bbc.publishedReason).toBeTruthy();
  });
});

describe('the contract check every test above reads through', () => {
  it('fails on an answer that does not match its schema, or has another status', async () => {
    const url = `${server.url}/api/health`;
    await expect(getJson(url, SearchResultSchema)).rejects.toThrow(/does not match its schema/);
    await expect(getJson(url, HealthSchema, 503)).rejects.toThrow(/expected status 503, got 200/);
    await expect(getJson(`${server.url}/api/nope`, HealthSchema)).rejects.toThrow(/expected status 200/);
    await expect(getJson(`${server.url}/api/nope`, ErrorBodySchema, 404)).resolves.toBeTruthy();
  });

  it('fails on a field the schema does not name, so a new field cannot slip past the contract', async () => {
    const answer = await callJson(`${server.url}/api/documents/doc:2017-bbc-bury-two-years-behind`);
    expect(() => expectAnswer(answer, DocumentSchema.omit({ url: true }), 200, 'document')).toThrow(/"url"/);
    expect(expectAnswer(answer, DocumentSchema, 200, 'document').id).toBe(
      'doc:2017-bbc-bury-two-years-behind',
    );
  });
});
