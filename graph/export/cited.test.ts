import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { TenureDatasetSchema } from '../contract/exports.ts';
import { citedDataset, trickyDataset } from './dataset-fixture.ts';
import { graphFromDataset } from './dataset-graph.ts';
import { datasetToFtm } from './ftm.ts';
import { FtmEntitySchema, ftmReferenceProblems } from './ftm-schema.ts';
import { graphToGexf } from './gexf.ts';
import { datasetToPopolo } from './popolo.ts';
import { PopoloFileSchema } from './popolo-schema.ts';
import { CITED_BY_URL, tenureCertainty } from './tenure-evidence.ts';
import { datasetToWikidataRows } from './wikidata.ts';

// What an imported Popolo file adds when none of its sources quotes a seed document: every tracker
// writer must say the tenure rests on citations alone and never call it stated or attested.
const CITED = 'tenure:ann-other-bury-council-clerk';
const LEADER = 'tenure:a-b-bury-council-leader';
const meta = { exportedAt: '2026-01-02T03:04:05.000Z' };

describe('tenures resting on citations alone, in every tracker format', () => {
  it('the dataset schema requires the evidence kind and marks every citation as cited', () => {
    const dataset = TenureDatasetSchema.parse(citedDataset());
    expect(dataset.tenures.find((t) => t.id === CITED)?.citations).toEqual([
      { kind: 'cited', url: 'https://example.org/minutes/2019-05', note: 'minutes, May 2019' },
    ]);
    // Without the kind the data is refused, so no writer can take a citation for a quote by default.
    const unmarked = trickyDataset().tenures.map(({ evidenceKind, ...rest }) => rest);
    expect(TenureDatasetSchema.safeParse({ ...trickyDataset(), tenures: unmarked }).success).toBe(false);
  });

  it('certainty: a cited tenure with dates is possible, a quoted one with dates stated', () => {
    const [, leader, cited] = citedDataset().tenures;
    expect(cited?.id).toBe(CITED);
    expect(cited && tenureCertainty(cited)).toBe('possible');
    // A citation beside a quote does not weaken the quoted tenure.
    expect(leader && tenureCertainty(leader)).toBe('stated');
  });

  it('Popolo: +certainty possible, +evidence_kind cited, sources noted as cited by URL', () => {
    const file = PopoloFileSchema.parse(datasetToPopolo(citedDataset(), meta));
    const cited = file.memberships.find((m) => m.id === CITED);
    expect(cited).toMatchObject({ start_date: '2019-05', end_date: '2021' });
    expect(cited?.extra).toMatchObject({ '+certainty': 'possible', '+evidence_kind': 'cited' });
    expect(cited?.sources).toEqual([
      { url: 'https://example.org/minutes/2019-05', note: `${CITED_BY_URL}: minutes, May 2019` },
    ]);
    const leader = file.memberships.find((m) => m.id === LEADER);
    expect(leader?.extra).toMatchObject({ '+certainty': 'stated', '+evidence_kind': 'quoted' });
    expect(leader?.sources?.map((s) => s.note)).toEqual([
      'Leader named (Example News, 2016-02): “=SUM(A1) said Jane, "leader"”',
      `${CITED_BY_URL}: profile page`,
    ]);
    expect(file.persons.find((p) => p.id === 'person:ann-other')).toMatchObject({
      sources: [{ url: 'https://example.com/ann', note: `${CITED_BY_URL}: Wikipedia` }],
      extra: { '+evidence_kind': 'cited' },
    });
    expect(file.posts.find((p) => p.id === 'post:bury-council-clerk')?.sources).toEqual([
      { url: 'https://example.org/clerk', note: CITED_BY_URL },
    ]);
  });

  it('Wikidata: a row per citation with its URL, no quotation, and the statement possible and cited', () => {
    const rows = datasetToWikidataRows(citedDataset());
    const cited = rows.filter((r) => r.statement_id === CITED);
    expect(cited).toEqual([
      expect.objectContaining({
        start_time_P580: '2019-05',
        end_time_P582: '2021',
        certainty: 'possible',
        evidence_kind: 'cited',
        reference_kind: CITED_BY_URL,
        reference_document_id: '',
        reference_url_P854: 'https://example.org/minutes/2019-05',
        quotation_P1683: '',
        reference_note: 'minutes, May 2019',
      }),
    ]);
    const leader = rows.filter((r) => r.statement_id === LEADER);
    expect(leader.map((r) => [r.certainty, r.evidence_kind, r.reference_kind])).toEqual([
      ['stated', 'quoted', 'quoted'],
      ['stated', 'quoted', CITED_BY_URL],
    ]);
    for (const row of rows.filter((r) => r.certainty === 'stated' || r.certainty === 'attested'))
      expect(row.evidence_kind).toBe('quoted');
  });

  it('FtM: the citation in sourceUrl and notes, never a proof; the occupancy says possible', () => {
    const entities = datasetToFtm(citedDataset()).map((e) => FtmEntitySchema.parse(e));
    expect(ftmReferenceProblems(entities)).toEqual([]);
    const byId = new Map(entities.map((e) => [e.id, e.properties as Record<string, string[]>]));
    const occupancy = byId.get(CITED.replace(':', '.'));
    expect(occupancy?.sourceUrl).toEqual(['https://example.org/minutes/2019-05']);
    expect(occupancy?.description).toEqual([
      `Certainty: possible. Every source is ${CITED_BY_URL}.`,
      `${CITED_BY_URL}: minutes, May 2019 <https://example.org/minutes/2019-05>`,
    ]);
    const person = byId.get('person.ann-other');
    expect(person?.proof).toBeUndefined();
    expect(person?.notes).toEqual([`${CITED_BY_URL}: Wikipedia <https://example.com/ann>`]);
    expect(byId.get(LEADER.replace(':', '.'))?.description?.[0]).not.toContain('Certainty');
  });

  it('GEXF: the cited tenure known as possible, marked cited with its citation; quoted ones unchanged', () => {
    const gexf = graphToGexf(graphFromDataset(citedDataset()), { at: null, exportedAt: meta.exportedAt });
    const graph = parseGexf(Graph, gexf);
    expect(graph.getEdgeAttributes(CITED)).toMatchObject({
      known: 'possible',
      evidence_kind: CITED_BY_URL,
      citations: 'https://example.org/minutes/2019-05 (minutes, May 2019)',
    });
    expect(graph.getEdgeAttributes(LEADER)).toMatchObject({
      known: 'stated',
      citations: 'https://example.com/profile (profile page)',
    });
    expect(graph.getEdgeAttributes(LEADER).evidence_kind).toBeUndefined();
    expect(graph.getNodeAttributes('person:ann-other')).toMatchObject({ evidence_kind: CITED_BY_URL });
  });
});
