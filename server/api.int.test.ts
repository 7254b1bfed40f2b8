import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountabilityByFinding,
  AccountabilityByFindingSchema,
  type AccountabilityByOrg,
  AccountabilityByOrgSchema,
  type DocumentView,
  type ErrorBody,
  type GraphSchemaInfo,
  type Health,
  type Neighbours,
  type NodeDetail,
  type SearchResult,
  type Timeline,
  TimelineSchema,
} from '../graph/contract/api.ts';
import type { Graph } from '../graph/driver.ts';
import { planCounts, prepareSeeds } from '../graph/seed/prepare.ts';
import {
  getJson,
  openTestGraph,
  PROJECT_ROOT,
  resetToProjectSeeds,
  startTestServer,
  type TestServer,
} from '../test/graph-helpers.ts';

let graph: Graph;
let server: TestServer;
const documents = new Map<string, string>();

async function documentText(id: string): Promise<string> {
  const cached = documents.get(id);
  if (cached) return cached;
  const { body } = await getJson<DocumentView>(`${server.url}/api/documents/${id}`);
  documents.set(id, body.text);
  return body.text;
}

beforeAll(async () => {
  graph = openTestGraph();
  await resetToProjectSeeds(graph);
  server = await startTestServer(graph);
});

afterAll(async () => {
  await server?.close();
  await graph?.close();
});

describe('GET /api/health and /api/schema', () => {
  it('reports Neo4j up and the seed graph counted', async () => {
    const { plan } = prepareSeeds(PROJECT_ROOT);
    const { status, body } = await getJson<Health>(`${server.url}/api/health`);
    expect(status).toBe(200);
    expect(body.neo4j).toMatchObject({ status: 'up', edition: 'community' });
    expect(body.neo4j.version).toMatch(/^5\.26\./);
    expect(body.graph).toEqual({ nodes: plan.nodes.length, relationships: plan.relationships.length });
  });

  it('lists labels and relationship types with their counts', async () => {
    const counts = planCounts(prepareSeeds(PROJECT_ROOT).plan);
    const { body } = await getJson<GraphSchemaInfo>(`${server.url}/api/schema`);
    expect(body.labels).toContainEqual({ label: 'Person', count: counts.nodes.Person });
    expect(body.relationshipTypes).toContainEqual({ type: 'HELD', count: counts.relationships.HELD });
    expect(body.propertyKeys).toContain('evidenceQuotes');
  });
});

describe('GET /api/search', () => {
  it('finds a person by a partial, lower-case name', async () => {
    const { body } = await getJson<SearchResult>(`${server.url}/api/search?q=jones-gree`);
    expect(body.results[0]).toMatchObject({ id: 'person:pat-jones-greenhalgh', label: 'Person' });
  });

  it('is tolerant of accents and case', async () => {
    const { body } = await getJson<SearchResult>(`${server.url}/api/search?q=KÁREN%20dol`);
    expect(body.results[0]?.id).toBe('person:karen-dolton');
  });

  it('filters by label and caps the results', async () => {
    const { body } = await getJson<SearchResult>(
      `${server.url}/api/search?q=bury&label=Organisation&limit=3`,
    );
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.length).toBeLessThanOrEqual(3);
    expect(body.results.every((r) => r.label === 'Organisation')).toBe(true);
  });

  it('treats Lucene syntax as plain text', async () => {
    const { status } = await getJson(`${server.url}/api/search?q=${encodeURIComponent('name:"x" OR *:* (')}`);
    expect(status).toBe(200);
  });

  it('rejects a missing query with 400', async () => {
    const { status, body } = await getJson<ErrorBody>(`${server.url}/api/search?q=`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_REQUEST');
  });
});

describe('GET /api/nodes/:id', () => {
  it("returns a node with evidence quotes that are found in their documents' text", async () => {
    const { status, body } = await getJson<NodeDetail>(`${server.url}/api/nodes/person:stuart-north`);
    expect(status).toBe(200);
    expect(body.node).toMatchObject({ id: 'person:stuart-north', label: 'Person', name: 'Stuart North' });
    expect(body.evidence.length).toBeGreaterThan(0);
    for (const e of body.evidence) expect(await documentText(e.documentId)).toContain(e.quote);
    expect(body.degree).toBeGreaterThan(0);
  });

  it('shows both sides of a disagreement as claims', async () => {
    const { body } = await getJson<NodeDetail>(
      `${server.url}/api/nodes/tenure:karen-dolton-bury-council-executive-director-children-young-people-and-culture`,
    );
    const values = body.claims.filter((c) => c.property === 'capacity').map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(['interim', 'acting']));
    expect(body.node.properties.disputedProperties).toContain('capacity');
  });

  it('is 404 with the uniform error body for an unknown id', async () => {
    const { status, body } = await getJson<ErrorBody>(`${server.url}/api/nodes/org:nowhere`);
    expect(status).toBe(404);
    expect(body).toEqual({
      error: { code: 'NOT_FOUND', message: "No node with id 'org:nowhere'", details: { id: 'org:nowhere' } },
    });
  });

  it('is 400 for an id that is not an id', async () => {
    const { status } = await getJson(`${server.url}/api/nodes/${encodeURIComponent("x' OR 1=1")}`);
    expect(status).toBe(400);
  });
});

describe('GET /api/nodes/:id/neighbours', () => {
  it('folds tenures into HOLDS edges that carry capacity and evidence', async () => {
    const { body } = await getJson<Neighbours>(
      `${server.url}/api/nodes/person:pat-jones-greenhalgh/neighbours`,
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
    const all = (await getJson<Neighbours>(url)).body;
    const in2017 = (await getJson<Neighbours>(`${url}&at=2017-07-01`)).body;
    const in2024 = (await getJson<Neighbours>(`${url}&at=2024-06-01`)).body;
    const ids = (n: Neighbours) => new Set(n.elements.nodes.map((x) => x.data.id));
    expect(ids(all).has('report:bury-council-nhs-gm-response-2024')).toBe(true);
    expect(ids(in2017).has('report:bury-council-nhs-gm-response-2024')).toBe(false);
    expect(ids(in2024).has('report:bury-council-nhs-gm-response-2024')).toBe(true);
    expect(in2017.total).toBeLessThan(all.total);
  });

  it('caps the neighbourhood and says it is truncated', async () => {
    const { body } = await getJson<Neighbours>(`${server.url}/api/nodes/org:bury-council/neighbours?limit=3`);
    expect(body.truncated).toBe(true);
    expect(body.total).toBeGreaterThan(3);
    expect(body.elements.nodes.length).toBe(4);
  });

  it('filters by relationship type', async () => {
    const { body } = await getJson<Neighbours>(
      `${server.url}/api/nodes/post:bury-council-chief-executive/neighbours?types=HOLDS`,
    );
    expect(body.elements.edges.length).toBeGreaterThan(0);
    expect(body.elements.edges.every((e) => e.data.type === 'HOLDS')).toBe(true);
  });

  it('rejects an impossible date and a year given for a day with 400', async () => {
    for (const at of ['2017-02-30', '2017', 'yesterday']) {
      const { status, body } = await getJson<ErrorBody>(
        `${server.url}/api/nodes/org:bury-council/neighbours?at=${at}`,
      );
      expect(status, at).toBe(400);
      expect(body.error.message).toMatch(/^at: /);
    }
  });
});

describe('GET /api/documents/:id', () => {
  it('returns the text and the date with its precision or bounds', async () => {
    const release = (
      await getJson<DocumentView>(
        `${server.url}/api/documents/doc:2017-11-21-bury-council-building-a-better-bury`,
      )
    ).body;
    expect(release.published).toBe('2017-11-21');
    expect(release.text).toMatch(/Issued:\s21 November 2017/);
    const bbc = (
      await getJson<DocumentView>(`${server.url}/api/documents/doc:2017-bbc-bury-two-years-behind`)
    ).body;
    expect(bbc.published).toBeNull();
    expect(bbc.publishedNotBefore).toBe('2017-06-16');
    expect(bbc.publishedReason).toBeTruthy();
  });
});

describe('GET /api/accountability', () => {
  it('names the interim chief executive of Bury Council as attested on the day of the November 2017 release', async () => {
    const { status, body } = await getJson<AccountabilityByOrg>(
      `${server.url}/api/accountability?org=org:bury-council&at=2017-11-21`,
    );
    expect(status).toBe(200);
    const ce = body.holders.find((h) => h.post.id === 'post:bury-council-chief-executive');
    expect(ce).toMatchObject({
      person: { id: 'person:pat-jones-greenhalgh', name: 'Pat Jones-Greenhalgh' },
      capacity: 'interim',
      certainty: 'attested',
    });
    // A press officer speaks for the council without answering for it.
    expect(body.holders.map((h) => h.post.id)).not.toContain('post:bury-council-press-officer');
    expect(ce?.evidence).toContainEqual({
      documentId: 'doc:2017-11-21-bury-council-building-a-better-bury',
      quote: "Pat Jones-Greenhalgh, the council's interim chief executive",
    });
  });

  it('says "not known" rather than guessing on a date the sources say nothing about', async () => {
    const { body } = await getJson<AccountabilityByOrg>(
      `${server.url}/api/accountability?org=org:bury-council&at=2015-03-01`,
    );
    expect(body.holders).toEqual([]);
    const ce = body.notKnown.find((n) => n.post.id === 'post:bury-council-chief-executive');
    expect(ce?.lastKnownBefore).toBeNull();
    expect(ce?.nextKnownAfter?.person.id).toBe('person:pat-jones-greenhalgh');
  });

  it('walks from the Written Statement of Action to who led the council and the CCG when it was accepted', async () => {
    const { body } = await getJson<AccountabilityByFinding>(
      `${server.url}/api/accountability?report=report:bury-written-statement-of-action-2017`,
    );
    expect(body.at).toBe('2017-11-21');
    const holders = body.holders.map((h) => `${h.person.id} ${h.post.id}`);
    expect(holders).toContain('person:pat-jones-greenhalgh post:bury-council-chief-executive');
    expect(holders).toContain('person:stuart-north post:nhs-bury-ccg-chief-officer');
    expect(body.organisations.map((o) => o.id)).toEqual(
      expect.arrayContaining(['org:bury-council', 'org:nhs-bury-ccg']),
    );
  });

  it('walks from a finding to its report, its organisations and the holders, each with evidence', async () => {
    const { status, body } = await getJson<AccountabilityByFinding>(
      `${server.url}/api/accountability?finding=finding:2017-no-champion-at-highest-strategic-level`,
    );
    expect(status).toBe(200);
    expect(body.report.id).toBe('report:bury-local-area-send-report-letter-2017');
    expect(body.finding.evidence.length).toBeGreaterThan(0);
    expect(body.organisations.map((o) => o.id)).toContain('org:bury-council');
    expect(body.at).not.toBeNull();
    expect(body.holders.length).toBeGreaterThan(0);
    for (const holder of body.holders) expect(holder.evidence.length).toBeGreaterThan(0);
  });

  it('walks from an inspection to the bodies answerable for the inspected area, dated by its fieldwork', async () => {
    const { body } = await getJson<AccountabilityByFinding>(
      `${server.url}/api/accountability?report=inspection:bury-local-area-send-2017`,
    );
    expect(body.at).toBe('2017-06-12/2017-06-16');
    const answerable = body.organisations.filter((o) => o.how.startsWith('answerable for Bury local area'));
    expect(answerable.map((o) => o.id)).toEqual(
      expect.arrayContaining(['org:bury-council', 'org:nhs-bury-ccg']),
    );
    for (const o of answerable) expect(o.evidence.length).toBeGreaterThan(0);
    // No source dated to the fieldwork names a holder; the BBC article, published between 16 June
    // and 21 November 2017, may date from its last day, so its holders are possible, never more.
    expect(body.holders.length).toBeGreaterThan(0);
    expect(body.holders.every((h) => h.certainty === 'possible')).toBe(true);
    const ce = body.holders.find((h) => h.post.id === 'post:bury-council-chief-executive');
    expect(ce?.person.id).toBe('person:pat-jones-greenhalgh');
    expect(ce?.basis).toContain('2017-06-16…2017-11-21');
  });

  it('names a holder a range-dated source shows in post as possible, with that source', async () => {
    const { body } = await getJson(`${server.url}/api/accountability?org=org:bury-council&at=2019-06-01`);
    const parsed = AccountabilityByOrgSchema.parse(body);
    const ce = parsed.holders.find((h) => h.post.id === 'post:bury-council-chief-executive');
    expect(ce).toMatchObject({
      person: { id: 'person:geoff-little' },
      certainty: 'possible',
      activity: 'in-post',
    });
    expect(ce?.attestations).toContainEqual(
      expect.objectContaining({
        documentId: 'doc:2018-03-to-2024-05-bury-send-revisit-progress',
        notBefore: '2018-03',
        notAfter: '2024-05-09',
      }),
    );
  });

  it('lists the holders of the bodies responsible for the local area as the sources name them on the date', async () => {
    const at = async (day: string) =>
      AccountabilityByOrgSchema.parse(
        (await getJson(`${server.url}/api/accountability?org=org:bury-local-area&at=${day}`)).body,
      );
    const in2017 = await at('2017-11-21');
    expect(in2017.scope.map((s) => s.id)).toEqual(
      expect.arrayContaining(['org:bury-council', 'org:nhs-bury-ccg']),
    );
    expect(in2017.scope.map((s) => s.id)).not.toContain('org:nhs-greater-manchester-icb');
    const holders2017 = in2017.holders.map((h) => h.organisation.id);
    expect(holders2017).toEqual(expect.arrayContaining(['org:bury-council', 'org:nhs-bury-ccg']));
    const in2024 = await at('2024-05-09');
    expect(in2024.scope.map((s) => s.id)).toEqual(
      expect.arrayContaining(['org:bury-council', 'org:nhs-greater-manchester-icb']),
    );
    expect(in2024.scope.map((s) => s.id)).not.toContain('org:nhs-bury-ccg');
    expect(in2024.holders.map((h) => h.organisation.id)).not.toContain('org:nhs-bury-ccg');
  });

  it('does not make the ICB answerable for the June 2017 findings', async () => {
    const { body } = await getJson(
      `${server.url}/api/accountability?finding=finding:2017-no-champion-at-highest-strategic-level`,
    );
    const parsed = AccountabilityByFindingSchema.parse(body);
    expect(parsed.organisations.map((o) => o.id)).not.toContain('org:nhs-greater-manchester-icb');
  });

  it('rejects a month where a day is required, and an unknown organisation', async () => {
    const bad = await getJson<ErrorBody>(`${server.url}/api/accountability?org=org:bury-council&at=2017-11`);
    expect(bad.status).toBe(400);
    const unknown = await getJson<ErrorBody>(
      `${server.url}/api/accountability?org=org:nowhere&at=2017-11-21`,
    );
    expect(unknown.status).toBe(404);
  });
});

describe('GET /api/timeline', () => {
  it('lists an organisation’s events in date order with their precision', async () => {
    const { body } = await getJson<Timeline>(`${server.url}/api/timeline?org=org:bury-council`);
    expect(body.subject).toMatchObject({ id: 'org:bury-council', label: 'Organisation' });
    const kinds = new Set(body.events.map((e) => e.kind));
    for (const kind of ['attestation', 'report', 'finding', 'statement'])
      expect(kinds.has(kind as never), kind).toBe(true);
    const starts = body.events.map((e) => e.date.split('/')[0] ?? '');
    expect([...starts].sort()).toEqual(starts);
    const bounded = body.events.find((e) => e.precision === 'bounded');
    expect(bounded?.date).toMatch(/^\d{4}(-\d{2}){0,2}\/\d{4}/);
  });

  it('dates a statement by its document rather than a coarser year, and keeps the ICB to its own time', async () => {
    const karen = TimelineSchema.parse(
      (await getJson(`${server.url}/api/timeline?person=person:karen-dolton`)).body,
    );
    const fantastic = karen.events.find(
      (e) => e.kind === 'statement' && e.detail?.startsWith("It's fantastic news that Ofsted and the CQC"),
    );
    expect(fantastic).toMatchObject({ date: '2017-10/2017-12-31', precision: 'bounded' });
    const icb = TimelineSchema.parse(
      (await getJson(`${server.url}/api/timeline?org=org:nhs-greater-manchester-icb`)).body,
    );
    expect(icb.events.map((e) => e.id)).not.toContain('inspection:bury-local-area-send-2017');
  });

  it("lists a person's attestations, statements and the documents that mention them", async () => {
    const { body } = await getJson<Timeline>(`${server.url}/api/timeline?person=person:karen-dolton`);
    const kinds = body.events.map((e) => e.kind);
    expect(kinds).toContain('attestation');
    expect(kinds).toContain('statement');
    expect(kinds).toContain('document');
  });

  it('is 400 without a subject', async () => {
    expect((await getJson(`${server.url}/api/timeline`)).status).toBe(400);
  });
});

describe('unknown API paths', () => {
  it('get the uniform 404 body', async () => {
    const { status, body } = await getJson<ErrorBody>(`${server.url}/api/nope`);
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });
});
