import path from 'node:path';
import { Router } from 'express';
import { seedsDirFromEnv } from '../../graph/config.ts';
import {
  AddFactsRequestSchema,
  CreateSourceRequestSchema,
  EditFactRequestSchema,
  PrepareSourceRequestSchema,
  type PrepareSourceResponse,
  RetractFactRequestSchema,
  SourceIdSchema,
  UndoRequestSchema,
} from '../../graph/contract/sources.ts';
import { loadSeeds } from '../../graph/load/load-seeds.ts';
import { prepareContent } from '../../graph/sources/new-source.ts';
import type { AppDeps } from '../deps.ts';
import { parseRequest } from '../http/validate.ts';
import { listSources, readFolder, sourceDetail, sourceSuggestions } from './source-reads.ts';
import { createSourceWriter, type LoadFolder } from './source-writes.ts';
import { requireWriteAccess } from './write-guard.ts';

const docId = (value: unknown) => parseRequest(SourceIdSchema, value, 'document id');

/**
 * /api/sources: the documents of the seeds folder, adding one, and annotating it with facts.
 * `load` is the graph's reload after a write (the loader's, unless a test gives another).
 */
export function createSourcesRouter(deps: AppDeps & { load?: LoadFolder }): Router {
  const seedsDir = path.resolve(deps.config.sources?.seedsDir ?? seedsDirFromEnv());
  const load: LoadFolder =
    deps.load ?? ((dir) => loadSeeds(deps.graph, path.dirname(path.resolve(dir)), { seedsDir: dir }));
  const writer = createSourceWriter(seedsDir, load);
  const canWrite = requireWriteAccess({
    host: deps.config.host,
    token: deps.config.access?.writeToken ?? null,
  });
  const router = Router();

  router.get('/', (_req, res) => {
    const { files, ...list } = listSources(seedsDir);
    writer.remember({ version: list.version, files });
    res.json(list);
  });

  // Writes nothing: it reads the text sent and answers what creating it would do.
  router.post('/prepare', (req, res) => {
    const content = parseRequest(PrepareSourceRequestSchema, req.body, 'source content');
    const title = typeof req.query.title === 'string' ? req.query.title : undefined;
    const body: PrepareSourceResponse = prepareContent(readFolder(seedsDir), content, title);
    res.json(body);
  });

  router.post('/', canWrite, async (req, res) => {
    const input = parseRequest(CreateSourceRequestSchema, req.body, 'new source');
    const body = await writer.create(input);
    res.status(201).location(`/api/sources/${body.document.id}`).json(body);
  });

  router.get('/:id', (req, res) => {
    const id = docId(req.params.id);
    const { files, ...detail } = sourceDetail(seedsDir, id, writer.canUndo(id));
    writer.remember({ version: detail.version, files });
    res.json(detail);
  });

  router.get('/:id/suggestions', (req, res) => {
    res.json(sourceSuggestions(seedsDir, docId(req.params.id)));
  });

  router.post('/:id/facts', canWrite, async (req, res) => {
    const input = parseRequest(AddFactsRequestSchema, req.body, 'facts');
    res.json(await writer.addFacts(docId(req.params.id), input.version, input.facts));
  });

  router.post('/:id/facts/edit', canWrite, async (req, res) => {
    const input = parseRequest(EditFactRequestSchema, req.body, 'fact edit');
    res.json(await writer.editFact(docId(req.params.id), input.version, input.ref, input.value, input.quote));
  });

  router.post('/:id/facts/retract', canWrite, async (req, res) => {
    const input = parseRequest(RetractFactRequestSchema, req.body, 'retraction');
    res.json(await writer.retractFact(docId(req.params.id), input.version, input.ref));
  });

  router.post('/:id/undo', canWrite, async (req, res) => {
    const input = parseRequest(UndoRequestSchema, req.body, 'undo');
    res.json(await writer.undo(docId(req.params.id), input.version));
  });

  return router;
}
