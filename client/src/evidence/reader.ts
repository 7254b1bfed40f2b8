import type { DataCache } from '../data.ts';
import { findQuote, segments } from '../format/highlight.ts';
import { errorText, h, replace, statusLine } from '../ui/dom.ts';
import { dateReason, documentDate } from './evidence.ts';

/**
 * The document reader: a modal dialog with the whole source text and the quote marked in place,
 * scrolled into view. The text is rendered as text nodes around one <mark>.
 */
export function createReader(dialog: HTMLDialogElement, data: DataCache) {
  const heading = h('h2', { id: 'reader-title' }, 'Source');
  const meta = h('p', { class: 'doc-meta' });
  const notice = h('div', { class: 'reader-notice' });
  const body = h('div', { class: 'reader-text', 'data-testid': 'reader-text', tabindex: 0 });
  const close = h(
    'button',
    { type: 'button', class: 'icon-button', 'aria-label': 'Close the document' },
    '×',
  );
  close.addEventListener('click', () => dialog.close());
  dialog.setAttribute('aria-labelledby', 'reader-title');
  replace(dialog, h('header', { class: 'reader-head' }, h('div', {}, heading, meta), close), notice, body);
  dialog.addEventListener('click', (event) => {
    // A click on the backdrop (outside the dialog box) closes it.
    if (event.target === dialog) dialog.close();
  });
  let token = 0;

  return {
    open(documentId: string, quote: string) {
      const mine = ++token;
      heading.textContent = 'Loading source…';
      meta.textContent = '';
      replace(notice);
      replace(body, statusLine('loading', 'Loading the document…'));
      if (!dialog.open) dialog.showModal();
      data.document(documentId).then(
        (doc) => {
          if (mine !== token) return;
          heading.textContent = doc.title;
          const link =
            doc.url && /^https?:\/\//.test(doc.url)
              ? h('a', { href: doc.url, target: '_blank', rel: 'noopener noreferrer' }, 'original')
              : null;
          replace(
            meta,
            [doc.publisher, doc.author, documentDate(doc)].filter(Boolean).join(' · '),
            link ? ' · ' : '',
            link,
            dateReason(doc),
          );
          const range = findQuote(doc.text, quote);
          if (!range) {
            replace(
              notice,
              statusLine('error', 'The quote was not found in this text; the whole text is shown.'),
            );
          } else if (!range.exact) {
            replace(
              notice,
              h('p', { class: 'muted' }, 'The quote matches this text apart from punctuation or spacing.'),
            );
          }
          const parts = segments(doc.text, range).map((part) =>
            part.marked
              ? h('mark', { 'data-testid': 'reader-highlight' }, part.text)
              : document.createTextNode(part.text),
          );
          replace(body, ...parts);
          body.querySelector('mark')?.scrollIntoView({ block: 'center' });
        },
        (error: unknown) => {
          if (mine !== token) return;
          heading.textContent = 'Source unavailable';
          replace(body, statusLine('error', errorText(error)));
        },
      );
    },
    close() {
      dialog.close();
    },
  };
}
