import type { QueryGraphMode } from '../state/query-graph.ts';
import { h } from '../ui/dom.ts';

/**
 * The buttons above each result tab: send the graph to the explorer's canvas (merged or
 * replacing) or take it off, copy the table as CSV, copy the JSON. Copying falls back to a
 * download where the clipboard is refused; `note` says which happened.
 */

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  h('a', { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copy `text`, or download it as `file` if the clipboard is not available; says what was done. */
async function copyOrDownload(
  text: string,
  file: { name: string; type: string; what: string },
  copied: string,
  note: HTMLElement,
): Promise<void> {
  if (await copyText(text)) note.textContent = copied;
  else {
    download(text, file.name, file.type);
    note.textContent = `The clipboard is not available here; the ${file.what} was downloaded instead`;
  }
}

export function createGraphActions(handlers: {
  onSendToCanvas(mode: QueryGraphMode): void;
  onClearCanvas(): void;
}) {
  const modeSelect = h(
    'select',
    { 'aria-label': 'How to put the result on the canvas', 'data-testid': 'console-canvas-mode' },
    h('option', { value: 'merge' }, 'Add to the explorer canvas'),
    h('option', { value: 'replace' }, 'Replace the explorer canvas'),
  );
  const send = h(
    'button',
    {
      type: 'button',
      class: 'button primary small',
      'data-testid': 'console-to-canvas',
      onclick: () => handlers.onSendToCanvas(modeSelect.value === 'replace' ? 'replace' : 'merge'),
    },
    'Show in explorer',
  );
  const clear = h(
    'button',
    {
      type: 'button',
      class: 'button small',
      'data-testid': 'console-clear-canvas',
      title: 'Take the console’s results off the explorer canvas',
      onclick: () => handlers.onClearCanvas(),
    },
    'Clear from canvas',
  );
  return {
    element: h('div', { class: 'console-actions' }, modeSelect, send, clear),
    /** Send only when there is something to draw; clear only when the canvas has results. */
    update(hasNodes: boolean, canvasHasResults: boolean): void {
      clear.hidden = !canvasHasResults;
      send.disabled = !hasNodes;
    },
  };
}

/** "Copy as CSV": `csv` gives the rows as shown (sorted), or null when there is no answer. */
export function createCsvAction(csv: () => { text: string; rows: number } | null, note: HTMLElement) {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button small',
      'data-testid': 'console-copy-csv',
      onclick: async () => {
        const table = csv();
        if (!table) return;
        const file = { name: 'cypher-result.csv', type: 'text/csv', what: 'CSV' };
        await copyOrDownload(table.text, file, `Copied ${table.rows} rows as CSV`, note);
      },
    },
    'Copy as CSV',
  );
  return h('div', { class: 'console-actions' }, button);
}

/** "Copy JSON": the whole answer, as the server gave it. */
export function createJsonAction(json: () => string | null, note: HTMLElement) {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button small',
      'data-testid': 'console-copy-json',
      onclick: async () => {
        const text = json();
        if (text === null) return;
        const file = { name: 'cypher-result.json', type: 'application/json', what: 'JSON' };
        await copyOrDownload(text, file, 'Copied the JSON', note);
      },
    },
    'Copy JSON',
  );
  return h('div', { class: 'console-actions' }, button);
}
