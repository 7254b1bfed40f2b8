import { afterEach, describe, expect, it, vi } from 'vitest';
import { LaterMarkerRead } from './later-marker-read.ts';
import type { SwitchState } from './switch-guard.ts';

/** Marker reads that answer when told to, numbered in the order they began. */
function controlledReads() {
  const begun: Array<{ answer: (state: SwitchState) => void; fail: (error: Error) => void }> = [];
  const read = () =>
    new Promise<SwitchState>((resolve, reject) => {
      begun.push({ answer: resolve, fail: reject });
    });
  return { begun, read };
}

const state = (generation: number): SwitchState => ({ generation, active: false });

describe('marker reads shared by the reads that need one', () => {
  it('start one at once when none is under way', async () => {
    const { begun, read } = controlledReads();
    const marker = new LaterMarkerRead(read);
    const answer = marker.next();
    expect(begun).toHaveLength(1);
    begun[0]?.answer(state(3));
    expect(await answer).toEqual(state(3));
  });

  it('never hand a caller one that was under way when it asked, and share the next among all who wait', async () => {
    const { begun, read } = controlledReads();
    const marker = new LaterMarkerRead(read);
    const first = marker.next();
    const second = marker.next();
    const third = marker.next();
    // The second and third asked while the first was under way: they wait for one begun later, together.
    expect(begun).toHaveLength(1);
    begun[0]?.answer(state(1));
    expect(await first).toEqual(state(1));
    await Promise.resolve();
    expect(begun).toHaveLength(2);
    begun[1]?.answer(state(2));
    expect(await second).toEqual(state(2));
    expect(await third).toEqual(state(2));
    // A caller after that finds nothing under way and starts its own.
    const fourth = marker.next();
    expect(begun).toHaveLength(3);
    begun[2]?.answer(state(4));
    expect(await fourth).toEqual(state(4));
  });

  it('start the next one even when the one under way failed, and pass a failure only to its own callers', async () => {
    const { begun, read } = controlledReads();
    const marker = new LaterMarkerRead(read);
    const first = marker.next();
    const second = marker.next();
    begun[0]?.fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await Promise.resolve();
    expect(begun).toHaveLength(2);
    begun[1]?.answer(state(7));
    expect(await second).toEqual(state(7));
  });

  describe('when one hangs', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('start the next one after the patience given, without waiting for it', async () => {
      vi.useFakeTimers();
      const { begun, read } = controlledReads();
      const marker = new LaterMarkerRead(read, 100);
      marker.next();
      const waiting = marker.next();
      await vi.advanceTimersByTimeAsync(99);
      expect(begun).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(begun).toHaveLength(2);
      begun[1]?.answer(state(5));
      expect(await waiting).toEqual(state(5));
      // The one that hung is still under way, and is not handed to anyone who asks now.
      const later = marker.next();
      expect(begun).toHaveLength(3);
      begun[2]?.answer(state(6));
      expect(await later).toEqual(state(6));
    });
  });
});
