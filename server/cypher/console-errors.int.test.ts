import { describe, expect, it } from 'vitest';
import { CypherResponseSchema, ErrorBodySchema } from '../../graph/contract/api.ts';
import { callJson, expectAnswer, postJson } from '../../test/api-calls.ts';
import { CONSOLE_TIMEOUT_MS, useConsoleApp } from '../../test/console-app.ts';

// How the console fails: a time limit that ends runaway queries, Neo4j's syntax errors placed
// where they point, and requests refused before they reach Neo4j.
const app = useConsoleApp();

function refused(body: unknown, status: number) {
  return postJson(app.cypherUrl, body, ErrorBodySchema, status);
}

describe('POST /api/cypher failing', () => {
  it('ends a runaway query with QUERY_TIMEOUT while other reads still answer', async () => {
    const started = Date.now();
    const runaway = callJson(app.cypherUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*) AS n',
      }),
    }).then((answer) => ({ answer, ms: Date.now() - started }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const quick = await postJson(
      app.cypherUrl,
      { query: 'MATCH (n:CctPerson) RETURN n.id ORDER BY n.id' },
      CypherResponseSchema,
    );
    const quickMs = Date.now() - started;
    expect(quick.rows).toEqual([['person:cct-ada'], ['person:cct-bo']]);

    const slow = await runaway;
    expect(quickMs).toBeLessThan(slow.ms);
    const { error } = expectAnswer(slow.answer, ErrorBodySchema, 408, 'the runaway query');
    expect(error.code).toBe('QUERY_TIMEOUT');
    expect(slow.ms).toBeLessThan(CONSOLE_TIMEOUT_MS + 2_000);
  });

  it('reports a syntax error with Neo4j’s message and where it is', async () => {
    const { error } = await refused({ query: 'MATCH (n:CctPerson)\nRETURN n.name +' }, 400);
    expect(error.code).toBe('CYPHER_SYNTAX');
    expect(error.details).toMatchObject({ line: 2, column: 16, offset: 35 });
    expect(error.message).toContain('(line 2, column 16 (offset: 35))');
    expect(error.message).not.toContain('EXPLAIN');
  });

  it('validates the request', async () => {
    expect(await refused({}, 400)).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect(await refused({ query: 'RETURN 1', params: [1, 2] }, 400)).toMatchObject({
      error: { code: 'BAD_REQUEST' },
    });
    const long = await refused({ query: `RETURN '${'x'.repeat(20_001)}'` }, 413);
    expect(long.error.code).toBe('TOO_LARGE');
  });
});
