import { describe, expect, it } from 'vitest';
import { TenureDatasetSchema } from '../contract/exports.ts';
import { trickyDataset } from './dataset-fixture.ts';
import { datasetToPopolo, popoloJson } from './popolo.ts';
import { PopoloFileSchema, PopoloMembershipSchema } from './popolo-schema.ts';

const meta = { exportedAt: '2026-01-02T03:04:05.000Z' };

describe('Popolo JSON', () => {
  it('is valid against the Popolo schemas, with one membership per tenure', () => {
    const dataset = TenureDatasetSchema.parse(trickyDataset());
    const file = PopoloFileSchema.parse(JSON.parse(popoloJson(dataset, meta)));
    expect(file.persons.map((p) => p.id)).toEqual(['person:pat-jones-greenhalgh', 'person:a-b']);
    expect(file.organizations.map((o) => o.id)).toEqual(['org:bury-council']);
    expect(file.posts.map((p) => [p.id, p.organization_id])).toEqual([
      ['post:bury-council-chief-executive', 'org:bury-council'],
      ['post:bury-council-leader', 'org:bury-council'],
    ]);
    expect(file.memberships).toHaveLength(2);
  });

  it('keeps start and end dates at the precision the sources give, and leaves out what no source states', () => {
    const [attested, stated] = datasetToPopolo(trickyDataset(), meta).memberships;
    expect(stated).toMatchObject({ start_date: '2016-02', end_date: '2019' });
    expect(attested).not.toHaveProperty('start_date');
    expect(attested).not.toHaveProperty('end_date');
  });

  it('links each membership to person, post and organisation, with the role and our extras under extra', () => {
    const membership = PopoloMembershipSchema.parse(datasetToPopolo(trickyDataset(), meta).memberships[0]);
    expect(membership).toMatchObject({
      id: 'tenure:pat-jones-greenhalgh-bury-council-chief-executive',
      person_id: 'person:pat-jones-greenhalgh',
      post_id: 'post:bury-council-chief-executive',
      organization_id: 'org:bury-council',
      role: 'Chief Executive, Bury Council',
    });
    expect(membership.extra).toMatchObject({
      '+capacity': 'interim',
      '+certainty': 'attested',
      '+status': null,
    });
    expect(membership.extra?.['+attestations']).toEqual([
      expect.objectContaining({
        date: '2017-11-21',
        quote: "Pat Jones-Greenhalgh, the council's interim chief executive",
      }),
      expect.objectContaining({
        date: '2017-06-16/2017-11-21',
        not_before: '2017-06-16',
        not_after: '2017-11-21',
      }),
    ]);
    expect(membership.extra?.['+claims']).toEqual([
      expect.objectContaining({ property: 'capacity', value: 'interim' }),
      expect.objectContaining({ property: 'capacity', value: 'acting' }),
    ]);
  });

  it('cites every source as {url, note} with the document and the exact quote', () => {
    const file = datasetToPopolo(trickyDataset(), meta, { appUrl: 'http://127.0.0.1:3000/' });
    const [, stated] = file.memberships;
    expect(stated?.sources).toEqual([
      {
        url: 'https://example.org/leader',
        note: 'Leader named (Example News, 2016-02): “=SUM(A1) said Jane, "leader"”',
      },
    ]);
    expect(file.memberships[0]?.sources?.[1]).toEqual({
      url: 'http://127.0.0.1:3000/api/documents/doc%3Aundated',
      note: 'Bury two years behind (publisher not shown, 2017-06-16/2017-11-21): “Pat Jones-Greenhalgh, interim chief executive of Bury Council”',
    });
    // Without the app's address a document with no URL of its own is named, not given a made-up address.
    expect(datasetToPopolo(trickyDataset(), meta).memberships[0]?.sources?.[0]?.url).toBe(
      'urn:accountability-graph:doc:release',
    );
  });

  it('would refuse a widened or malformed date, as the Popolo schema does', () => {
    expect(PopoloMembershipSchema.safeParse({ start_date: '21/11/2017' }).success).toBe(false);
    expect(PopoloMembershipSchema.safeParse({ start_date: '2017-11' }).success).toBe(true);
  });
});
