import type {
  SavedView,
  SavedViewInput,
  SavedViewList,
  SavedViewSummary,
} from '../../../graph/contract/api.ts';
import { requestJson } from '../api.ts';

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
  const call = <T>(path: string, init: RequestInit = {}) =>
    requestJson<T>(doFetch, `${base}/api/views${path}`, init);
  const enc = encodeURIComponent;
  return {
    list: async () => (await call<SavedViewList>('')).views,
    get: (id) => call<SavedView>(`/${enc(id)}`),
    create: (input) => call<SavedView>('', { method: 'POST', body: JSON.stringify(input) }),
    remove: (id) => call<void>(`/${enc(id)}`, { method: 'DELETE' }),
  };
}
