import './export.css';
import type { SavedViewSummary } from '../../../graph/contract/api.ts';
import type { CanvasExport } from '../canvas/cy-export.ts';
import { formatDate } from '../format/dates.ts';
import { linkOf } from '../state/app-state.ts';
import type { Store } from '../state/store.ts';
import { dialogButton, errorText, h, replace } from '../ui/dom.ts';
import { createExportDialog } from './dialog.ts';
import { linkStateOf, savedViewInput } from './saved-view-link.ts';
import type { SavedViewsApi } from './saved-views-api.ts';

export interface SavedViewsDeps {
  store: Store;
  canvas: CanvasExport;
  api: SavedViewsApi;
  /** Run once the graph the store asks for has been drawn. */
  afterLoad(fn: () => void): void;
  /** The Cypher console's query, when there is a console to save it from and restore it to. */
  query?: { get(): string | null; set(query: string): void };
}

/**
 * Saved views: name and save the current view (everything a link holds, plus every node's position
 * and the viewport), list them, reopen one exactly — nodes where they were, no new layout — and
 * delete one. They are kept by the server, so they outlive a reload or a restart.
 */
export function createSavedViews(toolbar: HTMLElement, deps: SavedViewsDeps) {
  const { store, canvas, api } = deps;
  const name = h('input', {
    type: 'text',
    id: 'saved-view-name',
    'data-testid': 'saved-view-name',
    placeholder: 'Name this view',
    maxlength: 120,
    required: true,
  });
  const save = h(
    'button',
    { type: 'submit', class: 'button primary', 'data-testid': 'saved-view-save' },
    'Save view',
  );
  const form = h(
    'form',
    {
      class: 'export-row',
      onsubmit: (event: Event) => {
        event.preventDefault();
        void saveCurrent();
      },
    },
    name,
    save,
  );
  const list = h('ul', { class: 'saved-view-list', 'data-testid': 'saved-view-list' });
  const message = h('p', { class: 'export-message', 'data-testid': 'saved-views-status', role: 'status' });
  const dialog = createExportDialog(
    {
      testId: 'saved-views-dialog',
      headingId: 'saved-views-heading',
      title: 'Saved views',
      closeLabel: 'Close saved views',
    },
    form,
    h(
      'p',
      { class: 'export-hint' },
      'A saved view keeps the nodes where they are, what is expanded, hidden and selected, the date, the filters and the layout.',
    ),
    list,
    message,
  );

  toolbar.appendChild(
    dialogButton(dialog, {
      label: 'Views…',
      title: 'Save this view, or open one saved before',
      testId: 'saved-views-button',
      onOpen: () => void refresh(),
    }),
  );

  function setMessage(text: string, isError = false): void {
    message.textContent = text;
    message.classList.toggle('error', isError);
    message.setAttribute('role', isError ? 'alert' : 'status');
  }

  function item(view: SavedViewSummary): HTMLElement {
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'button small',
        'data-testid': 'saved-view-delete',
        title: `Delete “${view.name}”`,
      },
      'Delete',
    );
    // Deleting takes a second click, so one slip does not lose a view.
    remove.addEventListener('click', () => {
      if (remove.dataset.confirm !== 'yes') {
        remove.dataset.confirm = 'yes';
        remove.textContent = 'Delete?';
        return;
      }
      void removeView(view);
    });
    const meta = [
      view.at ? `as of ${formatDate(view.at)}` : 'all dates',
      `${view.nodeCount} node${view.nodeCount === 1 ? '' : 's'}`,
      `saved ${formatDate(view.createdAt.slice(0, 10))}`,
    ].join(' · ');
    return h(
      'li',
      { 'data-testid': 'saved-view-item', 'data-view-id': view.id },
      h('span', {}, h('strong', {}, view.name), h('span', { class: 'saved-view-meta' }, meta)),
      h(
        'span',
        { class: 'saved-view-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'button small primary',
            'data-testid': 'saved-view-open',
            onclick: () => void openFromList(view.id),
          },
          'Open',
        ),
        remove,
      ),
    );
  }

  async function refresh(): Promise<void> {
    try {
      const views = await api.list();
      replace(list, ...views.map(item));
      if (views.length === 0) setMessage('No saved views yet.');
      else setMessage('');
    } catch (error) {
      setMessage(`Could not list the saved views: ${errorText(error)}`, true);
    }
  }

  async function saveCurrent(): Promise<void> {
    const label = name.value.trim();
    if (!label) {
      setMessage('Give the view a name first.', true);
      name.focus();
      return;
    }
    const snapshot = canvas.snapshot();
    const input = savedViewInput(
      label,
      linkOf(store.getState()),
      snapshot.positions,
      snapshot.viewport,
      deps.query?.get() ?? null,
    );
    try {
      const saved = await api.create(input);
      name.value = '';
      await refresh();
      setMessage(`Saved “${saved.name}” (${saved.id}).`);
    } catch (error) {
      setMessage(`Could not save the view: ${errorText(error)}`, true);
    }
  }

  async function removeView(view: SavedViewSummary): Promise<void> {
    try {
      await api.remove(view.id);
      await refresh();
      setMessage(`Deleted “${view.name}”.`);
    } catch (error) {
      setMessage(`Could not delete the view: ${errorText(error)}`, true);
    }
  }

  /**
   * Opens a saved view: positions are handed to the canvas first, so nodes arrive where they were
   * and nothing is laid out again; once the graph is drawn, positions and viewport are set once more.
   */
  async function open(id: string): Promise<void> {
    const saved = await api.get(id);
    await new Promise<void>((resolve) => {
      canvas.setPositions(saved.positions);
      deps.afterLoad(() => {
        canvas.setPositions(saved.positions, saved.viewport);
        resolve();
      });
      store.dispatch({ type: 'restore', link: linkStateOf(saved) });
      // Always fetch and draw, even if the saved view asks for what is already shown.
      store.dispatch({ type: 'reload' });
    });
    if (saved.state.query && deps.query) deps.query.set(saved.state.query);
    setMessage(`Opened “${saved.name}”.`);
  }

  async function openFromList(id: string): Promise<void> {
    try {
      await open(id);
      if (dialog.open) dialog.close();
    } catch (error) {
      setMessage(`Could not open the view: ${errorText(error)}`, true);
    }
  }

  return { open };
}
