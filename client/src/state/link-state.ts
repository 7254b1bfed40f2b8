import { DEFAULT_EXPANSION_LIMIT } from '../../../graph/contract/view-fetch.ts';

/**
 * What a link carries (see url-state.ts), and what a saved view stores of it: the nodes on the
 * canvas and how they got there, the selection, the date, the filters, the layout and the tab.
 */

export const LAYOUTS = ['fcose', 'dagre', 'concentric', 'accountability'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/**
 * The tabs a link may name (`?view=`). Each has one entry in main.ts's tab table, which builds its
 * panel and its button; TypeScript refuses a name here without an entry there.
 */
export const TABS = ['explore', 'timeline', 'posts', 'sources', 'console'] as const;
export type TabName = (typeof TABS)[number];

/** How many neighbours one expansion asks for unless the user asks for more (the server's opening too). */
export const DEFAULT_LIMIT = DEFAULT_EXPANSION_LIMIT;
export const MAX_LIMIT = 500;

export interface Expansion {
  id: string;
  limit: number;
}

export interface Selection {
  kind: 'node' | 'edge';
  id: string;
}

export interface LinkState {
  /** Nodes put on the canvas by search or by the opening link, whether or not they are expanded. */
  pinned: string[];
  /** Expanded nodes in the order they were expanded; undo removes the last. */
  expansions: Expansion[];
  hidden: string[];
  /** Inspections and reports whose findings are drawn one by one, not as one "N findings" node. */
  openFindings: string[];
  selected: Selection | null;
  /** The day relationships must be in force on, or null for all of time. */
  at: string | null;
  hiddenLabels: string[];
  hiddenTypes: string[];
  layout: LayoutName;
  tab: TabName;
}

export const EMPTY_LINK: LinkState = {
  pinned: [],
  expansions: [],
  hidden: [],
  openFindings: [],
  selected: null,
  at: null,
  hiddenLabels: [],
  hiddenTypes: [],
  layout: 'fcose',
  tab: 'explore',
};

/** The layout or tab named, or the default for a name this build does not know. */
export function layoutNamed(name: string | null): LayoutName {
  return LAYOUTS.includes(name as LayoutName) ? (name as LayoutName) : EMPTY_LINK.layout;
}

export function tabNamed(name: string | null): TabName {
  return TABS.includes(name as TabName) ? (name as TabName) : EMPTY_LINK.tab;
}
