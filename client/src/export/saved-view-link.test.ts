import { describe, expect, it } from 'vitest';
import { SavedViewInputSchema } from '../../../graph/contract/api.ts';
import { EMPTY_LINK, type LinkState } from '../state/link-state.ts';
import { linkStateOf, savedViewInput } from './saved-view-link.ts';

const view: LinkState = {
  ...EMPTY_LINK,
  pinned: ['org:bury-council'],
  expansions: [{ id: 'org:bury-council', limit: 50 }],
  hidden: ['doc:a'],
  selected: { kind: 'edge', id: 'tenure:x' },
  at: '2017-11-21',
  hiddenLabels: ['Document'],
  hiddenTypes: ['MENTIONS'],
  layout: 'dagre',
};

describe('saved view state', () => {
  it('round-trips the link state through what the API stores', () => {
    const input = savedViewInput(
      '  Leaders  ',
      view,
      { 'org:bury-council': { x: 1, y: 2 } },
      null,
      'MATCH (n) RETURN n',
    );
    expect(SavedViewInputSchema.parse(input)).toEqual(input);
    expect(input.name).toBe('Leaders');
    expect(input.state.query).toBe('MATCH (n) RETURN n');
    expect(linkStateOf(input)).toEqual(view);
  });

  it('falls back to the default layout and tab for names this build does not know', () => {
    const input = savedViewInput('x', view, {}, null);
    const opened = linkStateOf({ state: { ...input.state, layout: 'cola', view: 'gallery' } });
    expect(opened.layout).toBe('fcose');
    expect(opened.tab).toBe('explore');
  });
});
