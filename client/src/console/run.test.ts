import { describe, expect, it } from 'vitest';
import type { CypherResponse } from '../../../graph/contract/api.ts';
import { checkRun, runSummary, truncationNote } from './run.ts';

function response(rows: number, truncated: boolean): CypherResponse {
  return {
    columns: ['n'],
    rows: Array.from({ length: rows }, (_, i) => [i]),
    elements: { nodes: [], edges: [] },
    summary: { rows, truncated, resultAvailableAfterMs: 3 },
  };
}

describe('checkRun', () => {
  it('refuses an empty query beside the query editor', () => {
    expect(checkRun('  \n', '')).toEqual({
      ok: false,
      at: 'query',
      title: 'Nothing to run',
      message: 'Write a Cypher query first, or pick a saved question.',
    });
  });

  it('refuses parameters that are not JSON beside the parameters editor', () => {
    const check = checkRun('RETURN 1', '{');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.at).toBe('params');
    expect(check.message).toMatch(/^The parameters are not valid JSON/);
  });

  it('names the parameters the query uses and the editor does not give', () => {
    expect(checkRun('RETURN $name, $n', '{"n": 1}')).toEqual({
      ok: false,
      at: 'params',
      message: 'The query uses $name, which the parameters do not give. Add it, for example {"name": "…"}.',
    });
  });

  it('hands over the parsed parameters when the query can run', () => {
    expect(checkRun('RETURN $n', '{"n": 2}')).toEqual({ ok: true, params: { n: 2 } });
  });
});

describe('describing an answer', () => {
  it('counts rows, one or many, with both timings', () => {
    expect(runSummary(response(1, false), 40)).toBe('1 row · 3 ms in Neo4j, 40 ms in all');
    expect(runSummary(response(12, false), 41)).toBe('12 rows · 3 ms in Neo4j, 41 ms in all');
  });

  it('says why rows are missing only when the answer was cut', () => {
    expect(truncationNote(response(2, false))).toBe('');
    expect(truncationNote(response(2, true))).toBe(
      'Only the first 2 rows are shown: the query returned more. Add a LIMIT or narrow the query to see the rest.',
    );
  });
});
