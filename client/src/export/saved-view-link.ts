import type { SavedView, SavedViewInput, SavedViewState } from '../../../graph/contract/api.ts';
import type { Viewport } from '../canvas/viewport.ts';
import { type LinkState, layoutNamed, tabNamed } from '../state/link-state.ts';

/**
 * Between the link state and a saved view. Pure: saving takes the state, the positions
 * and the viewport; opening gives back a link state the store can restore, with defaults for a
 * layout or tab this build does not know.
 */

export function savedViewInput(
  name: string,
  link: LinkState,
  positions: Record<string, { x: number; y: number }>,
  viewport: Viewport | null,
  query: string | null = null,
): SavedViewInput {
  const state: SavedViewState = {
    pinned: [...link.pinned],
    expansions: link.expansions.map((e) => ({ id: e.id, limit: e.limit })),
    hidden: [...link.hidden],
    openFindings: [...link.openFindings],
    selected: link.selected ? { ...link.selected } : null,
    at: link.at,
    hiddenLabels: [...link.hiddenLabels],
    hiddenTypes: [...link.hiddenTypes],
    layout: link.layout,
    view: link.tab,
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
    openFindings: [...(s.openFindings ?? [])],
    selected: s.selected ? { ...s.selected } : null,
    at: s.at,
    hiddenLabels: [...s.hiddenLabels],
    hiddenTypes: [...s.hiddenTypes],
    layout: layoutNamed(s.layout),
    tab: tabNamed(s.view),
  };
}
