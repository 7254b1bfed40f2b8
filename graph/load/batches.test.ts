import { describe, expect, it } from 'vitest';
import { chunksByBytes } from './batches.ts';

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
