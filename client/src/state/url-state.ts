import { isDay } from '../format/days.ts';
import {
  DEFAULT_LIMIT,
  EMPTY_LINK,
  type Expansion,
  type LinkState,
  layoutNamed,
  MAX_LIMIT,
  type Selection,
  tabNamed,
} from './link-state.ts';

/**
 * The view in the query string, so a reload or a shared link shows the same thing:
 *
 *   ?node=org:bury-council            selected node (or edge=<id> for a relationship)
 *   &x=inspection:a,org:b~50          expanded nodes in order; `~N` when more than the default 25 were asked for
 *   &pin=person:c                     nodes added by search
 *   &hide=doc:d                       hidden nodes
 *   &open=inspection:e                findings drawn one by one instead of as one "N findings" node
 *   &at=2017-06-12                    relationships in force on that day (absent: all of time)
 *   &nolabel=Document&notype=MENTIONS labels and relationship types filtered out
 *   &layout=dagre&view=timeline       when not the defaults (fcose, explore)
 *
 * Decoding ignores anything malformed, so a hand-edited link still opens.
 */

const NODE_ID = /^[a-z]+:[a-z0-9-]+$/;
const NAME = /^[A-Za-z_]+$/;

function list(params: URLSearchParams, key: string, valid: RegExp): string[] {
  const value = params.get(key);
  if (!value) return [];
  const items = value.split(',').filter((item) => valid.test(item));
  return [...new Set(items)];
}

function expansions(params: URLSearchParams): Expansion[] {
  const value = params.get('x');
  if (!value) return [];
  const seen = new Set<string>();
  const out: Expansion[] = [];
  for (const item of value.split(',')) {
    const [id = '', rawLimit] = item.split('~');
    if (!NODE_ID.test(id) || seen.has(id)) continue;
    const limit = rawLimit === undefined ? DEFAULT_LIMIT : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) continue;
    seen.add(id);
    out.push({ id, limit });
  }
  return out;
}

function selection(params: URLSearchParams): Selection | null {
  const node = params.get('node');
  if (node && NODE_ID.test(node)) return { kind: 'node', id: node };
  const edge = params.get('edge');
  if (edge && edge.length <= 300) return { kind: 'edge', id: edge };
  return null;
}

export function decodeLink(search: string): LinkState {
  const params = new URLSearchParams(search);
  const at = params.get('at');
  const layout = params.get('layout');
  return {
    pinned: list(params, 'pin', NODE_ID),
    expansions: expansions(params),
    hidden: list(params, 'hide', NODE_ID),
    openFindings: list(params, 'open', NODE_ID),
    selected: selection(params),
    at: at && isDay(at) ? at : null,
    hiddenLabels: list(params, 'nolabel', NAME),
    hiddenTypes: list(params, 'notype', NAME),
    layout: layoutNamed(layout),
    tab: tabNamed(params.get('view')),
  };
}

export function encodeLink(view: LinkState): string {
  const params = new URLSearchParams();
  if (view.selected) params.set(view.selected.kind, view.selected.id);
  if (view.expansions.length > 0)
    params.set(
      'x',
      view.expansions.map((e) => (e.limit === DEFAULT_LIMIT ? e.id : `${e.id}~${e.limit}`)).join(','),
    );
  if (view.pinned.length > 0) params.set('pin', view.pinned.join(','));
  if (view.hidden.length > 0) params.set('hide', view.hidden.join(','));
  if (view.openFindings.length > 0) params.set('open', view.openFindings.join(','));
  if (view.at) params.set('at', view.at);
  if (view.hiddenLabels.length > 0) params.set('nolabel', view.hiddenLabels.join(','));
  if (view.hiddenTypes.length > 0) params.set('notype', view.hiddenTypes.join(','));
  if (view.layout !== EMPTY_LINK.layout) params.set('layout', view.layout);
  if (view.tab !== EMPTY_LINK.tab) params.set('view', view.tab);
  // ':', ',' and '~' need no escaping in a query, so keep ids and limits readable in the address bar.
  return params.toString().replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%7E/g, '~');
}

/** True when the link says nothing about what to show, so the opening should be built. */
export function isBlankLink(view: LinkState): boolean {
  return view.pinned.length === 0 && view.expansions.length === 0 && view.selected === null;
}
