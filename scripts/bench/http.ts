/**
 * One timed HTTP request to the app under test, bounded in time and checked for success.
 *
 * Sent with node:http over a keep-alive agent rather than fetch: a load generator should cost far
 * less than what it loads, and undici's fetch (its streams, headers objects and abort signals) cost
 * the bench process about as much CPU per request as the bare script's whole driver call, on a
 * machine whose cores the app and Neo4j need (measured by `npm run bench -- api-scale`).
 */
import http from 'node:http';

export interface BenchRequest {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export const REQUEST_TIMEOUT_MS = 10_000;

/** Connections are kept open between requests, as a browser's are; an idle one does not hold the process. */
const agent = new http.Agent({ keepAlive: true });

/** Sends the request, reads the whole body and returns the elapsed time; throws on a non-2xx answer. */
export function timedRequest(
  baseUrl: string,
  request: BenchRequest,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<number> {
  const started = performance.now();
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  return new Promise<number>((resolve, reject) => {
    const req = http.request(new URL(request.path, baseUrl), {
      method: request.method,
      agent,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`${request.method} ${request.path} took over ${timeoutMs} ms`)),
      timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    req.once('error', fail);
    req.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', fail);
      response.once('end', () => {
        clearTimeout(timer);
        const ms = performance.now() - started;
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve(ms);
        const text = Buffer.concat(chunks).toString('utf8').slice(0, 300);
        reject(new Error(`${request.method} ${request.path} answered ${status}: ${text}`));
      });
    });
    req.end(body);
  });
}
