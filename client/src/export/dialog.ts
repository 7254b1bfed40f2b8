import { type Child, h, mountDialog } from '../ui/dom.ts';

/**
 * The frame the Export and Saved views dialogs share: a titled header with a close button, the
 * body below, closed by the button, by Escape or by a click on the backdrop.
 */
export function createExportDialog(
  options: { testId: string; headingId: string; title: string; closeLabel: string },
  ...body: Child[]
): HTMLDialogElement {
  const close = h('button', { type: 'button', class: 'icon-button', 'aria-label': options.closeLabel }, '×');
  const dialog = h(
    'dialog',
    { class: 'export-dialog', 'data-testid': options.testId, 'aria-labelledby': options.headingId },
    h('header', {}, h('h2', { id: options.headingId }, options.title), close),
    h('div', { class: 'export-body' }, ...body),
  );
  return mountDialog(dialog, close);
}
