import type { CypherResponse } from '../../../graph/contract/api.ts';
import { missingParams, parseParams } from './params.ts';

/**
 * Pure parts of running a query: whether the editors' text can be sent at all (and if not, what to
 * tell the reader, and beside which editor), and how to describe the answer that came back.
 */

export type RunCheck =
  | { ok: true; params: Record<string, unknown> }
  | { ok: false; at: 'query'; title: string; message: string }
  | { ok: false; at: 'params'; message: string };

export function checkRun(query: string, paramsText: string): RunCheck {
  if (query.trim() === '')
    return {
      ok: false,
      at: 'query',
      title: 'Nothing to run',
      message: 'Write a Cypher query first, or pick a saved question.',
    };
  const parsed = parseParams(paramsText);
  if (!parsed.ok) return { ok: false, at: 'params', message: parsed.message };
  const missing = missingParams(query, parsed.params);
  if (missing.length > 0)
    return {
      ok: false,
      at: 'params',
      message: `The query uses ${missing.map((n) => `$${n}`).join(', ')}, which the parameters do not give. Add ${missing.length === 1 ? 'it' : 'them'}, for example {"${missing[0]}": "…"}.`,
    };
  return { ok: true, params: parsed.params };
}

/** "12 rows · 3 ms in Neo4j, 40 ms in all". */
export function runSummary(response: CypherResponse, totalMs: number): string {
  const { rows } = response.summary;
  return `${rows} ${rows === 1 ? 'row' : 'rows'} · ${response.summary.resultAvailableAfterMs} ms in Neo4j, ${totalMs} ms in all`;
}

/** Why not every row is shown, or '' when they all are. */
export function truncationNote(response: CypherResponse): string {
  return response.summary.truncated
    ? `Only the first ${response.summary.rows} rows are shown: the query returned more. Add a LIMIT or narrow the query to see the rest.`
    : '';
}
