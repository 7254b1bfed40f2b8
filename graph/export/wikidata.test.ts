import { describe, expect, it } from 'vitest';
import { trickyDataset } from './dataset-fixture.ts';
import { datasetToWikidataRows, WIKIDATA_COLUMNS, wikidataCsv } from './wikidata.ts';

describe('Wikidata-style statements', () => {
  it('writes one position-held row per tenure and source, dates with their precision', () => {
    const rows = datasetToWikidataRows(trickyDataset());
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      statement_id: 'tenure:pat-jones-greenhalgh-bury-council-chief-executive',
      person: 'Pat Jones-Greenhalgh',
      property: 'P39',
      position_held: 'Chief Executive, Bury Council',
      organisation: 'Bury Council',
      point_in_time_P585: '2017-11-21',
      point_in_time_precision: '11',
      object_has_role_P3831: 'interim',
      certainty: 'attested',
      reference_publication_date_P577: '2017-11-21',
      reference_url_P854: '',
      quotation_P1683: "Pat Jones-Greenhalgh, the council's interim chief executive",
    });
    expect(rows[2]).toMatchObject({
      start_time_P580: '2016-02',
      start_time_precision: '10',
      end_time_P582: '2019',
      end_time_precision: '9',
      certainty: 'stated',
      reference_url_P854: 'https://example.org/leader',
      reference_publication_date_P577: '2016-02',
    });
  });

  it('gives a source dated only within bounds its earliest and latest dates, not a made-up day', () => {
    const row = datasetToWikidataRows(trickyDataset())[1];
    expect(row).toMatchObject({
      point_in_time_P585: '',
      earliest_date_P1319: '2017-06-16',
      earliest_date_precision: '11',
      latest_date_P1326: '2017-11-21',
      latest_date_precision: '11',
      reference_publication_date_P577: '',
    });
  });

  it('is CSV with a header, and a quote that would run as a formula is neutralised', () => {
    const csv = wikidataCsv(trickyDataset());
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(WIKIDATA_COLUMNS.join(','));
    expect(lines).toHaveLength(5); // header, three rows, the final line break
    expect(csv).toContain(`"'=SUM(A1) said Jane, ""leader"""`);
    expect(csv).not.toMatch(/,=SUM/);
  });
});
