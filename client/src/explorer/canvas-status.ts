import type { Action } from '../state/actions.ts';
import type { AppState } from '../state/app-state.ts';
import { MAX_LIMIT } from '../state/link-state.ts';
import { h, replace } from '../ui/dom.ts';

/**
 * Over the canvas: loading, empty and error states, and an "N more" notice per truncated expansion;
 * above it (`noteRoot`), the opening's note.
 */
export function createCanvasStatus(
  root: HTMLElement,
  noteRoot: HTMLElement,
  dispatch: (action: Action) => void,
  onRetry: () => void,
) {
  let shown = '';
  /** The note explains the opening's date: it goes once the reader changes the date or closes it. */
  let noteAt: string | null | undefined;
  let dismissed: string | null = null;
  let last: { state: AppState; note: string | null } | null = null;
  const view = {
    render(state: AppState, rawNote: string | null): void {
      last = { state, note: rawNote };
      if (rawNote && noteAt === undefined && state.status !== 'loading' && state.status !== 'idle')
        noteAt = state.at;
      const note =
        rawNote && rawNote !== dismissed && (noteAt === undefined || noteAt === state.at) ? rawNote : null;
      const key = JSON.stringify([state.status, state.error, state.notices, note]);
      if (key === shown) return;
      shown = key;
      root.dataset.status = state.status;
      const parts: HTMLElement[] = [];
      const noteParts: HTMLElement[] = [];
      if (state.status === 'loading')
        parts.push(h('p', { class: 'pill loading', role: 'status' }, 'Loading…'));
      if (state.status === 'idle') parts.push(h('p', { class: 'pill', role: 'status' }, 'Starting…'));
      if (state.status === 'empty')
        parts.push(
          h(
            'div',
            { class: 'empty-state', role: 'status', 'data-testid': 'empty-state' },
            h('strong', {}, 'Nothing to show here.'),
            h('span', {}, 'Search for a person, organisation or finding, or change the date or filters.'),
          ),
        );
      if (state.status === 'error' && state.error)
        parts.push(
          h(
            'div',
            { class: 'pill error', role: 'alert', 'data-testid': 'graph-error' },
            `Could not load part of the graph: ${state.error.message} (${state.error.code}). `,
            h('button', { type: 'button', class: 'button small', onclick: onRetry }, 'Try again'),
          ),
        );
      for (const notice of state.notices) {
        const more = notice.total - notice.shown;
        parts.push(
          h(
            'div',
            {
              class: 'pill notice',
              role: 'status',
              'data-testid': 'truncated-notice',
              'data-node-id': notice.id,
            },
            `${notice.name}: showing ${notice.shown} of ${notice.total} neighbours — ${more} more. `,
            notice.limit < MAX_LIMIT
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: 'button small',
                    'data-testid': 'show-more',
                    onclick: () =>
                      dispatch({ type: 'showMore', id: notice.id, limit: Math.min(MAX_LIMIT, notice.total) }),
                  },
                  `Show all ${Math.min(MAX_LIMIT, notice.total)}`,
                )
              : null,
          ),
        );
      }
      if (note)
        noteParts.push(
          h(
            'div',
            { class: 'pill subtle canvas-note', role: 'note', 'data-testid': 'canvas-note' },
            h('span', {}, note),
            h(
              'button',
              {
                type: 'button',
                class: 'icon-button',
                'aria-label': 'Dismiss this note',
                onclick: () => {
                  dismissed = note;
                  if (last) view.render(last.state, last.note);
                },
              },
              '×',
            ),
          ),
        );
      replace(root, ...parts);
      replace(noteRoot, ...noteParts);
    },
  };
  return view;
}
