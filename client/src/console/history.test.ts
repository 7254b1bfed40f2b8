import { describe, expect, it } from 'vitest';
import { createHistory, HISTORY_KEY, type KeyValueStore, parseHistory, withEntry } from './history.ts';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

let tick = 0;
const clock = () => new Date(Date.UTC(2024, 0, 1, 0, 0, tick++));

describe('the console history', () => {
  it('keeps the newest first, and survives a reload (a new history on the same storage)', () => {
    const storage = memoryStore();
    const history = createHistory(storage, { now: clock });
    history.add('RETURN 1', '');
    history.add('RETURN $a', '{"a": 1}');
    const reloaded = createHistory(storage, { now: clock });
    expect(reloaded.list().map((e) => e.query)).toEqual(['RETURN $a', 'RETURN 1']);
    expect(reloaded.list()[0]?.params).toBe('{"a": 1}');
  });

  it('moves a query run again to the top instead of repeating it', () => {
    const history = createHistory(memoryStore(), { now: clock });
    history.add('RETURN 1', '');
    history.add('RETURN 2', '');
    history.add('RETURN 1', ' ');
    expect(history.list().map((e) => e.query)).toEqual(['RETURN 1', 'RETURN 2']);
    // The same query with other parameters is another entry.
    history.add('RETURN 1', '{"x": 1}');
    expect(history.list()).toHaveLength(3);
  });

  it('keeps only the last 50', () => {
    const storage = memoryStore();
    const history = createHistory(storage, { now: clock });
    for (let i = 0; i < 60; i += 1) history.add(`RETURN ${i}`, '');
    const entries = createHistory(storage).list();
    expect(entries).toHaveLength(50);
    expect(entries[0]?.query).toBe('RETURN 59');
    expect(entries.at(-1)?.query).toBe('RETURN 10');
  });

  it('ignores blank queries and can be cleared', () => {
    const storage = memoryStore();
    const history = createHistory(storage, { now: clock });
    history.add('   ', '');
    expect(history.list()).toEqual([]);
    history.add('RETURN 1', '');
    history.clear();
    expect(history.list()).toEqual([]);
    expect(storage.data.has(HISTORY_KEY)).toBe(false);
  });

  it('drops stored junk and works without storage, or with storage that throws', () => {
    expect(parseHistory('not json')).toEqual([]);
    expect(parseHistory('{"query": "x"}')).toEqual([]);
    expect(
      parseHistory(JSON.stringify([{ query: 'RETURN 1', params: '', at: 'x' }, { query: 3 }])),
    ).toHaveLength(1);

    const none = createHistory(null, { now: clock });
    none.add('RETURN 1', '');
    expect(none.list()).toHaveLength(1);

    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    const history = createHistory(broken, { now: clock });
    history.add('RETURN 1', '');
    expect(history.list().map((e) => e.query)).toEqual(['RETURN 1']);
  });

  it('adds to what another tab stored meanwhile', () => {
    const storage = memoryStore();
    const first = createHistory(storage, { now: clock });
    const second = createHistory(storage, { now: clock });
    first.add('RETURN 1', '');
    second.add('RETURN 2', '');
    expect(second.list().map((e) => e.query)).toEqual(['RETURN 2', 'RETURN 1']);
    expect(withEntry([], 'q', '', 'now', 1)).toHaveLength(1);
  });
});
