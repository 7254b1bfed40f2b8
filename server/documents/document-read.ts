import type { DocumentView } from '../../graph/contract/api.ts';
import type { Props } from '../../graph/contract/elements.ts';
import type { Graph } from '../../graph/driver.ts';
import { AppError } from '../../graph/errors.ts';
import { DOCUMENT } from './document-queries.ts';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * A document as the API sends it. Optional metadata the source does not give is null, never
 * missing; the publication bounds and the text are always there (the loader requires them).
 */
export function documentView(doc: Props): DocumentView {
  return {
    id: String(doc.id),
    title: String(doc.title),
    publisher: text(doc.publisher),
    author: text(doc.author),
    kind: String(doc.kind),
    published: text(doc.published),
    publishedNotBefore: String(doc.publishedNotBefore),
    publishedNotAfter: String(doc.publishedNotAfter),
    publishedReason: text(doc.publishedReason),
    url: text(doc.url),
    text: String(doc.text),
  };
}

export async function readDocument(graph: Graph, id: string): Promise<DocumentView> {
  const doc = await graph.read(async (tx) => (await tx.run(DOCUMENT, { id })).records[0]?.get('doc'));
  if (!doc) throw new AppError('NOT_FOUND', `No document with id '${id}'`, { id });
  return documentView(doc as Props);
}
