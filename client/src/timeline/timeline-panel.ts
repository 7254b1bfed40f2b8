import type { TimelineEvent } from '../../../graph/contract/api.ts';
import { evidenceList } from '../evidence/evidence.ts';
import { formatEventDate } from '../format/dates.ts';
import type { AppState } from '../state/app-state.ts';
import type { Deps } from '../ui/deps.ts';
import { errorText, h, replace, statusLine } from '../ui/dom.ts';
import './timeline.css';

/**
 * The timeline of the selected organisation or person: tenures, attestations, inspections,
 * reports, findings and statements in date order, each date shown with the precision it has.
 */

const PRECISION_TEXT: Record<TimelineEvent['precision'], string> = {
  day: 'exact day',
  month: 'month only',
  year: 'year only',
  bounded: 'within bounds',
};

/** A button to the related node, named once its name is known (node details are cached). */
function relatedButton(id: string, deps: Deps): HTMLElement {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'link-button',
      title: 'Show in the graph',
      onclick: () => {
        deps.store.dispatch({ type: 'setTab', tab: 'explore' });
        deps.jumpTo(id);
      },
    },
    id,
  );
  deps.data.node(id).then(
    (detail) => {
      button.textContent = `${detail.node.name} (${detail.node.label})`;
    },
    () => undefined,
  );
  return button;
}

function eventItem(event: TimelineEvent, subjectId: string, deps: Deps): HTMLElement {
  // The timeline's own subject is in every event; link only to the others.
  const related = event.relatedIds.filter((id) => id !== subjectId);
  return h(
    'li',
    { class: `event event-${event.kind}`, 'data-testid': 'timeline-event', 'data-kind': event.kind },
    h(
      'div',
      { class: 'event-date' },
      h(
        'time',
        { datetime: event.date.split('/')[0] ?? event.date },
        formatEventDate(event.date, event.precision),
      ),
      h('span', { class: `badge precision precision-${event.precision}` }, PRECISION_TEXT[event.precision]),
    ),
    h(
      'div',
      { class: 'event-body' },
      h(
        'div',
        { class: 'event-head' },
        h('span', { class: 'badge kind' }, event.kind),
        h('strong', {}, event.title),
      ),
      event.detail ? h('p', {}, event.detail) : null,
      related.length > 0
        ? h('p', { class: 'related' }, ...related.map((id) => relatedButton(id, deps)))
        : null,
      event.evidence.length > 0
        ? h(
            'details',
            { class: 'quotes' },
            h('summary', {}, `Evidence (${event.evidence.length})`),
            evidenceList(event.evidence, deps),
          )
        : null,
    ),
  );
}

export function createTimelinePanel(root: HTMLElement, deps: Deps) {
  let shown = '';
  return {
    render(state: AppState) {
      const id = state.selected?.kind === 'node' ? state.selected.id : null;
      const key = JSON.stringify([state.tab, id]);
      if (key === shown) return;
      shown = key;
      if (state.tab !== 'timeline') return;
      const isCurrent = () => shown === key;
      const intro = h('h2', { class: 'panel-title' }, 'Timeline');
      if (!id) {
        replace(
          root,
          intro,
          statusLine('empty', 'Select an organisation or a person to see their timeline.'),
        );
        return;
      }
      replace(root, intro, statusLine('loading', 'Loading the timeline…'));
      deps.data
        .node(id)
        .then((detail) => {
          const { label, name } = detail.node;
          if (label !== 'Organisation' && label !== 'Person') {
            if (isCurrent())
              replace(
                root,
                intro,
                statusLine('empty', `${name} is a ${label}; timelines are for organisations and people.`),
              );
            return null;
          }
          return deps.api.timeline(label === 'Organisation' ? { org: id } : { person: id });
        })
        .then(
          (timeline) => {
            if (!timeline || !isCurrent()) return;
            replace(
              root,
              h('h2', { class: 'panel-title' }, `Timeline: ${timeline.subject.name}`),
              h('p', { class: 'muted' }, 'In date order. Dates keep the precision the sources give them.'),
              timeline.events.length === 0
                ? statusLine('empty', 'The sources date nothing about this yet.')
                : h(
                    'ol',
                    { class: 'timeline', 'data-testid': 'timeline' },
                    ...timeline.events.map((e) => eventItem(e, id, deps)),
                  ),
            );
          },
          (error: unknown) => {
            if (isCurrent()) replace(root, intro, statusLine('error', errorText(error)));
          },
        );
    },
  };
}
