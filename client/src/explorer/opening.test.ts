import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, EMPTY_LINK } from '../state/link-state.ts';
import { noteText, openingFor, openingOf, withLoneNodeDrawn } from './opening.ts';

describe('the opening the server chose', () => {
  const view = {
    inspection: 'inspection:i',
    expansions: [
      { id: 'inspection:i', limit: 25 },
      { id: 'post:ceo', limit: 25 },
    ],
    at: '2017-11-21',
    hiddenTypes: ['MENTIONS', 'CLAIMS'],
    note: null,
  };

  it('becomes a link with the inspection pinned and selected, in accountability columns', () => {
    expect(openingOf(view)).toEqual({
      link: {
        ...EMPTY_LINK,
        pinned: ['inspection:i'],
        expansions: view.expansions,
        at: '2017-11-21',
        hiddenTypes: ['MENTIONS', 'CLAIMS'],
        selected: { kind: 'node', id: 'inspection:i' },
        layout: 'accountability',
      },
      note: null,
    });
  });

  it('says why the day shown is not the inspection’s own', () => {
    expect(noteText(null)).toBeNull();
    expect(noteText({ kind: 'narrowed', dated: '2017-06', day: '2017-06-01' })).toBe(
      'The inspection is dated 2017-06; showing relationships in force on its first day, 2017-06-01.',
    );
    const later = noteText({ kind: 'later', inspectionDay: '2017-06-12', day: '2017-11-21' });
    expect(later).toContain('12 June 2017');
    expect(later).toContain('21 November 2017');
    expect(noteText({ kind: 'all-dates' })).toContain('every relationship is shown');
  });
});

describe('a link naming only a node', () => {
  it('draws the node and its neighbours, and leaves fuller links alone', () => {
    const lone = { ...EMPTY_LINK, selected: { kind: 'node' as const, id: 'person:a' } };
    expect(withLoneNodeDrawn(lone)).toMatchObject({
      pinned: ['person:a'],
      expansions: [{ id: 'person:a', limit: DEFAULT_LIMIT }],
    });
    const full = { ...lone, pinned: ['org:b'] };
    expect(withLoneNodeDrawn(full)).toBe(full);
    const edge = { ...EMPTY_LINK, selected: { kind: 'edge' as const, id: 'r1' } };
    expect(withLoneNodeDrawn(edge)).toBe(edge);
  });
});

describe('a blank link with a date, tab or layout of its own', () => {
  it("keeps the link's date, tab and chosen layout over the opening's", () => {
    const opening = {
      ...EMPTY_LINK,
      pinned: ['inspection:i'],
      at: '2017-06-12',
      layout: 'accountability' as const,
    };
    const link = { ...EMPTY_LINK, at: '2017-11-21', tab: 'posts' as const };
    expect(openingFor(link, opening)).toEqual({ ...opening, at: '2017-11-21', tab: 'posts' });
    // A link with no date (or the default layout) leaves the opening's choice.
    expect(openingFor(EMPTY_LINK, opening)).toEqual(opening);
    expect(openingFor({ ...EMPTY_LINK, layout: 'dagre' }, opening).layout).toBe('dagre');
  });
});
