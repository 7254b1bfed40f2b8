import { describe, expect, it } from 'vitest';
import {
  AccountabilityByFindingSchema,
  AccountabilityByOrgSchema,
  GraphSchemaSchema,
  HealthSchema,
  TimelineSchema,
} from '../graph/contract/api.ts';
import { planCounts, prepareSeeds } from '../graph/seed/prepare.ts';
import { getError, getJson } from '../test/api-calls.ts';
import { PROJECT_ROOT, useSeededApp } from '../test/graph-helpers.ts';

// The API over the project's seeds, every answer parsed with its schema from graph/contract/api.ts.
// The explorer's endpoints (search, nodes, documents) are in api-explorer.int.test.ts.
const server = useSeededApp();

describe('GET /api/health and /api/schema', () => {
  it('reports Neo4j up and the seed graph counted', async () => {
    const { plan } = prepareSeeds(PROJECT_ROOT);
    const body = await getJson(`${server.url}/api/health`, HealthSchema);
    if (body.status !== 'ok') throw new Error(`health is ${body.status}`);
    expect(body.neo4j).toMatchObject({ status: 'up', edition: 'community' });
    expect(body.neo4j.version).toMatch(/^5\.26\./);
    expect(body.graph).toEqual({ nodes: plan.nodes.length, relationships: plan.relationships.length });
  });

  it('lists labels and relationship types with their counts', async () => {
    const counts = planCounts(prepareSeeds(PROJECT_ROOT).plan);
    const body = await getJson(`${server.url}/api/schema`, GraphSchemaSchema);
    expect(body.labels).toContainEqual({ label: 'Person', count: counts.nodes.Person });
    expect(body.relationshipTypes).toContainEqual({ type: 'HELD', count: counts.relationships.HELD });
    expect(body.propertyKeys).toContain('evidenceQuotes');
  });
});

describe('GET /api/accountability', () => {
  it('names the interim chief executive of Bury Council as attested on the day of the November 2017 release', async () => {
    const body = await getJson(
      `${server.url}/api/accountability?org=org:bury-council&at=2017-11-21`,
      AccountabilityByOrgSchema,
    );
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
    const body = await getJson(
      `${server.url}/api/accountability?org=org:bury-council&at=2015-03-01`,
      AccountabilityByOrgSchema,
    );
    expect(body.holders).toEqual([]);
    const ce = body.notKnown.find((n) => n.post.id === 'post:bury-council-chief-executive');
    expect(ce?.lastKnownBefore).toBeNull();
    expect(ce?.nextKnownAfter?.person.id).toBe('person:pat-jones-greenhalgh');
  });

  it('walks from the Written Statement of Action to who led the council and the CCG when it was accepted', async () => {
    const body = await getJson(
      `${server.url}/api/accountability?report=report:bury-written-statement-of-action-2017`,
      AccountabilityByFindingSchema,
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
    const body = await getJson(
      `${server.url}/api/accountability?finding=finding:2017-no-champion-at-highest-strategic-level`,
      AccountabilityByFindingSchema,
    );
    expect(body.report.id).toBe('report:bury-local-area-send-report-letter-2017');
    expect(body.finding.evidence.length).toBeGreaterThan(0);
    expect(body.organisations.map((o) => o.id)).toContain('org:bury-council');
    expect(body.at).not.toBeNull();
    expect(body.holders.length).toBeGreaterThan(0);
    for (const holder of body.holders) expect(holder.evidence.length).toBeGreaterThan(0);
  });

  it('walks from an inspection to the bodies answerable for the inspected area, dated by its fieldwork', async () => {
    const body = await getJson(
      `${server.url}/api/accountability?report=inspection:bury-local-area-send-2017`,
      AccountabilityByFindingSchema,
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
    const parsed = await getJson(
      `${server.url}/api/accountability?org=org:bury-council&at=2019-06-01`,
      AccountabilityByOrgSchema,
    );
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
    const at = (day: string) =>
      getJson(
        `${server.url}/api/accountability?org=org:bury-local-area&at=${day}`,
        AccountabilityByOrgSchema,
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
    const parsed = await getJson(
      `${server.url}/api/accountability?finding=finding:2017-no-champion-at-highest-strategic-level`,
      AccountabilityByFindingSchema,
    );
    expect(parsed.organisations.map((o) => o.id)).not.toContain('org:nhs-greater-manchester-icb');
  });

  it('rejects a month where a day is required, and an unknown organisation', async () => {
    const bad = await getError(`${server.url}/api/accountability?org=org:bury-council&at=2017-11`, 400);
    expect(bad.error.code).toBe('BAD_REQUEST');
    const unknown = await getError(`${server.url}/api/accountability?org=org:nowhere&at=2017-11-21`, 404);
    expect(unknown.error.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/timeline', () => {
  it('lists an organisation’s events in date order with their precision', async () => {
    const body = await getJson(`${server.url}/api/timeline?org=org:bury-council`, TimelineSchema);
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
    const karen = await getJson(`${server.url}/api/timeline?person=person:karen-dolton`, TimelineSchema);
    const fantastic = karen.events.find(
      (e) => e.kind === 'statement' && e.detail?.startsWith("It's fantastic news that Ofsted and the CQC"),
    );
    expect(fantastic).toMatchObject({ date: '2017-10/2017-12-31', precision: 'bounded' });
    const icb = await getJson(
      `${server.url}/api/timeline?org=org:nhs-greater-manchester-icb`,
      TimelineSchema,
    );
    expect(icb.events.map((e) => e.id)).not.toContain('inspection:bury-local-area-send-2017');
  });

  it("lists a person's attestations, statements and the documents that mention them", async () => {
    const body = await getJson(`${server.url}/api/timeline?person=person:karen-dolton`, TimelineSchema);
    const kinds = body.events.map((e) => e.kind);
    expect(kinds).toContain('attestation');
    expect(kinds).toContain('statement');
    expect(kinds).toContain('document');
  });

  it('is 400 without a subject', async () => {
    expect((await getError(`${server.url}/api/timeline`, 400)).error.code).toBe('BAD_REQUEST');
  });
});

describe('unknown API paths', () => {
  it('get the uniform 404 body', async () => {
    const body = await getError(`${server.url}/api/nope`, 404);
    expect(body.error.code).toBe('NOT_FOUND');
  });
});
