import type { OpeningNote, OpeningView } from '../../../graph/contract/opening.ts';
import { formatDate } from '../format/dates.ts';
import { DEFAULT_LIMIT, EMPTY_LINK, type LinkState } from '../state/link-state.ts';

/**
 * What a blank link opens on is worked out by the server (GET /api/opening, server/opening/): the
 * 2017 local-area inspection, the organisations it inspected and who led them, on a day the sources
 * name them. Here it becomes a link to draw and a note for the status line.
 */

export interface Opening {
  link: LinkState;
  /** Why the date is what it is, when it had to be chosen (for the status line). */
  note: string | null;
}

/** The status line's words for why the opening shows the day it shows. */
export function noteText(note: OpeningNote | null): string | null {
  if (!note) return null;
  switch (note.kind) {
    case 'narrowed':
      return `The inspection is dated ${note.dated}; showing relationships in force on its first day, ${note.day}.`;
    case 'later':
      return `No source says who held these organisations’ posts on ${formatDate(note.inspectionDay)}, when the inspection began; the first day a source does is ${formatDate(note.day)}, so the graph shows relationships in force then. Change the date on the left, or tick “All dates”.`;
    case 'all-dates':
      return 'No source says who held these organisations’ posts when the inspection took place, so every relationship is shown, whenever it held.';
  }
}

/** The link that draws the opening: the inspection pinned and selected, in accountability columns. */
export function openingOf(view: OpeningView): Opening {
  return {
    link: {
      ...EMPTY_LINK,
      pinned: [view.inspection],
      expansions: view.expansions.map(({ id, limit }) => ({ id, limit })),
      at: view.at,
      hiddenTypes: [...view.hiddenTypes],
      selected: { kind: 'node', id: view.inspection },
      layout: 'accountability',
    },
    note: noteText(view.note),
  };
}

/**
 * The opening drawn for a link that names no node, keeping what the link did name: its date (a
 * shared `?view=posts&at=2017-11-21` must open on 21 November 2017, not on the inspection's day),
 * its layout unless it is the default, and its tab.
 */
export function openingFor(link: LinkState, opening: LinkState): LinkState {
  return {
    ...opening,
    at: link.at ?? opening.at,
    layout: link.layout === EMPTY_LINK.layout ? opening.layout : link.layout,
    tab: link.tab,
  };
}

/**
 * A link naming a node and nothing else (`?node=person:x`, as people share them) draws that node
 * and its neighbourhood, rather than an empty canvas beside the node's details.
 */
export function withLoneNodeDrawn(link: LinkState): LinkState {
  const selected = link.selected;
  if (selected?.kind !== 'node' || link.pinned.length > 0 || link.expansions.length > 0) return link;
  return { ...link, pinned: [selected.id], expansions: [{ id: selected.id, limit: DEFAULT_LIMIT }] };
}
