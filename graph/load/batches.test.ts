import { describe, expect, it } from 'vitest';
import { chunksByBytes, columns, inFlight, propertiesSize, propertyKeys, setters } from './batches.ts';

const item = (text: string) => ({ properties: { text } });

describe('chunksByBytes', () => {
  it('cuts at the item count when the items are small', () => {
    const items = Array.from({ length: 7 }, (_, i) => item(String(i)));
    expect(chunksByBytes(items, 3, 1_000_000).map((b) => b.length)).toEqual([3, 3, 1]);
  });

  it('cuts at the byte cap when the items are large, keeping every item once and in order', () => {
    const items = Array.from({ length: 5 }, (_, i) => item(`${i}`.repeat(40)));
    const batches = chunksByBytes(items, 100, 120);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batches.flat()).toEqual(items);
  });

  it('puts an item larger than the cap in a batch of its own', () => {
    const items = [item('a'), item('b'.repeat(500)), item('c')];
    expect(chunksByBytes(items, 100, 100).map((b) => b.length)).toEqual([1, 1, 1]);
    expect(chunksByBytes([], 10, 10)).toEqual([]);
  });
});

describe('propertiesSize', () => {
  it('counts the characters of keys and strings, in lists too, and 8 for anything else', () => {
    expect(propertiesSize({ id: 'abc', quotes: ['de', 'f'], spans: [1, 2], open: true })).toBe(
      2 + 3 + 6 + 3 + 5 + 16 + 4 + 8,
    );
    expect(propertiesSize({})).toBe(0);
  });
});

describe('inFlight', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

  it('runs every task in order with at most `depth` unfinished at a time', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const tasks = Array.from({ length: 9 }, (_, i) => async () => {
      started.push(i);
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
    });
    await inFlight(tasks, 2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(most).toBe(2);
  });

  it('starts nothing after a failure, waits for the running tasks and throws the first failure', async () => {
    const started: number[] = [];
    let finished = 0;
    const tasks = Array.from({ length: 6 }, (_, i) => async () => {
      started.push(i);
      await tick();
      if (i === 1) throw new Error('batch 1 failed');
      await tick();
      finished += 1;
    });
    await expect(inFlight(tasks, 2)).rejects.toThrow('batch 1 failed');
    // Task 1 failed while task 0 was still running: nothing new started, task 0 ran to its end.
    expect(started).toEqual([0, 1]);
    expect(finished).toBe(1);
  });
});

describe('explicit property setters', () => {
  it('lists every key any row has, once, in first-seen order', () => {
    expect(
      propertyKeys([
        { id: 'a', name: 'A' },
        { id: 'b', aliases: ['B'] },
      ]),
    ).toEqual(['id', 'name', 'aliases']);
  });

  it('refuses a key that is not a plain identifier, so no key can change the statement', () => {
    expect(() => propertyKeys([{ 'x` = 1 DETACH DELETE n //': 1 }])).toThrow(/not a plain identifier/);
    expect(() => propertyKeys([{ '': 1 }])).toThrow(/not a plain identifier/);
  });

  it('sets each key, quoted, from its column at the row index', () => {
    expect(setters('r', ['id', 'evidenceQuotes'])).toBe('r.`id` = $c0[i], r.`evidenceQuotes` = $c1[i]');
  });

  it('sends a batch as one list per key, null where a row lacks the key', () => {
    const rows = [
      { id: 'a', name: 'A' },
      { id: 'b', aliases: ['B'] },
    ];
    expect(columns(rows, propertyKeys(rows))).toEqual({
      c0: ['a', 'b'],
      c1: ['A', null],
      c2: [null, ['B']],
    });
  });
});
