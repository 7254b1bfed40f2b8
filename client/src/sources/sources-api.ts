import type { z } from 'zod';
import type {
  AddFactsRequestSchema,
  CreateSourceRequest,
  EditFactRequestSchema,
  FactRef,
  PrepareSourceResponse,
  SourceContent,
  SourceDetail,
  SourceList,
  SourceSuggestions,
  SourceWriteResponse,
} from '../../../graph/contract/sources.ts';
import { requestJson } from '../api.ts';

/**
 * The Sources API for the tab. Writes carry the write token when one was entered (kept in
 * sessionStorage, so it goes when the browser tab closes); the server asks for it only when it
 * listens on an address other than loopback, and answers 403 without it.
 */

const TOKEN_KEY = 'sources-write-token';

export const writeToken = {
  get(): string {
    try {
      return sessionStorage.getItem(TOKEN_KEY) ?? '';
    } catch {
      return '';
    }
  },
  set(token: string): void {
    try {
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // Storage refused (private mode): the token is then not kept, and writes ask again.
    }
  },
};

const enc = encodeURIComponent;

export function createSourcesApi(doFetch: typeof fetch = globalThis.fetch.bind(globalThis)) {
  const get = <T>(url: string) => requestJson<T>(doFetch, url);
  const post = <T>(url: string, body: unknown, write = true) => {
    const token = write ? writeToken.get() : '';
    return requestJson<T>(doFetch, url, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  };
  return {
    list: () => get<SourceList>('/api/sources'),
    prepare: (content: SourceContent) => post<PrepareSourceResponse>('/api/sources/prepare', content, false),
    create: (request: CreateSourceRequest) => post<SourceWriteResponse>('/api/sources', request),
    detail: (id: string) => get<SourceDetail>(`/api/sources/${enc(id)}`),
    suggestions: (id: string) => get<SourceSuggestions>(`/api/sources/${enc(id)}/suggestions`),
    addFacts: (id: string, body: z.infer<typeof AddFactsRequestSchema>) =>
      post<SourceWriteResponse>(`/api/sources/${enc(id)}/facts`, body),
    editFact: (id: string, body: z.infer<typeof EditFactRequestSchema>) =>
      post<SourceWriteResponse>(`/api/sources/${enc(id)}/facts/edit`, body),
    retract: (id: string, version: string, ref: FactRef) =>
      post<SourceWriteResponse>(`/api/sources/${enc(id)}/facts/retract`, { version, ref }),
    undo: (id: string, version: string) =>
      post<SourceWriteResponse>(`/api/sources/${enc(id)}/undo`, { version }),
  };
}

export type SourcesApi = ReturnType<typeof createSourcesApi>;
