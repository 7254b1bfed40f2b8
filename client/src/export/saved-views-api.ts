import type {
  ErrorBody,
  SavedView,
  SavedViewInput,
  SavedViewList,
  SavedViewSummary,
} from '../../../server/api/contract.ts';
import { ApiError } from '../api.ts';

/** The saved views endpoints, with failures as ApiError like the rest of the client's calls. */
export interface SavedViewsApi {
  list(): Promise<SavedViewSummary[]>;
  get(id: string): Promise<SavedView>;
  create(input: SavedViewInput): Promise<SavedView>;
  remove(id: string): Promise<void>;
}

export function createSavedViewsApi(
  doFetch: typeof fetch = globalThis.fetch.bind(globalThis),
  base = '',
): SavedViewsApi {
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/views${path}`, {
        ...init,
        headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) },
      });
    } catch {
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
    const error = (body as Partial<ErrorBody> | null)?.error;
    if (error && typeof error.code === 'string')
      throw new ApiError(error.code, error.message, response.status, error.details ?? {});
    throw new ApiError(
      'BAD_RESPONSE',
      `The server answered ${response.status} without an error body`,
      response.status,
    );
  }
  const enc = encodeURIComponent;
  return {
    list: async () => (await call<SavedViewList>('')).views,
    get: (id) => call<SavedView>(`/${enc(id)}`),
    create: (input) => call<SavedView>('', { method: 'POST', body: JSON.stringify(input) }),
    remove: (id) => call<void>(`/${enc(id)}`, { method: 'DELETE' }),
  };
}
