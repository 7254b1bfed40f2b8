/**
 * A small element builder. Text always goes in as text nodes, never as HTML, so whatever a source
 * or the server says is shown, not interpreted.
 */

export type Child = Node | string | number | null | undefined | false;

type Handler = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      element.addEventListener(key.replace(/^on/, ''), value);
    } else if (key === 'class') {
      element.className = String(value);
    } else if (value === true) {
      element.setAttribute(key, '');
    } else {
      element.setAttribute(key, String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
}

export function clear(element: Element): void {
  element.replaceChildren();
}

export function replace(element: Element, ...children: Child[]): void {
  element.replaceChildren();
  append(element, children);
}

/** A one-line status message for loading, empty and error states. */
export function statusLine(kind: 'loading' | 'empty' | 'error', text: string): HTMLElement {
  return h('p', { class: `status status-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    const code = 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
    return `${error.message}${code}`;
  }
  return 'Something went wrong.';
}

/** Makes a dialog modal-ready: its close button and a click on the backdrop close it; it joins the page. */
export function mountDialog(dialog: HTMLDialogElement, close: HTMLElement): HTMLDialogElement {
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  document.body.appendChild(dialog);
  return dialog;
}

/** A toolbar button that opens a modal dialog, calling `onOpen` each time (to refresh its contents). */
export function dialogButton(
  dialog: HTMLDialogElement,
  options: { label: string; title: string; testId: string; onOpen(): void },
): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'button',
      'data-testid': options.testId,
      title: options.title,
      'aria-haspopup': 'dialog',
      onclick: () => {
        dialog.showModal();
        options.onOpen();
      },
    },
    options.label,
  );
}
