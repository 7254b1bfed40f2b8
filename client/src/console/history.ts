/**
 * The console's history: the last queries run, newest first, with their parameters, kept in
 * localStorage so they survive a reload. Running a query again moves it to the top rather than
 * repeating it. Storage that is missing, full or holding something else never breaks the console:
 * the history then lives for the page only.
 */

export interface HistoryEntry {
  query: string;
  /** The parameters as the user wrote them (JSON text, possibly empty). */
  params: string;
  /** When it was last run, as an ISO timestamp. */
  at: string;
}

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const HISTORY_KEY = 'accountability-graph:console-history';
export const HISTORY_SIZE = 50;

export interface HistoryOptions {
  key?: string;
  max?: number;
  now?: () => Date;
}

function isEntry(value: unknown): value is HistoryEntry {
  if (value === null || typeof value !== 'object') return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.query === 'string' && typeof entry.params === 'string' && typeof entry.at === 'string';
}

/** Entries from stored text, dropping anything that is not one. */
export function parseHistory(text: string | null, max = HISTORY_SIZE): HistoryEntry[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter(isEntry).slice(0, max) : [];
  } catch {
    return [];
  }
}

/** The list after running `query` with `params`: it goes first, any earlier copy goes, at most `max`. */
export function withEntry(
  entries: readonly HistoryEntry[],
  query: string,
  params: string,
  at: string,
  max = HISTORY_SIZE,
): HistoryEntry[] {
  const normalised = params.trim();
  const rest = entries.filter((e) => !(e.query === query && e.params.trim() === normalised));
  return [{ query, params: normalised, at }, ...rest].slice(0, max);
}

export function createHistory(storage: KeyValueStore | null, options: HistoryOptions = {}) {
  const key = options.key ?? HISTORY_KEY;
  const max = options.max ?? HISTORY_SIZE;
  const now = options.now ?? (() => new Date());

  function read(): HistoryEntry[] {
    try {
      return parseHistory(storage?.getItem(key) ?? null, max);
    } catch {
      return [];
    }
  }

  let entries = read();

  function write(): void {
    try {
      storage?.setItem(key, JSON.stringify(entries));
    } catch {
      // Full or disabled storage: keep the history in memory for this page.
    }
  }

  return {
    list(): HistoryEntry[] {
      return [...entries];
    },
    add(query: string, params: string): HistoryEntry[] {
      if (query.trim() === '') return [...entries];
      // Another tab may have added queries since this one loaded; start from what is stored.
      const stored = read();
      entries = withEntry(stored.length > 0 ? stored : entries, query, params, now().toISOString(), max);
      write();
      return [...entries];
    },
    clear(): void {
      entries = [];
      try {
        storage?.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}

export type ConsoleHistory = ReturnType<typeof createHistory>;
