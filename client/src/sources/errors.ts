import { ApiError } from '../api.ts';
import { errorText, h } from '../ui/dom.ts';

/**
 * A write's refusal said plainly: a missing token (403), a stale version (409, with the files that
 * changed), a duplicate text (409, with a link to the document that has it), the loader's problems
 * (400, one line each).
 */
export function errorBox(error: unknown, openDocument: (id: string) => void): HTMLElement {
  const box = h('div', { class: 'sources-error', role: 'alert', 'data-testid': 'sources-error' });
  if (!(error instanceof ApiError)) {
    box.append(errorText(error));
    return box;
  }
  const d = error.details;
  if (error.status === 403) {
    box.dataset.reason = 'forbidden';
    box.append(
      h('strong', {}, 'Writing needs the write token. '),
      'This server listens beyond this computer, so it only accepts changes with its token: enter it under “Write token” above and try again.',
    );
    return box;
  }
  if (error.status === 409 && d.reason === 'stale') {
    box.dataset.reason = 'stale';
    const files = Array.isArray(d.changedFiles) ? (d.changedFiles as string[]) : null;
    box.append(
      h('strong', {}, 'Someone else changed this meanwhile. '),
      'The document has been read again; check it and redo your change.',
    );
    if (files && files.length > 0)
      box.append(h('ul', {}, ...files.map((f) => h('li', {}, h('code', {}, f)))));
    return box;
  }
  if (error.status === 409 && d.reason === 'duplicate' && typeof d.existingId === 'string') {
    box.dataset.reason = 'duplicate';
    const id = d.existingId;
    box.append(
      h('strong', {}, 'This text is already a source: '),
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          'data-testid': 'duplicate-link',
          onclick: () => openDocument(id),
        },
        id,
      ),
    );
    return box;
  }
  if (error.status === 409 && d.reason === 'name-taken') {
    box.dataset.reason = 'name-taken';
    box.append(h('strong', {}, 'That file name is taken. '), 'Choose another name for the files.');
    return box;
  }
  const problems = Array.isArray(d.problems) ? (d.problems as Record<string, string>[]) : [];
  box.append(h('strong', {}, error.message));
  if (problems.length > 0) {
    box.append(
      h(
        'ul',
        {},
        ...problems.map((p) =>
          h('li', {}, [p.entry, p.path].filter(Boolean).join(' › '), ': ', p.message ?? ''),
        ),
      ),
    );
  }
  return box;
}
