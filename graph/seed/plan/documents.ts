import { precisionOf } from '../partial-date.ts';
import type { SeedDocument } from '../read-seeds.ts';
import { documentDates, type PlanContext } from './context.ts';

/** A source document: its metadata, its dates with their precision, and its exact text. */
export function planDocument(document: SeedDocument, { plan }: PlanContext): void {
  const { meta } = document;
  const p = meta.published;
  const dates = documentDates(document);
  plan.node(meta.id, 'Document', {
    id: meta.id,
    name: meta.title,
    title: meta.title,
    publisher: meta.publisher,
    publisherNote: meta.publisherNote,
    author: meta.author,
    kind: meta.kind,
    url: meta.url,
    published: 'date' in p ? p.date : undefined,
    publishedPrecision: 'date' in p ? precisionOf(p.date) : 'bounded',
    publishedNotBefore: dates.notBefore,
    publishedNotAfter: dates.notAfter,
    publishedReason: 'reason' in p ? p.reason : undefined,
    publishedQuote: 'quote' in p ? p.quote : undefined,
    sourceFile: document.textFile,
    sha256: document.sha256,
    text: document.text,
    note: meta.note,
  });
}
