import { describe, expect, it } from 'vitest';
import { trickyDataset } from './dataset-fixture.ts';
import { datasetToFtm, ftmNdjson } from './ftm.ts';
import { type FtmEntity, FtmEntitySchema, ftmReferenceProblems } from './ftm-schema.ts';

function parse(text: string): FtmEntity[] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => FtmEntitySchema.parse(JSON.parse(line)));
}

describe('FollowTheMoney entities', () => {
  it('writes one valid entity a line, every reference resolving to an entity of the right schema', () => {
    const entities = parse(ftmNdjson(trickyDataset()));
    const count = (schema: string) => entities.filter((e) => e.schema === schema).length;
    expect([
      count('Person'),
      count('Organization'),
      count('Position'),
      count('Occupancy'),
      count('Document'),
    ]).toEqual([2, 1, 2, 2, 3]);
    expect(ftmReferenceProblems(entities)).toEqual([]);
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
  });

  it('gives an occupancy its holder, post, stated dates at their precision and the days sources show it', () => {
    const byId = new Map(datasetToFtm(trickyDataset()).map((e) => [e.id, e]));
    expect(byId.get('tenure.a-b-bury-council-leader')?.properties).toMatchObject({
      holder: ['person.a-b'],
      post: ['post.bury-council-leader'],
      startDate: ['2016-02'],
      endDate: ['2019'],
      status: ['suspended'],
      summary: ['acting'],
      sourceUrl: ['https://example.org/leader'],
    });
    const attested = byId.get('tenure.pat-jones-greenhalgh-bury-council-chief-executive')
      ?.properties as Record<string, string[]>;
    // The bounded source is not an FtM date; it is said in the description instead.
    expect(attested.date).toEqual(['2017-11-21']);
    expect(attested.startDate).toBeUndefined();
    expect(attested.description).toContain(
      'In post on 2017-06-16/2017-11-21 according to Bury two years behind (publisher not shown, 2017-06-16/2017-11-21): “Pat Jones-Greenhalgh, interim chief executive of Bury Council”',
    );
  });

  it('puts proof on the Things that have it, pointing at Documents, and none on Occupancy', () => {
    const entities = datasetToFtm(trickyDataset());
    const position = entities.find((e) => e.id === 'post.bury-council-chief-executive');
    expect(position?.properties).toMatchObject({
      proof: ['doc.release'],
      organization: ['org.bury-council'],
    });
    for (const e of entities.filter((x) => x.schema === 'Occupancy'))
      expect(e.properties).not.toHaveProperty('proof');
    const documentation = entities.filter((e) => e.schema === 'Documentation');
    expect(documentation.map((d) => d.properties)).toContainEqual(
      expect.objectContaining({
        entity: ['person.a-b'],
        document: ['doc.web'],
        summary: ['=SUM(A1) said Jane, "leader"'],
      }),
    );
  });

  it('checks shapes as FtM does: Occupancy has no proof, Document needs a file name', () => {
    const occupancy = {
      id: 'x',
      schema: 'Occupancy',
      properties: { holder: ['a'], post: ['b'], proof: ['d'] },
    };
    expect(FtmEntitySchema.safeParse(occupancy).success).toBe(false);
    expect(
      FtmEntitySchema.safeParse({ id: 'd', schema: 'Document', properties: { title: ['t'] } }).success,
    ).toBe(false);
    expect(
      FtmEntitySchema.safeParse({ id: 'person:x', schema: 'Person', properties: { name: ['X'] } }).success,
    ).toBe(false);
  });
});
