import { Router } from 'express';
import { type Timeline, TimelineQuerySchema } from '../../graph/contract/api.ts';
import { AppError } from '../../graph/errors.ts';
import type { AppDeps } from '../deps.ts';
import { parseRequest } from '../http/validate.ts';
import { type TimelineRows, timelineEvents } from './timeline-events.ts';
import { ORG_TIMELINE, PERSON_TIMELINE } from './timeline-queries.ts';

/** GET /api/timeline?org= or ?person=: dated events in order, precision kept. */
export function createTimelineRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = parseRequest(TimelineQuerySchema, req.query, 'timeline query');
    const [id, cypher, what] =
      'org' in query ? [query.org, ORG_TIMELINE, 'organisation'] : [query.person, PERSON_TIMELINE, 'person'];
    const body = await graph.read(async (tx) => {
      const record = (await tx.run(cypher, { id })).records[0];
      if (!record) throw new AppError('NOT_FOUND', `No ${what} with id '${id}'`, { id });
      const rows: TimelineRows = {
        tenures: (record.get('tenures') as TimelineRows['tenures']).filter(Boolean),
        inspections: record.get('inspections'),
        reports: record.get('reports'),
        findings: record.get('findings'),
        statements: (record.get('statements') as TimelineRows['statements']).filter(Boolean),
        documents: (record.get('documents') as TimelineRows['documents']).filter(Boolean),
      };
      const subject = record.get('subject') as { id: string; name: string };
      return {
        subject: { ...subject, label: String(record.get('label')) },
        events: timelineEvents(rows),
      } satisfies Timeline;
    });
    res.json(body);
  });
  return router;
}
