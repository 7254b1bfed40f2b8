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

/**
 * A copy button ("Copy as CSV", "Copy JSON") in its actions bar: `content` gives the text and what
 * to say once copied, or null when there is no answer; `file` is the download used instead.
 */
export function createCopyAction(
  button: { testId: string; label: string },
  file: { name: string; type: string; what: string },
  content: () => { text: string; copied: string } | null,
  note: HTMLElement,
) {
  const element = h(
    'button',
    {
      type: 'button',
      class: 'button small',
      'data-testid': button.testId,
      onclick: async () => {
        const copy = content();
        if (copy) await copyOrDownload(copy.text, file, copy.copied, note);
      },
    },
    button.label,
  );
  return h('div', { class: 'console-actions' }, element);
}
