import type { SavedView, SavedViewInput, SavedViewState } from '../../../graph/contract/api.ts';
import type { Viewport } from '../canvas/viewport.ts';
import { type LinkState, layoutNamed, tabNamed } from '../state/link-state.ts';

/**
 * Between the explorer's view state and a saved view. Pure: saving takes the state, the positions
 * and the viewport; opening gives back a view state the store can restore, with defaults for a
 * layout or tab this build does not know.
 */

export function savedViewInput(
  name: string,
  view: LinkState,
  positions: Record<string, { x: number; y: number }>,
  viewport: Viewport | null,
  query: string | null = null,
): SavedViewInput {
  const state: SavedViewState = {
    pinned: [...view.pinned],
    expansions: view.expansions.map((e) => ({ id: e.id, limit: e.limit })),
    hidden: [...view.hidden],
    selected: view.selected ? { ...view.selected } : null,
    at: view.at,
    hiddenLabels: [...view.hiddenLabels],
    hiddenTypes: [...view.hiddenTypes],
    layout: view.layout,
    view: view.tab,
    query,
  };
  return { name: name.trim(), state, positions, viewport };
}

export function linkStateOf(saved: Pick<SavedView, 'state'>): LinkState {
  const s = saved.state;
  return {
    pinned: [...s.pinned],
    expansions: s.expansions.map((e) => ({ ...e })),
    hidden: [...s.hidden],
    selected: s.selected ? { ...s.selected } : null,
    at: s.at,
    hiddenLabels: [...s.hiddenLabels],
    hiddenTypes: [...s.hiddenTypes],
    layout: layoutNamed(s.layout),
    tab: tabNamed(s.view),
  };
}
