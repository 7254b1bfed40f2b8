import { describe, expect, it } from 'vitest';
import { SavedViewInputSchema } from '../../../graph/contract/api.ts';
import { EMPTY_VIEW, type ViewState } from '../state/link-state.ts';
import { savedViewInput, viewStateOf } from './saved-view-link.ts';

const view: ViewState = {
  ...EMPTY_VIEW,
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
  it('round-trips the view state through what the API stores', () => {
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
    expect(viewStateOf(input)).toEqual(view);
  });

  it('falls back to the default layout and tab for names this build does not know', () => {
    const input = savedViewInput('x', view, {}, null);
    const opened = viewStateOf({ state: { ...input.state, layout: 'cola', view: 'gallery' } });
    expect(opened.layout).toBe('fcose');
    expect(opened.view).toBe('explore');
  });
});
