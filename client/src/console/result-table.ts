import { h, replace } from '../ui/dom.ts';
import {
  cellText,
  isNodeValue,
  isPathValue,
  isRelationshipValue,
  type NameLookup,
  nextSort,
  type SortKey,
  sortRows,
} from './table.ts';

/**
 * The result as a table, sorted by the column header the reader clicks (ascending, descending,
 * unsorted). All text from the data goes in as text nodes, never as HTML.
 */

function cell(value: unknown, names: NameLookup): HTMLElement {
  const td = h('td');
  if (value === null || value === undefined) {
    td.append(h('span', { class: 'console-null' }, 'null'));
  } else if (isNodeValue(value)) {
    td.title = value.id;
    td.append(h('span', { class: 'console-chip' }, value.label), ' ', value.name);
  } else if (isRelationshipValue(value)) {
    td.title = value.id;
    td.append(cellText(value, names));
  } else if (Array.isArray(value) && !isPathValue(value) && value.length > 1) {
    // A list reads one item to a line here; CSV joins them with semicolons.
    td.append(...value.map((item) => h('span', { class: 'console-li' }, cellText(item, names))));
  } else {
    td.append(cellText(value, names));
  }
  if (typeof value === 'number') td.classList.add('console-number');
  return td;
}

export interface TableData {
  columns: string[];
  rows: unknown[][];
  names: NameLookup;
}

/** Draws `data` into `root`; `sort` is the current order, changed by the headers. */
export function createResultTable(root: HTMLElement) {
  let data: TableData | null = null;
  let sort: SortKey | null = null;

  function render(): void {
    if (!data) {
      replace(root);
      return;
    }
    const { columns, names } = data;
    if (columns.length === 0) {
      replace(root, h('p', { class: 'muted console-empty' }, 'The query returned no columns.'));
      return;
    }
    const rows = sortRows(data.rows, sort, names);
    const head = h(
      'tr',
      {},
      ...columns.map((column, i) => {
        const direction = sort?.column === i ? sort.direction : null;
        return h(
          'th',
          { scope: 'col', 'aria-sort': direction ?? 'none' },
          h(
            'button',
            {
              type: 'button',
              class: 'console-sort',
              'data-testid': 'console-sort',
              'data-column': column,
              title: `Sort by ${column}`,
              onclick: () => {
                sort = nextSort(sort, i);
                render();
                root.querySelector<HTMLButtonElement>(`th:nth-child(${i + 1}) button`)?.focus();
              },
            },
            column,
            h(
              'span',
              { class: 'console-sort-mark', 'aria-hidden': 'true' },
              direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : '',
            ),
          ),
        );
      }),
    );
    const body = h('tbody');
    for (const row of rows)
      body.append(h('tr', { 'data-testid': 'console-row' }, ...row.map((value) => cell(value, names))));
    const emptyNote = rows.length === 0 ? h('p', { class: 'muted console-empty' }, 'No rows.') : null;
    replace(root, h('table', { class: 'console-table' }, h('thead', {}, head), body), emptyNote);
  }

  return {
    /** New data, shown unsorted. */
    set(next: TableData | null): void {
      data = next;
      sort = null;
      render();
    },
    /** The current order, for copying the rows as shown. */
    sort: () => sort,
  };
}
