import { Router } from 'express';
import { type DocumentView, NodeIdSchema } from '../../graph/contract/api.ts';
import { AppError } from '../../graph/errors.ts';
import type { AppDeps } from '../deps.ts';
import { parseRequest } from '../http/validate.ts';

const DOCUMENT = `
MATCH (d:Document {id: $id})
RETURN d {.id, .title, .publisher, .author, .kind, .published, .publishedNotBefore, .publishedNotAfter,
          .publishedReason, .url, .text} AS doc`;

/** GET /api/documents/:id: the document's metadata and full text, so a quote can be shown in context. */
export function createDocumentsRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/:id', async (req, res) => {
    const id = parseRequest(NodeIdSchema, req.params.id, 'document id');
    const doc = await graph.read(async (tx) => (await tx.run(DOCUMENT, { id })).records[0]?.get('doc'));
    if (!doc) throw new AppError('NOT_FOUND', `No document with id '${id}'`, { id });
    const body: DocumentView = {
      id: doc.id,
      title: doc.title,
      publisher: doc.publisher ?? null,
      author: doc.author ?? null,
      kind: doc.kind,
      published: doc.published ?? null,
      publishedNotBefore: doc.publishedNotBefore,
      publishedNotAfter: doc.publishedNotAfter,
      publishedReason: doc.publishedReason ?? null,
      url: doc.url ?? null,
      text: doc.text,
    };
    res.json(body);
  });
  return router;
}
