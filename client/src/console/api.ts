import type { CypherResponse, ErrorBody } from '../../../server/api/contract.ts';
import { ApiError, isAbort } from '../api.ts';

/**
 * `POST /api/cypher`, the one call the console makes that the shared API client does not: its
 * answers and errors take the same shape (`ApiError` with the server's code and details, such as
 * a syntax error's line and column).
 */
export async function runCypher(
  request: { query: string; params: Record<string, unknown> },
  options: { signal?: AbortSignal; fetch?: typeof fetch; baseUrl?: string } = {},
): Promise<CypherResponse> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl ?? ''}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
      signal: options.signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError('NETWORK_ERROR', 'The server could not be reached', 0);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(
      'BAD_RESPONSE',
      `The server answered ${response.status} with something not JSON`,
      response.status,
    );
  }
  if (response.ok) return body as CypherResponse;
  const error = (body as Partial<ErrorBody> | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string')
    throw new ApiError(error.code, error.message, response.status, error.details ?? {});
  throw new ApiError(
    'BAD_RESPONSE',
    `The server answered ${response.status} without an error body`,
    response.status,
  );
}
