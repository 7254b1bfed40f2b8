import type { CypherResponse } from '../../../graph/contract/api.ts';
import { requestJson } from '../api.ts';

/**
 * `POST /api/cypher`, the one call the console makes that the shared API client does not: its
 * answers and errors take the same shape (`ApiError` with the server's code and details, such as
 * a syntax error's line and column).
 */
export function runCypher(
  request: { query: string; params: Record<string, unknown> },
  options: { signal?: AbortSignal; fetch?: typeof fetch; baseUrl?: string } = {},
): Promise<CypherResponse> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return requestJson<CypherResponse>(doFetch, `${options.baseUrl ?? ''}/api/cypher`, {
    method: 'POST',
    body: JSON.stringify(request),
    signal: options.signal,
  });
}
