import type { DatasetDocument, TenureDataset } from '../contract/exports.ts';
import { boundsText } from './dates.ts';

/**
 * How the tracker formats cite a source document. Most seed documents have no address of their own,
 * so a document is cited by its own URL where it has one, else by the app's document endpoint when
 * the caller knows where the app runs (`appUrl`), else by a URN naming its id: never by a made-up URL.
 */
export interface SourceOptions {
  /** The app's address (e.g. `http://127.0.0.1:3000`), for citing documents that have no URL. */
  appUrl?: string;
}

export function documentUrl(doc: Pick<DatasetDocument, 'id' | 'url'>, options: SourceOptions = {}): string {
  if (doc.url) return doc.url;
  if (options.appUrl)
    return `${options.appUrl.replace(/\/+$/, '')}/api/documents/${encodeURIComponent(doc.id)}`;
  return `urn:accountability-graph:${doc.id}`;
}

/** The date a document was published, with its precision, or its bounds as `a/b`. */
export function documentDate(doc: DatasetDocument): string {
  return doc.published ?? boundsText(doc.publishedNotBefore, doc.publishedNotAfter);
}

/** "Title (Publisher, 2017-11-21)": enough for a reader to find the document. */
export function documentLine(doc: DatasetDocument): string {
  return `${doc.title} (${doc.publisher ?? 'publisher not shown'}, ${documentDate(doc)})`;
}

/** Looks documents up by id; a document the dataset lacks is named by its id alone. */
export function documentIndex(dataset: TenureDataset): (id: string) => DatasetDocument {
  const byId = new Map(dataset.documents.map((d) => [d.id, d]));
  return (id) =>
    byId.get(id) ?? {
      id,
      title: id,
      publisher: null,
      author: null,
      kind: 'other',
      url: null,
      published: null,
      publishedNotBefore: '1800',
      publishedNotAfter: '2200',
      sourceFile: null,
    };
}
