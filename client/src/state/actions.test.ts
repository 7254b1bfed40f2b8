import { describe, expect, it } from 'vitest';
import { reduce } from './actions.ts';
import { type AppState, graphKey, initialState, linkOf } from './app-state.ts';

function withExpansions(...ids: string[]): AppState {
  return { ...initialState(), expansions: ids.map((id) => ({ id, limit: 25 })) };
}

describe('reduce', () => {
  it('expands a node once, with the default limit, and anchors new nodes on it', () => {
    const once = reduce(initialState(), { type: 'expand', id: 'org:a' });
    expect(once.expansions).toEqual([{ id: 'org:a', limit: 25 }]);
    expect(once.anchor).toBe('org:a');
    expect(reduce(once, { type: 'expand', id: 'org:a' })).toBe(once);
  });

  it("opens an inspection's findings once, and keeps them open in the link", () => {
    const once = reduce(initialState(), { type: 'openFindings', home: 'inspection:a' });
    expect(once.openFindings).toEqual(['inspection:a']);
    expect(reduce(once, { type: 'openFindings', home: 'inspection:a' })).toBe(once);
    expect(linkOf(once).openFindings).toEqual(['inspection:a']);
    expect(graphKey(once)).not.toBe(graphKey(initialState()));
  });

  it('undoes only the last expansion', () => {
    const state = reduce(withExpansions('org:a', 'org:b'), { type: 'undoExpansion' });
    expect(state.expansions.map((e) => e.id)).toEqual(['org:a']);
  });

  it('collapses the named expansion and leaves the others', () => {
    const state = reduce(withExpansions('org:a', 'org:b', 'org:c'), { type: 'collapse', id: 'org:b' });
    expect(state.expansions.map((e) => e.id)).toEqual(['org:a', 'org:c']);
  });

  it('hiding a node unpins it, drops its expansion and its selection', () => {
    const start: AppState = {
      ...withExpansions('org:a'),
      pinned: ['org:a'],
      selected: { kind: 'node', id: 'org:a' },
    };
    const state = reduce(start, { type: 'hide', id: 'org:a' });
    expect(state.hidden).toEqual(['org:a']);
    expect(state.pinned).toEqual([]);
    expect(state.expansions).toEqual([]);
    expect(state.selected).toBeNull();
  });

  it('clamps a larger limit when showing more', () => {
    const state = reduce(withExpansions('org:a'), { type: 'showMore', id: 'org:a', limit: 10_000 });
    expect(state.expansions[0]?.limit).toBe(500);
  });

  it('toggles filters on and off', () => {
    const on = reduce(initialState(), { type: 'toggleType', relType: 'MENTIONS' });
    expect(on.hiddenTypes).toEqual(['MENTIONS']);
    expect(reduce(on, { type: 'toggleType', relType: 'MENTIONS' }).hiddenTypes).toEqual([]);
  });

  it('derives the load status from what was loaded', () => {
    const loading = reduce(initialState(), { type: 'loadStarted' });
    expect(loading.status).toBe('loading');
    expect(reduce(loading, { type: 'loadSucceeded', nodeCount: 0, notices: [] }).status).toBe('empty');
    expect(reduce(loading, { type: 'loadSucceeded', nodeCount: 3, notices: [] }).status).toBe('ready');
    const notice = { id: 'org:a', name: 'A', shown: 25, total: 40, limit: 25 };
    expect(reduce(loading, { type: 'loadSucceeded', nodeCount: 26, notices: [notice] }).status).toBe(
      'truncated',
    );
    const failed = reduce(loading, { type: 'loadFailed', error: { code: 'INTERNAL', message: 'boom' } });
    expect(failed.status).toBe('error');
    expect(failed.error?.code).toBe('INTERNAL');
  });

  it('restoring a view replaces the view and keeps health', () => {
    const degraded = reduce(initialState(), { type: 'healthChanged', health: 'degraded' });
    const state = reduce(degraded, {
      type: 'restore',
      link: { ...degraded, at: '2017-06-12', pinned: ['org:a'] },
    });
    expect(state.at).toBe('2017-06-12');
    expect(state.pinned).toEqual(['org:a']);
    expect(state.health).toBe('degraded');
  });
});
