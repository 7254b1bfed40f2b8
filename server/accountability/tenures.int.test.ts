import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountabilityByFinding,
  AccountabilityByFindingSchema,
  AccountabilityByOrgSchema,
  NeighboursSchema,
  TimelineSchema,
} from '../../graph/contract/api.ts';
import { PostsChartSchema } from '../../graph/contract/posts-chart.ts';
import type { Graph } from '../../graph/driver.ts';
import { makeTenureSeedRoot } from '../../graph/seed/fixtures/tenure-fixture.ts';
import { callJson } from '../../test/api-calls.ts';
import {
  openTestGraph,
  resetToProjectSeeds,
  startTestServer,
  type TestServer,
} from '../../test/graph-helpers.ts';

// The messy cases of who held a post, on a fixture seed root built for them, through the API.
// Every response is parsed with its contract schema.

/** The status and body as sent; each test parses the body with its schema. */
async function getJson<T = unknown>(url: string): Promise<{ status: number; body: T }> {
  const answer = await callJson(url);
  return { status: answer.status, body: answer.body as T };
}

let graph: Graph;
let server: TestServer;

beforeAll(async () => {
  graph = openTestGraph();
  await resetToProjectSeeds(graph, makeTenureSeedRoot());
  server = await startTestServer(graph);
});

afterAll(async () => {
  await server?.close();
  await graph?.close();
});

async function accountability(org: string, at: string) {
  const { status, body } = await getJson(`${server.url}/api/accountability?org=${org}&at=${at}`);
  expect(status).toBe(200);
  return AccountabilityByOrgSchema.parse(body);
}

describe('accountability on the messy cases', () => {
  it('a suspended substantive holder and the interim acting: both, each saying what they were doing', async () => {
    const body = await accountability('org:fixture-council', '2019-02-15');
    const ce = body.holders.filter((h) => h.post.id === 'post:fixture-council-chief-executive');
    const sam = ce.find((h) => h.person.id === 'person:sam-sterling');
    const ivy = ce.find((h) => h.person.id === 'person:ivy-irwin');
    expect(sam).toMatchObject({ capacity: 'substantive', activity: 'suspended', certainty: 'possible' });
    expect(sam?.periods[0]).toMatchObject({ kind: 'suspended', from: '2019-02-01', to: null });
    expect(sam?.periods[0]?.evidence[0]?.documentId).toBe('doc:fixture-gazette-2019');
    expect(sam?.fromEvidence[0]?.documentId).toBe('doc:fixture-gazette-2015');
    expect(ivy).toMatchObject({ capacity: 'interim', activity: 'in-post', certainty: 'inferred' });
    // Before the suspension, only the substantive holder, in post.
    const before = await accountability('org:fixture-council', '2017-11-21');
    const ceBefore = before.holders.filter((h) => h.post.id === 'post:fixture-council-chief-executive');
    expect(ceBefore.map((h) => [h.person.id, h.activity])).toEqual([['person:sam-sterling', 'in-post']]);
  });

  it('a range-dated source overlapping the date: the interim as possible, with that source', async () => {
    const body = await accountability('org:fixture-council', '2019-06-01');
    const ivy = body.holders.find((h) => h.person.id === 'person:ivy-irwin');
    expect(ivy?.certainty).toBe('possible');
    expect(ivy?.attestations).toContainEqual(
      expect.objectContaining({
        documentId: 'doc:fixture-newsletter',
        notBefore: '2019-03',
        notAfter: '2019-12-31',
      }),
    );
  });

  it('a post stated vacant between two holders: not known, the vacancy and every source bearing on the date', async () => {
    const body = await accountability('org:fixture-council', '2018-06-01');
    expect(body.holders.map((h) => h.post.id)).not.toContain(
      'post:fixture-council-director-of-childrens-services',
    );
    expect(body.vacancies).toEqual([
      expect.objectContaining({
        post: expect.objectContaining({ id: 'post:fixture-council-director-of-childrens-services' }),
        date: '2018-06-01',
      }),
    ]);
    const dcs = body.notKnown.find(
      (n) => n.post.id === 'post:fixture-council-director-of-childrens-services',
    );
    expect(dcs?.lastKnownBefore).toEqual({
      person: { id: 'person:dee-dunn', name: 'Dee Dunn' },
      date: '2017-11-21',
    });
    expect(dcs?.sources?.map((s) => s.relation)).toEqual(['before']);
    // The next holder's stated start, after the vacancy.
    const later = await accountability('org:fixture-council', '2018-10-01');
    expect(
      later.holders.find((h) => h.post.id === 'post:fixture-council-director-of-childrens-services'),
    ).toMatchObject({
      person: { id: 'person:ed-ellis' },
      certainty: 'possible',
    });
  });

  it('a tenure that ended says how, with its evidence', async () => {
    const body = await accountability('org:fixture-council', '2017-11-21');
    const dee = body.holders.find((h) => h.person.id === 'person:dee-dunn');
    expect(dee).toMatchObject({ certainty: 'attested', to: '2018-02' });
    expect(dee?.end).toMatchObject({ reason: 'resigned', date: '2018-02' });
    expect(dee?.end?.evidence[0]?.documentId).toBe('doc:fixture-gazette-2018');
  });

  it('two joint holders and one person in two posts, all on the same day', async () => {
    const board = await accountability('org:fixture-partnership-board', '2017-11-21');
    expect(board.holders.map((h) => h.person.id).sort()).toEqual(['person:jim-judd', 'person:joan-jones']);
    const area = await accountability('org:fixture-local-area', '2017-11-21');
    const pat = area.holders.filter((h) => h.person.id === 'person:pat-price').map((h) => h.post.id);
    expect(pat.sort()).toEqual([
      'post:fixture-ccg-accountable-officer',
      'post:fixture-council-director-of-public-health',
    ]);
  });

  it('the bodies responsible for the local area, as the sources name them at each date', async () => {
    const in2017 = await accountability('org:fixture-local-area', '2017-11-21');
    expect(in2017.scope.map((s) => s.id).sort()).toEqual([
      'org:fixture-ccg',
      'org:fixture-council',
      'org:fixture-local-area',
    ]);
    const in2024 = await accountability('org:fixture-local-area', '2024-05-09');
    expect(in2024.scope.map((s) => s.id).sort()).toEqual([
      'org:fixture-council',
      'org:fixture-icb',
      'org:fixture-local-area',
    ]);
    expect(in2024.holders.map((h) => h.organisation.id)).not.toContain('org:fixture-ccg');
  });

  it('an organisation succeeded: its successor answers after the succession date', async () => {
    const body = await accountability('org:fixture-ccg', '2023-01-01');
    expect(body.scope.map((s) => s.id)).toEqual(['org:fixture-icb']);
    expect(body.scope[0]?.relation).toContain('successor of Fixture CCG since 2022-07-01');
    const before = await accountability('org:fixture-ccg', '2017-11-21');
    expect(before.scope.map((s) => s.id)).toEqual(['org:fixture-ccg']);
  });

  it('a finding of June 2017 is answered for by the bodies of 2017, dated by the whole fieldwork', async () => {
    const { body } = await getJson<AccountabilityByFinding>(
      `${server.url}/api/accountability?finding=finding:fixture-joint-working`,
    );
    const parsed = AccountabilityByFindingSchema.parse(body);
    expect(parsed.at).toBe('2017-06-12/2017-06-16');
    const ids = parsed.organisations.map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining(['org:fixture-council', 'org:fixture-ccg']));
    expect(ids).not.toContain('org:fixture-icb');
  });
});

describe('the neighbours date filter', () => {
  it('marks relationships certainly or only possibly in force on the date', async () => {
    const url = (id: string, at: string) => `${server.url}/api/nodes/${id}/neighbours?at=${at}&types=HOLDS`;
    const dee = NeighboursSchema.parse((await getJson(url('person:dee-dunn', '2017-11-21'))).body);
    expect(dee.elements.edges.map((e) => e.data.inForce)).toEqual(['certain']);
    const ivy = NeighboursSchema.parse((await getJson(url('person:ivy-irwin', '2019-06-01'))).body);
    expect(ivy.elements.edges.map((e) => e.data.inForce)).toEqual(['possible']);
    // After Dee Dunn's stated end, the tenure is not returned at all.
    const after = NeighboursSchema.parse((await getJson(url('person:dee-dunn', '2018-06-01'))).body);
    expect(after.elements.edges).toEqual([]);
  });
});

describe('timelines', () => {
  it('the successor body does not list the inspection of a time before it answered for the area', async () => {
    const icb = TimelineSchema.parse((await getJson(`${server.url}/api/timeline?org=org:fixture-icb`)).body);
    expect(icb.events.map((e) => e.id)).not.toContain('inspection:fixture-local-area-2017');
    const council = TimelineSchema.parse(
      (await getJson(`${server.url}/api/timeline?org=org:fixture-council`)).body,
    );
    const inspection = council.events.find((e) => e.id === 'inspection:fixture-local-area-2017');
    expect(inspection).toMatchObject({ date: '2017-06-12/2017-06-16', precision: 'bounded' });
    expect(council.events.find((e) => e.id === 'finding:fixture-joint-working')?.date).toBe(
      '2017-06-12/2017-06-16',
    );
    expect(council.events.map((e) => e.kind)).toContain('vacancy');
  });

  it('an undated statement takes its document’s date', async () => {
    const dee = TimelineSchema.parse(
      (await getJson(`${server.url}/api/timeline?person=person:dee-dunn`)).body,
    );
    expect(dee.events.find((e) => e.kind === 'statement')).toMatchObject({
      date: '2017-11-21',
      precision: 'day',
    });
    expect(dee.events.find((e) => e.title.includes('ended: resigned'))?.date).toBe('2018-02');
  });
});

describe('GET /api/posts-chart', () => {
  it('returns the posts of the area and of the bodies answerable with it, with spans, periods, vacancies and events', async () => {
    const { status, body } = await getJson(`${server.url}/api/posts-chart?org=org:fixture-local-area`);
    expect(status).toBe(200);
    const chart = PostsChartSchema.parse(body);
    expect(chart.organisations.map((o) => o.id).sort()).toEqual([
      'org:fixture-ccg',
      'org:fixture-council',
      'org:fixture-icb',
      'org:fixture-local-area',
    ]);
    const council = chart.organisations.find((o) => o.id === 'org:fixture-council');
    const ce = council?.posts.find((p) => p.id === 'post:fixture-council-chief-executive');
    const sam = ce?.tenures.find((t) => t.person.id === 'person:sam-sterling');
    expect(sam?.spans.stated).toEqual({ start: '2015-04-01', end: null });
    expect(sam?.periods.map((p) => p.kind)).toEqual(['suspended']);
    const ivy = ce?.tenures.find((t) => t.person.id === 'person:ivy-irwin');
    expect(ivy?.spans.inferred).toEqual([{ start: '2019-02-01', end: '2019-03-01' }]);
    expect(ivy?.attestations[0]).toMatchObject({ date: '2019-03/2019-12-31' });
    const dcs = council?.posts.find((p) => p.id === 'post:fixture-council-director-of-childrens-services');
    expect(dcs?.vacancies[0]).toMatchObject({ date: '2018-06-01' });
    expect(chart.organisations.find((o) => o.id === 'org:fixture-ccg')?.succeededBy).toEqual([
      { id: 'org:fixture-icb', name: 'Fixture Integrated Care Board', date: '2022-07-01' },
    ]);
    const inspection = chart.events.find((e) => e.id === 'inspection:fixture-local-area-2017');
    expect(inspection).toMatchObject({
      date: '2017-06-12/2017-06-16',
      start: '2017-06-12',
      end: '2017-06-16',
    });
    expect(chart.events.find((e) => e.id === 'finding:fixture-joint-working')?.foundBy).toBe(
      'inspection:fixture-local-area-2017',
    );
    expect(chart.extent.start).toBe('2015-04-01');
  });

  it('limits tenures and events to the range asked for', async () => {
    const chart = PostsChartSchema.parse(
      (await getJson(`${server.url}/api/posts-chart?org=org:fixture-council&from=2019&to=2019`)).body,
    );
    const people = chart.organisations.flatMap((o) =>
      o.posts.flatMap((p) => p.tenures.map((t) => t.person.id)),
    );
    expect(people).toContain('person:ivy-irwin');
    expect(people).not.toContain('person:dee-dunn');
    expect(chart.events).toEqual([]);
  });

  it('is 400 for a bad range and 404 for an unknown organisation', async () => {
    expect(
      (await getJson(`${server.url}/api/posts-chart?org=org:fixture-council&from=last-year`)).status,
    ).toBe(400);
    expect((await getJson(`${server.url}/api/posts-chart?org=org:nowhere`)).status).toBe(404);
  });
});
