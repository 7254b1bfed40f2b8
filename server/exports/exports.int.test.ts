import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../graph/contract/api.ts';
import { TenureDatasetSchema } from '../../graph/contract/exports.ts';
import type { Graph as Neo4jGraph } from '../../graph/driver.ts';
import { FtmEntitySchema, ftmReferenceProblems } from '../../graph/export/ftm-schema.ts';
import { PopoloFileSchema } from '../../graph/export/popolo-schema.ts';
import { WIKIDATA_COLUMNS } from '../../graph/export/wikidata.ts';
import { prepareSeeds } from '../../graph/seed/prepare.ts';
import { getJson } from '../../test/api-calls.ts';
import {
  openTestGraph,
  PROJECT_ROOT,
  resetToProjectSeeds,
  startTestServer,
  type TestServer,
} from '../../test/graph-helpers.ts';

const ORG = 'org:bury-council';
const PAT = 'tenure:pat-jones-greenhalgh-bury-council-chief-executive';
const PAT_QUOTE = "Pat Jones-Greenhalgh, the council's interim chief executive";
const RELEASE = 'doc:2017-11-21-bury-council-building-a-better-bury';

let graph: Neo4jGraph;
let server: TestServer;

/** What the seeds say Bury Council's export must hold: its posts, their tenures and holders. */
function expected() {
  const { plan } = prepareSeeds(PROJECT_ROOT);
  const posts = plan.relationships
    .filter((r) => r.type === 'POST_IN' && r.target === ORG)
    .map((r) => r.source);
  const tenures = plan.nodes.filter(
    (n) => n.label === 'Tenure' && posts.includes(String(n.properties.postId)),
  );
  const persons = new Set(tenures.map((t) => String(t.properties.personId)));
  // One Wikidata row per tenure and distinct source sentence (attestations and evidence).
  const rows = tenures.reduce((sum, t) => {
    const ids = [
      ...(t.properties.attestationDocumentIds as string[]),
      ...(t.properties.evidenceDocumentIds as string[]),
    ];
    const quotes = [
      ...(t.properties.attestationQuotes as string[]),
      ...(t.properties.evidenceQuotes as string[]),
    ];
    return sum + new Set(ids.map((id, i) => `${id}\n${quotes[i]}`)).size;
  }, 0);
  return { posts: posts.length, tenures: tenures.length, persons: persons.size, rows };
}

async function file(
  format: string,
  org = ORG,
): Promise<{ status: number; type: string; name: string; text: string }> {
  const response = await fetch(`${server.url}/api/exports/${format}?org=${encodeURIComponent(org)}`);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    name: response.headers.get('content-disposition') ?? '',
    text: await response.text(),
  };
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

describe('GET /api/exports/dataset', () => {
  it("holds an organisation's posts, every tenure of them and their holders, as the seeds say", async () => {
    const dataset = await getJson(`${server.url}/api/exports/dataset?org=${ORG}`, TenureDatasetSchema);
    const want = expected();
    expect([dataset.posts.length, dataset.tenures.length, dataset.persons.length]).toEqual([
      want.posts,
      want.tenures,
      want.persons,
    ]);
    expect(dataset.subject).toEqual({ id: ORG, name: 'Bury Council' });
    // The project's seeds quote every source: nothing in them rests on citations.
    expect(dataset.tenures.every((t) => t.evidenceKind === 'quoted' && t.citations.length === 0)).toBe(true);
    const pat = dataset.tenures.find((t) => t.id === PAT);
    expect(pat).toMatchObject({ capacity: 'interim', from: null, to: null });
    expect(pat?.attestations).toContainEqual({
      documentId: RELEASE,
      quote: PAT_QUOTE,
      notBefore: '2017-11-21',
      notAfter: '2017-11-21',
    });
    const karen = dataset.tenures.find((t) => t.personId === 'person:karen-dolton');
    expect(karen?.claims.map((c) => c.value).sort()).toEqual(['acting', 'interim']);
  });

  it('POST: the tenures among chosen nodes, with the organisation their post belongs to', async () => {
    const response = await fetch(`${server.url}/api/exports/dataset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nodeIds: ['person:pat-jones-greenhalgh', 'post:bury-council-chief-executive'] }),
    });
    const dataset = TenureDatasetSchema.parse(await response.json());
    expect(dataset.tenures.map((t) => t.id)).toEqual([PAT]);
    expect(dataset.organisations.map((o) => o.id)).toEqual([ORG]);
    expect(dataset.documents.map((d) => d.id)).toContain(RELEASE);
  });

  it('says which organisation is unknown and which format is not one', async () => {
    expect((await file('popolo', 'org:nowhere')).status).toBe(404);
    const bad = await file('xlsx');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.code).toBe('BAD_REQUEST');
  });
});

describe('GET /api/exports/:format?org=', () => {
  it('Popolo: valid, one membership per tenure, the known membership with its attestation and quote', async () => {
    const res = await file('popolo');
    expect(res.type).toMatch(/^application\/json/);
    expect(res.name).toContain('org-bury-council.popolo.json');
    const popolo = PopoloFileSchema.parse(JSON.parse(res.text));
    const want = expected();
    expect([popolo.posts.length, popolo.memberships.length, popolo.persons.length]).toEqual([
      want.posts,
      want.tenures,
      want.persons,
    ]);
    const pat = popolo.memberships.find((m) => m.id === PAT);
    expect(pat).toMatchObject({
      person_id: 'person:pat-jones-greenhalgh',
      post_id: 'post:bury-council-chief-executive',
      organization_id: ORG,
    });
    expect(pat).not.toHaveProperty('start_date');
    expect(pat?.extra).toMatchObject({ '+capacity': 'interim', '+certainty': 'attested' });
    expect(pat?.extra?.['+attestations']).toContainEqual(
      expect.objectContaining({ date: '2017-11-21', quote: PAT_QUOTE }),
    );
    // The source's URL is the app's copy of the document, and the quote is in it.
    const source = pat?.sources?.find((s) => s.note?.includes(PAT_QUOTE));
    expect(source?.url).toBe(`${server.url}/api/documents/${encodeURIComponent(RELEASE)}`);
    const document = await getJson(source?.url ?? '', DocumentSchema);
    expect(document.text).toContain(PAT_QUOTE);
  });

  it('FtM: every line a valid entity, references resolved, the occupancy dated as its source is', async () => {
    const res = await file('ftm');
    expect(res.type).toMatch(/^application\/x-ndjson/);
    const entities = res.text
      .trimEnd()
      .split('\n')
      .map((line) => FtmEntitySchema.parse(JSON.parse(line)));
    expect(ftmReferenceProblems(entities)).toEqual([]);
    const want = expected();
    expect(entities.filter((e) => e.schema === 'Occupancy')).toHaveLength(want.tenures);
    expect(entities.filter((e) => e.schema === 'Position')).toHaveLength(want.posts);
    const pat = entities.find((e) => e.id === PAT.replace(':', '.'));
    expect(pat?.properties).toMatchObject({
      holder: ['person.pat-jones-greenhalgh'],
      post: ['post.bury-council-chief-executive'],
      summary: ['interim'],
    });
    const properties = pat?.properties as Record<string, string[]>;
    expect(properties.date).toContain('2017-11-21');
    expect(properties.description?.some((d) => d.includes(PAT_QUOTE))).toBe(true);
    expect(entities.find((e) => e.id === RELEASE.replace(':', '.'))?.properties).toMatchObject({
      publishedAt: ['2017-11-21'],
    });
  });

  it('GEXF: read by graphology with every node and edge, the tenure spelled across its sources', async () => {
    const res = await file('gexf');
    const want = expected();
    const parsed = parseGexf(Graph, res.text);
    expect(parsed.order).toBe(1 + want.posts + want.persons);
    expect(parsed.size).toBe(want.posts + want.tenures);
    expect(parsed.getEdgeAttributes(PAT)).toMatchObject({
      type: 'HOLDS',
      capacity: 'interim',
      known: 'attested',
    });
    const edge = new RegExp(`<edge id="${PAT}"[\\s\\S]*?<spell start="([\\d-]+)" end="([\\d-]+)"/>`).exec(
      res.text,
    );
    const [start, end] = [edge?.[1] ?? '', edge?.[2] ?? ''];
    expect(start <= '2017-11-21' && '2017-11-21' <= end).toBe(true);
  });

  it('Wikidata: one row per tenure and source, the attestation of 21 November 2017 with its quote', async () => {
    const res = await file('wikidata');
    expect(res.type).toMatch(/^text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(WIKIDATA_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + expected().rows);
    const pat = lines.find((l) => l.startsWith(`${PAT},`) && l.includes(',2017-11-21,11,'));
    expect(pat).toContain(',P39,position held,');
    expect(pat).toContain(',interim,');
    // The quote holds a comma, so its cell is quoted.
    expect(pat).toContain(`,"${PAT_QUOTE}"`);
  });
});
