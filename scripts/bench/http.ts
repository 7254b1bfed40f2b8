/** One timed HTTP request to the app under test, bounded in time and checked for success. */

export interface BenchRequest {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export const REQUEST_TIMEOUT_MS = 10_000;

/** Sends the request, reads the whole body and returns the elapsed time; throws on a non-2xx answer. */
export async function timedRequest(
  baseUrl: string,
  request: BenchRequest,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: request.body === undefined ? undefined : { 'content-type': 'application/json' },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (!response.ok) {
    const text = Buffer.from(body).toString('utf8').slice(0, 300);
    throw new Error(`${request.method} ${request.path} answered ${response.status}: ${text}`);
  }
  return ms;
}
