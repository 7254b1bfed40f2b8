import { describe, expect, it } from 'vitest';
import { EMPTY_LINK, type LinkState } from './link-state.ts';
import { decodeLink, encodeLink, isBlankLink } from './url-state.ts';

const FULL: LinkState = {
  pinned: ['person:karen-dolton'],
  expansions: [
    { id: 'inspection:bury-local-area-send-2017', limit: 25 },
    { id: 'org:bury-council', limit: 100 },
  ],
  hidden: ['doc:2017-bbc-bury-two-years-behind'],
  openFindings: ['inspection:bury-local-area-send-2017'],
  selected: { kind: 'node', id: 'org:bury-council' },
  at: '2017-06-12',
  hiddenLabels: ['Document'],
  hiddenTypes: ['MENTIONS', 'CLAIMS'],
  layout: 'dagre',
  tab: 'timeline',
};

describe('URL state', () => {
  it('round-trips a full view', () => {
    expect(decodeLink(encodeLink(FULL))).toEqual(FULL);
  });

  it('round-trips a selected edge whose id has unusual characters', () => {
    const view: LinkState = { ...EMPTY_LINK, selected: { kind: 'edge', id: 'HOLDS:person:a>post:b c' } };
    expect(decodeLink(encodeLink(view))).toEqual(view);
  });

  it('writes nothing for the defaults and keeps ids readable', () => {
    expect(encodeLink(EMPTY_LINK)).toBe('');
    const text = encodeLink(FULL);
    expect(text).toContain('x=inspection:bury-local-area-send-2017,org:bury-council~100');
    expect(text).not.toContain('layout=fcose');
    expect(text).toContain('open=inspection:bury-local-area-send-2017');
  });

  it('drops malformed parts instead of failing', () => {
    const view = decodeLink('?x=org:ok,<script>,org:big~9999&at=2017-02-30&layout=spiral&node=Bad Id');
    expect(view.expansions).toEqual([{ id: 'org:ok', limit: 25 }]);
    expect(view.at).toBeNull();
    expect(view.layout).toBe('fcose');
    expect(view.selected).toBeNull();
  });

  it('knows a blank link from a view', () => {
    expect(isBlankLink(decodeLink(''))).toBe(true);
    expect(isBlankLink(decodeLink('?at=2017-06-12'))).toBe(true);
    expect(isBlankLink(decodeLink('?pin=org:bury-council'))).toBe(false);
  });
});
