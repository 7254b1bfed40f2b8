import { type Request, Router } from 'express';
import {
  ExportNodesBodySchema,
  ExportOrgQuerySchema,
  TRACKER_FILES,
  TrackerFormatSchema,
} from '../../graph/contract/exports.ts';
import { trackerFile } from '../../graph/export/tracker.ts';
import type { AppDeps } from '../deps.ts';
import { parseRequest } from '../http/validate.ts';
import { readNodesDataset, readOrganisationDataset } from './exports-read.ts';

const appUrlOf = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/**
 * GET /api/exports/dataset?org= and POST /api/exports/dataset {nodeIds}: the tenure data as JSON,
 * for the browser's writers. GET /api/exports/:format?org=: an organisation as a file in one of the
 * tracker formats (popolo, ftm, gexf, wikidata).
 */
export function createExportsRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/dataset', async (req, res) => {
    const { org } = parseRequest(ExportOrgQuerySchema, req.query, 'export query');
    res.json(await readOrganisationDataset(graph, org));
  });
  router.post('/dataset', async (req, res) => {
    const { nodeIds } = parseRequest(ExportNodesBodySchema, req.body, 'export request');
    res.json(await readNodesDataset(graph, nodeIds));
  });
  router.get('/:format', async (req, res) => {
    const format = parseRequest(TrackerFormatSchema, req.params.format, 'export format');
    const { org } = parseRequest(ExportOrgQuerySchema, req.query, 'export query');
    const dataset = await readOrganisationDataset(graph, org);
    const file = TRACKER_FILES[format];
    // attachment() sets a type from the file name's extension, so the media type comes after it.
    res
      .attachment(`${org.replace(/:/g, '-')}.${file.extension}`)
      .type(file.mediaType)
      .send(trackerFile(format, dataset, { appUrl: appUrlOf(req), exportedAt: new Date().toISOString() }));
  });
  return router;
}
