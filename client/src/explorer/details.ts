import type { ElementEdge, NodeDetail } from '../../../graph/contract/api.ts';
import { HIDDEN_PROPERTIES } from '../../../graph/contract/elements.ts';
import { styleOf } from '../canvas/style.ts';
import { evidenceItem, evidenceList } from '../evidence/evidence.ts';
import { formatDate, formatSpan, precisionOf } from '../format/dates.ts';
import type { AppState } from '../state/app-state.ts';
import type { Deps } from '../ui/deps.ts';
import { errorText, h, replace, statusLine } from '../ui/dom.ts';
import { findingAccountability, orgAccountability } from './accountability.ts';

/**
 * The right-hand panel: what is selected, every quote behind it, and for an organisation or a
 * finding, who was accountable.
 */

/** Shown elsewhere in the panel (the title, the disputed note); what no panel shows is the contract's HIDDEN_PROPERTIES. */
const SHOWN_ELSEWHERE = new Set(['id', 'name', 'disputedProperties']);

function humanise(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function showValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(showValue).join(', ');
  if (typeof value === 'string') return precisionOf(value) ? formatDate(value) : value;
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function propertyList(entries: Array<[string, unknown]>): HTMLElement {
  const dl = h('dl', { class: 'props', 'data-testid': 'properties' });
  for (const [key, value] of entries) {
    if (value === null || value === undefined || value === '') continue;
    dl.append(h('dt', {}, humanise(key)), h('dd', {}, showValue(value)));
  }
  return dl;
}

function labelBadge(label: string): HTMLElement {
  const badge = h('span', { class: 'badge label-badge' }, label);
  badge.style.setProperty('--swatch', styleOf(label).color);
  return badge;
}

function claimsSection(detail: NodeDetail, deps: Deps): HTMLElement | null {
  if (detail.claims.length === 0) return null;
  const byProperty = new Map<string, NodeDetail['claims']>();
  for (const claim of detail.claims)
    byProperty.set(claim.property, [...(byProperty.get(claim.property) ?? []), claim]);
  const section = h('section', { class: 'claims' }, h('h3', {}, 'What the sources say'));
  for (const [property, claims] of byProperty) {
    const values = new Set(claims.map((c) => c.value));
    section.append(
      h(
        'h4',
        {},
        humanise(property),
        values.size > 1
          ? h('span', { class: 'badge disagree', title: 'The sources disagree' }, 'sources disagree')
          : null,
      ),
    );
    for (const claim of claims)
      section.append(evidenceItem(claim, deps, `says ${humanise(property).toLowerCase()}: ${claim.value}`));
  }
  return section;
}

function nodeActions(id: string, label: string, state: AppState, deps: Deps): HTMLElement {
  const { store } = deps;
  const expanded = state.expansions.some((e) => e.id === id);
  const button = (
    text: string,
    testid: string,
    onclick: () => void,
    attrs: Record<string, string | boolean> = {},
  ) => h('button', { type: 'button', class: 'button', 'data-testid': testid, onclick, ...attrs }, text);
  return h(
    'div',
    { class: 'actions', role: 'group', 'aria-label': 'Node actions' },
    expanded
      ? button('Collapse', 'collapse-button', () => store.dispatch({ type: 'collapse', id }), {
          title: 'Remove the neighbours this node’s expansion brought, unless something else brings them',
        })
      : button('Expand', 'expand-button', () => store.dispatch({ type: 'expand', id }), {
          title: 'Show this node’s neighbours (or double-click it)',
          class: 'button primary',
        }),
    button('Centre', 'center-button', () => deps.jumpTo(id)),
    button('Hide', 'hide-button', () => store.dispatch({ type: 'hide', id })),
    label === 'Organisation' || label === 'Person'
      ? button('Timeline', 'timeline-button', () => store.dispatch({ type: 'setTab', tab: 'timeline' }))
      : null,
  );
}

function renderNode(
  panel: HTMLElement,
  id: string,
  state: AppState,
  deps: Deps,
  isCurrent: () => boolean,
): void {
  replace(panel, statusLine('loading', 'Loading details…'));
  deps.data.node(id).then(
    (detail) => {
      if (!isCurrent()) return;
      const { node } = detail;
      const props = Object.entries(node.properties).filter(
        ([key]) => !HIDDEN_PROPERTIES.has(key) && !SHOWN_ELSEWHERE.has(key),
      );
      const disputed = node.properties.disputedProperties;
      replace(
        panel,
        h(
          'section',
          { class: 'details', 'data-testid': 'node-details', 'data-node-id': node.id },
          h(
            'header',
            { class: 'details-head' },
            labelBadge(node.label),
            h('h2', { 'data-testid': 'detail-name' }, node.name),
          ),
          h(
            'p',
            { class: 'muted' },
            `${detail.degree} relationship${detail.degree === 1 ? '' : 's'} · ${node.id}`,
          ),
          nodeActions(node.id, node.label, state, deps),
          Array.isArray(disputed) && disputed.length > 0
            ? h(
                'p',
                { class: 'warning' },
                `Sources disagree about: ${disputed.map(String).map(humanise).join(', ')}`,
              )
            : null,
          // Who was accountable first: it is what the reader came for; the properties follow.
          node.label === 'Organisation' ? orgAccountability(node.id, state.at, deps) : null,
          node.label === 'Finding' || node.label === 'Report' || node.label === 'Inspection'
            ? findingAccountability(node.id, deps, node.label)
            : null,
          props.length > 0 ? propertyList(props) : null,
          claimsSection(detail, deps),
          h('h3', {}, `Evidence (${detail.evidence.length})`),
          evidenceList(detail.evidence, deps, undefined, detail.citations ?? []),
        ),
      );
    },
    (error: unknown) => {
      if (isCurrent()) replace(panel, statusLine('error', errorText(error)));
    },
  );
}

function endButton(id: string, deps: Deps): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'link-button strong', onclick: () => deps.jumpTo(id) },
    deps.canvas.nodeName(id) ?? id,
  );
}

function renderEdge(panel: HTMLElement, edge: ElementEdge['data'], deps: Deps): void {
  const attested = edge.attestedOn ?? [];
  replace(
    panel,
    h(
      'section',
      { class: 'details', 'data-testid': 'edge-details', 'data-edge-id': edge.id },
      h(
        'header',
        { class: 'details-head' },
        h('span', { class: 'badge rel-badge' }, 'relationship'),
        h('h2', { 'data-testid': 'detail-name' }, edge.type),
      ),
      h('p', { class: 'edge-ends' }, endButton(edge.source, deps), ' → ', endButton(edge.target, deps)),
      edge.type === 'HOLDS' && edge.known
        ? h(
            'p',
            { class: `badge known-${edge.known}` },
            edge.known === 'stated' ? 'tenure stated by a source' : 'tenure known only from attestations',
          )
        : null,
      propertyList([
        ['when', formatSpan(edge.from, edge.to)],
        ['date', edge.date],
        ['qualifier', edge.qualifier],
        ['capacity', edge.capacity],
        ['status', edge.status],
        ['attested on', attested.length > 0 ? attested.map((d) => formatDate(d)).join('; ') : null],
        ['text', edge.text],
      ]),
      h('h3', {}, `Evidence (${edge.evidence.length})`),
      evidenceList(edge.evidence, deps, undefined, edge.citations ?? []),
    ),
  );
}

function renderNothing(panel: HTMLElement): void {
  replace(
    panel,
    h(
      'section',
      { class: 'details empty-details' },
      h('h2', {}, 'Details'),
      h('p', {}, 'Select a node or a relationship to see its properties and the source quotes behind it.'),
      h('p', { class: 'muted' }, 'Double-click a node to expand its neighbours.'),
    ),
  );
}

export function createDetailsPanel(panel: HTMLElement, deps: Deps) {
  let shown = '';
  return {
    render(state: AppState) {
      const selected = state.selected;
      // An edge selected from a link is drawn only once the graph has loaded; wait for it.
      const edge = selected?.kind === 'edge' ? deps.canvas.edgeData(selected.id) : null;
      const key = JSON.stringify([
        selected,
        state.at,
        state.expansions.map((e) => e.id),
        edge ? 'drawn' : state.status,
      ]);
      if (key === shown) return;
      shown = key;
      if (!selected) return renderNothing(panel);
      if (selected.kind === 'node') return renderNode(panel, selected.id, state, deps, () => shown === key);
      if (edge) return renderEdge(panel, edge, deps);
      if (state.status === 'loading' || state.status === 'idle')
        return replace(panel, statusLine('loading', 'Loading the relationship…'));
      replace(
        panel,
        statusLine('empty', 'That relationship is not on the canvas at this date or with these filters.'),
      );
    },
  };
}
