import type { Citation, DocumentView, Evidence } from '../../../graph/contract/api.ts';
import { formatBetween, formatDate } from '../format/dates.ts';
import type { Deps } from '../ui/deps.ts';
import { h } from '../ui/dom.ts';

/** "21 November 2017", or the bounds when the document's date is not printed. */
export function documentDate(doc: DocumentView): string {
  if (doc.published) return formatDate(doc.published);
  return formatBetween(doc.publishedNotBefore, doc.publishedNotAfter);
}

/** Why an undated document is dated as it is, folded away so it does not crowd the quote. */
export function dateReason(doc: DocumentView): HTMLElement | null {
  if (doc.published || !doc.publishedReason) return null;
  return h(
    'details',
    { class: 'date-reason' },
    h('summary', {}, 'why this date'),
    h('p', {}, doc.publishedReason),
  );
}

/** One quote as a blockquote, with its document's title, publisher and date under it. */
export function evidenceItem(
  item: Evidence,
  deps: Pick<Deps, 'data' | 'reader'>,
  note?: string,
): HTMLElement {
  const cite = h('cite', { class: 'doc-title' }, item.documentId);
  const meta = h('span', { class: 'doc-meta' });
  const reason = h('span', { class: 'doc-reason' });
  const figure = h(
    'figure',
    { class: 'evidence', 'data-testid': 'evidence-quote', 'data-document-id': item.documentId },
    h('blockquote', {}, item.quote),
    h(
      'figcaption',
      {},
      cite,
      meta,
      note ? h('span', { class: 'doc-meta' }, note) : null,
      reason,
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          'data-testid': 'show-in-source',
          'aria-label': 'Show this quote in its source document',
          onclick: () => deps.reader.open(item.documentId, item.quote),
        },
        'Show in source',
      ),
    ),
  );
  deps.data.document(item.documentId).then(
    (doc) => {
      cite.textContent = doc.title;
      meta.textContent = [doc.publisher, documentDate(doc)].filter(Boolean).join(' · ');
      const why = dateReason(doc);
      if (why) reason.replaceChildren(why);
    },
    () => {
      meta.textContent = 'document details unavailable';
    },
  );
  return figure;
}

/**
 * A source cited by its address only (imported, no words quoted): drawn apart from the quotes,
 * weaker, and saying so, because nothing in the seeds shows what it says.
 */
export function citationItem(citation: Citation): HTMLElement {
  return h(
    'figure',
    { class: 'evidence cited', 'data-testid': 'evidence-cited' },
    h('p', { class: 'badge cited-badge' }, 'cited by URL, not quoted'),
    h(
      'figcaption',
      {},
      h('a', { href: citation.url, target: '_blank', rel: 'noopener noreferrer' }, citation.url),
      citation.note ? h('span', { class: 'doc-meta' }, citation.note) : null,
    ),
  );
}

export function evidenceList(
  evidence: readonly Evidence[],
  deps: Pick<Deps, 'data' | 'reader'>,
  emptyText = 'No quotes are recorded for this.',
  citations: readonly Citation[] = [],
): HTMLElement {
  if (evidence.length === 0 && citations.length === 0) return h('p', { class: 'muted' }, emptyText);
  const list = h('div', { class: 'evidence-list' });
  for (const item of evidence) list.appendChild(evidenceItem(item, deps));
  for (const citation of citations) list.appendChild(citationItem(citation));
  return list;
}
