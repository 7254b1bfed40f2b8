import type {
  AccountabilityByFinding,
  AccountabilityByOrg,
  DocumentView,
  ErrorBody,
  GraphSchemaInfo,
  Health,
  Neighbours,
  NodeDetail,
  SearchResult,
  Timeline,
} from '../../graph/contract/api.ts';
import type { Opening } from '../../graph/contract/opening.ts';

/**
 * The typed HTTP client. Every call returns the contract's response type or throws an ApiError
 * whose `code` is the server's error code, or NETWORK_ERROR / BAD_RESPONSE when there was no
 * usable answer. A DATABASE_UNAVAILABLE answer is also reported to `onUnavailable`, so the banner
 * appears whichever call noticed it first.
 */

export type ApiErrorCode = ErrorBody['error']['code'] | 'NETWORK_ERROR' | 'BAD_RESPONSE';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(code: ApiErrorCode, message: string, status: number, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export interface ApiOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
  onUnavailable?: (error: ApiError) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
}

type Query = Record<string, string | number | undefined | null>;

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * One request to the API: JSON in and out, every failure as an ApiError (the server's own code
 * and details, or NETWORK_ERROR / BAD_RESPONSE), an abort passed through, 204 as undefined.
 * Every client module that calls the API goes through here.
 */
export async function requestJson<T>(doFetch: typeof fetch, url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await doFetch(url, {
      ...init,
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        // A caller's own headers (the Sources tab's write token) go through.
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError('NETWORK_ERROR', 'The server could not be reached', 0);
  }
  if (response.status === 204) return undefined as T;
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
  if (response.ok) return body as T;
  throw errorFromBody(body, response.status);
}

function errorFromBody(body: unknown, status: number): ApiError {
  const error = (body as Partial<ErrorBody> | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string')
    return new ApiError(error.code, error.message, status, error.details ?? {});
  return new ApiError('BAD_RESPONSE', `The server answered ${status} without an error body`, status);
}

export function createApi(options: ApiOptions = {}) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl ?? '';

  async function get<T>(path: string, query: Query = {}, call: CallOptions = {}): Promise<T> {
    try {
      return await requestJson<T>(doFetch, `${base}${path}${queryString(query)}`, { signal: call.signal });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DATABASE_UNAVAILABLE') options.onUnavailable?.(error);
      throw error;
    }
  }

  const enc = encodeURIComponent;

  return {
    /** Health answers 503 with a body while degraded; that body is a result here, not an error. */
    async health(call: CallOptions = {}): Promise<Health> {
      let response: Response;
      try {
        response = await doFetch(`${base}/api/health`, {
          headers: { accept: 'application/json' },
          signal: call.signal,
        });
      } catch (error) {
        if (isAbort(error)) throw error;
        return { status: 'degraded', neo4j: { status: 'down' } };
      }
      try {
        return (await response.json()) as Health;
      } catch {
        return { status: 'degraded', neo4j: { status: 'down' } };
      }
    },
    schema: (call?: CallOptions) => get<GraphSchemaInfo>('/api/schema', {}, call),
    search: (q: string, params: { label?: string; limit?: number } = {}, call?: CallOptions) =>
      get<SearchResult>('/api/search', { q, label: params.label, limit: params.limit }, call),
    node: (id: string, call?: CallOptions) => get<NodeDetail>(`/api/nodes/${enc(id)}`, {}, call),
    neighbours: (
      id: string,
      params: { at?: string | null; types?: string[]; limit?: number } = {},
      call?: CallOptions,
    ) =>
      get<Neighbours>(
        `/api/nodes/${enc(id)}/neighbours`,
        { at: params.at, types: params.types?.join(','), limit: params.limit },
        call,
      ),
    /** What a blank link opens on, with everything drawing it reads (prime the data cache with it). */
    opening: (call?: CallOptions) => get<Opening>('/api/opening', {}, call),
    document: (id: string, call?: CallOptions) => get<DocumentView>(`/api/documents/${enc(id)}`, {}, call),
    accountabilityForOrg: (org: string, at: string, call?: CallOptions) =>
      get<AccountabilityByOrg>('/api/accountability', { org, at }, call),
    accountabilityForFinding: (finding: string, call?: CallOptions) =>
      get<AccountabilityByFinding>('/api/accountability', { finding }, call),
    /** The same walk from a report or an inspection (the server's `?report=`). */
    accountabilityForReport: (report: string, call?: CallOptions) =>
      get<AccountabilityByFinding>('/api/accountability', { report }, call),
    timeline: (subject: { org: string } | { person: string }, call?: CallOptions) =>
      get<Timeline>('/api/timeline', subject, call),
  };
}

export type Api = ReturnType<typeof createApi>;
