import type { DocumentView } from '../../../graph/contract/api.ts';
import { formatBetween, formatDate } from '../format/dates.ts';

/** "Title. Publisher, 12 June 2017." — a source as a footer or a CSV cell lists it. */
export function sourceLine(
  doc: Pick<DocumentView, 'title' | 'publisher' | 'published' | 'publishedNotBefore' | 'publishedNotAfter'>,
): string {
  const date = doc.published
    ? formatDate(doc.published)
    : formatBetween(doc.publishedNotBefore, doc.publishedNotAfter);
  const title = doc.title.replace(/[.\s]+$/, '');
  const rest = [doc.publisher, date].filter(Boolean).join(', ');
  return `${title}. ${rest.charAt(0).toUpperCase()}${rest.slice(1)}.`;
}

/** "As of 21 November 2017", or "All dates" when the view is not limited to a day. */
export function dateLine(at: string | null): string {
  return at ? `As of ${formatDate(at)}` : 'All dates';
}
