// Calls to the API in tests, each answer held to the contract: the status the test expects and a
// body that the endpoint's response schema from graph/contract/api.ts accepts. A test that reads
// an answer through these cannot pass on a shape the client would not understand.
import { z } from 'zod';
import { type ErrorBody, ErrorBodySchema } from '../graph/contract/api.ts';

export interface RawAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Sends a request and reads its JSON body, whatever the status. */
export async function callJson(url: string, init: RequestInit = {}): Promise<RawAnswer> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body };
}

/** The body, parsed by its schema, if the answer has the expected status; else a clear failure. */
export function expectAnswer<S extends z.ZodType>(
  answer: RawAnswer,
  schema: S,
  status: number,
  what: string,
): z.infer<S> {
  const shown = () => JSON.stringify(answer.body)?.slice(0, 400);
  if (answer.status !== status) {
    throw new Error(`${what}: expected status ${status}, got ${answer.status}: ${shown()}`);
  }
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) {
    throw new Error(
      `${what}: the body does not match its schema:\n${z.prettifyError(parsed.error)}\n${shown()}`,
    );
  }
  return parsed.data;
}

/** GET `url`, expecting `status` (200 unless said) and a body `schema` accepts. */
export async function getJson<S extends z.ZodType>(
  url: string,
  schema: S,
  status = 200,
): Promise<z.infer<S>> {
  return expectAnswer(await callJson(url), schema, status, `GET ${url}`);
}

/** POST `body` as JSON to `url`, expecting `status` and a body `schema` accepts. */
export async function postJson<S extends z.ZodType>(
  url: string,
  body: unknown,
  schema: S,
  status = 200,
): Promise<z.infer<S>> {
  const answer = await callJson(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return expectAnswer(answer, schema, status, `POST ${url}`);
}

/** GET `url`, expecting the uniform error body with this status (and code, if given). */
export async function getError(
  url: string,
  status: number,
  code?: ErrorBody['error']['code'],
): Promise<ErrorBody> {
  const body = await getJson(url, ErrorBodySchema, status);
  if (code && body.error.code !== code) {
    throw new Error(`GET ${url}: expected error ${code}, got ${body.error.code}: ${body.error.message}`);
  }
  return body;
}
