import { h, replace } from '../ui/dom.ts';
import type { ConsoleHistory, HistoryEntry } from './history.ts';
import { formatParams, parseParams } from './params.ts';

/** The history of queries run, newest first, with a button to clear it; picking one hands it back. */

function firstLine(query: string): string {
  const line = query.trim().split('\n')[0] ?? '';
  return line.length > 90 ? `${line.slice(0, 89)}…` : line;
}

function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function createHistoryList(history: ConsoleHistory, onPick: (query: string, params: string) => void) {
  const list = h('ol', { class: 'console-list', 'data-testid': 'console-history' });
  const clear = h(
    'button',
    {
      type: 'button',
      class: 'link-button',
      'data-testid': 'console-clear-history',
      onclick: () => {
        history.clear();
        render();
      },
    },
    'Clear',
  );

  function item(entry: HistoryEntry): HTMLElement {
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'console-item',
          'data-testid': 'history-item',
          title: entry.params ? `${entry.query}\n\nParameters: ${entry.params}` : entry.query,
          onclick: () => {
            const params = parseParams(entry.params);
            onPick(entry.query, params.ok ? formatParams(params.params) : entry.params);
          },
        },
        h('code', { class: 'console-item-query' }, firstLine(entry.query)),
        h('time', { class: 'console-item-desc', datetime: entry.at }, when(entry.at)),
      ),
    );
  }

  function render(): void {
    const entries = history.list();
    clear.hidden = entries.length === 0;
    if (entries.length === 0)
      replace(list, h('li', { class: 'console-hint' }, 'Queries you run appear here, the last 50 kept.'));
    else replace(list, ...entries.map(item));
  }

  render();
  return {
    list,
    clear,
    /** A query was run: keep it and show it first. */
    add(query: string, params: string): void {
      history.add(query, params);
      render();
    },
  };
}
