import { Router } from 'express';
import { AccountabilityQuerySchema } from '../../graph/contract/api.ts';
import { AppError } from '../../graph/errors.ts';
import type { AppDeps } from '../deps.ts';
import { parseRequest } from '../http/validate.ts';
import { labelForId } from '../nodes/node-label.ts';
import { readAccountabilityByOrg, readAccountabilityBySubject } from './read-accountability.ts';

/** The label a subject id must have for the parameter it came in. */
function subjectLabel(id: string, allowed: readonly string[], parameter: string): string {
  const label = labelForId(id);
  if (!allowed.includes(label)) {
    throw new AppError(
      'BAD_REQUEST',
      `'${id}' is a ${label}; ${parameter}= takes a ${allowed.join(' or ').toLowerCase()}`,
    );
  }
  return label;
}

/** GET /api/accountability?org=&at= and ?finding= (also ?report= for a report or inspection). */
export function createAccountabilityRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = parseRequest(AccountabilityQuerySchema, req.query, 'accountability query');
    if ('report' in query) {
      const label = subjectLabel(query.report, ['Report', 'Inspection'], 'report');
      res.json(await readAccountabilityBySubject(graph, query.report, label));
    } else if ('finding' in query) {
      const label = subjectLabel(query.finding, ['Finding'], 'finding');
      res.json(await readAccountabilityBySubject(graph, query.finding, label));
    } else {
      res.json(await readAccountabilityByOrg(graph, query.org, query.at));
    }
  });
  return router;
}
