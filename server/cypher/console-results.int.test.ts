import { describe, expect, it } from 'vitest';
import { CypherResponseSchema } from '../../graph/contract/api.ts';
import { postJson } from '../../test/api-calls.ts';
import { useConsoleApp } from '../../test/console-app.ts';

// What a read answers: rows, columns, elements and a summary, values made plain, rows capped.
const app = useConsoleApp();

function run(query: string, params?: Record<string, unknown>) {
  return postJson(app.cypherUrl, { query, params }, CypherResponseSchema);
}

describe('POST /api/cypher answering reads', () => {
  it('answers reads with rows, columns, elements and a summary', async () => {
    const response = await run(
      'MATCH p = (a:CctPerson)-[r:HOLDS]->(b:CctPost) RETURN p, a.name AS name ORDER BY name',
    );
    expect(response.columns).toEqual(['p', 'name']);
    expect(response.rows.map((row) => row[1])).toEqual(['Ada Example', 'Bo Example']);
    expect(response.summary).toMatchObject({ rows: 2, truncated: false });
    expect(response.elements.nodes.map((n) => n.data.id).sort()).toEqual([
      'person:cct-ada',
      'person:cct-bo',
      'post:cct-chief-executive',
    ]);
    const ada = response.elements.edges.find((e) => e.data.id === 'holds:cct-ada');
    expect(ada?.data).toMatchObject({
      source: 'person:cct-ada',
      target: 'post:cct-chief-executive',
      type: 'HOLDS',
      from: '2017',
      to: null,
      qualifier: 'interim',
      evidence: [
        { documentId: 'doc:cct-1', quote: 'Ada Example, chief executive' },
        { documentId: 'doc:cct-1', quote: 'interim chief executive' },
      ],
    });
    const path = response.rows[0]?.[0] as Array<{ id: string; source?: string }>;
    expect(path.map((item) => item.id)).toEqual([
      'person:cct-ada',
      'holds:cct-ada',
      'post:cct-chief-executive',
    ]);
    expect(path[1]?.source).toBe('person:cct-ada');
  });

  it('converts temporal values, integers and integer params', async () => {
    const response = await run('RETURN date($day) AS day, $n + 1 AS next, range(1, $n) AS list LIMIT $n', {
      day: '2017-11-21',
      n: 3,
    });
    expect(response.rows).toEqual([['2017-11-21', 4, [1, 2, 3]]]);
  });

  it('sends JSON integers as Cypher integers', async () => {
    const response = await run('RETURN valueType($n) AS t', { n: 2 });
    expect(response.rows[0]?.[0]).toMatch(/^INTEGER/);
  });

  it('lets the allowed procedures run', async () => {
    const labels = await run('CALL db.labels()');
    expect(labels.columns).toEqual(['label']);
    expect(labels.rows.flat()).toEqual(expect.arrayContaining(['CctPerson', 'CctPost']));
    const components = await run('CALL dbms.components() YIELD edition RETURN edition');
    expect(components.rows[0]?.[0]).toMatch(/community|enterprise/);
    const schema = await run('CALL db.schema.visualization()');
    expect(schema.columns).toEqual(['nodes', 'relationships']);
  });

  it('truncates at maxRows and says so', async () => {
    const response = await run('UNWIND range(1, 5000) AS i RETURN i');
    expect(response.rows).toHaveLength(1_000);
    expect(response.rows[999]).toEqual([1000]);
    expect(response.summary).toMatchObject({ rows: 1_000, truncated: true });
    const exact = await run('UNWIND range(1, 1000) AS i RETURN i');
    expect(exact.summary).toMatchObject({ rows: 1_000, truncated: false });
  });
});
