import { QUERY_LIBRARY } from '../../../graph/contract/query-library.ts';
import { h } from '../ui/dom.ts';
import { formatParams } from './params.ts';

/** The saved questions (graph/contract/query-library.ts) as a list; picking one hands over its query and parameters. */
export function createLibraryList(onPick: (query: string, params: string) => void): HTMLElement {
  return h(
    'ul',
    { class: 'console-list console-library', 'data-testid': 'console-library' },
    ...QUERY_LIBRARY.map((item) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'console-item',
            'data-testid': 'library-item',
            'data-id': item.id,
            title: item.description,
            onclick: () => onPick(item.query, formatParams(item.params)),
          },
          h('span', { class: 'console-item-title' }, item.title),
          h('span', { class: 'console-item-desc' }, item.description),
        ),
      ),
    ),
  );
}
