import { Router } from 'express';
import {
  type AccountabilityByFinding,
  type AccountabilityByOrg,
  AccountabilityQuerySchema,
  DaySchema,
} from '../../graph/contract/api.ts';
import { evidenceOf, type Props } from '../../graph/contract/elements.ts';
import { AppError } from '../../graph/errors.ts';
import type { AppDeps } from '../deps.ts';
import { labelForId } from '../graph-view/node-label.ts';
import { parseRequest } from '../http/validate.ts';
import { ACCOUNTABILITY_BY_ORG, ACCOUNTABILITY_BY_SUBJECT } from './accountability-queries.ts';
import { type Window, windowOf } from './certainty.ts';
import { holdersAt, type PostRow } from './holders.ts';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

interface SourceRow {
  id: string;
  name: string;
  published: string | null;
  publishedNotBefore: string;
  publishedNotAfter: string;
}

/**
 * The date holders are looked up for, and why that date: the report's own date; else the date
 * of its approval; else the earliest dated source that reports it (the report cannot be later);
 * else the inspection's fieldwork. A year or month stays a year or month.
 */
export function subjectDate(
  report: Props | null,
  reportLabel: string | null,
  inspection: Props | null,
  approved: string | null,
  sources: readonly SourceRow[],
): { at: string | null; basis: string } {
  const name = report ? String(report.name) : 'the report';
  const from = inspection ? str(inspection.from) : null;
  const to = inspection ? str(inspection.to) : null;
  const fieldwork = from && to && from !== to ? `${from}/${to}` : (from ?? to);
  // An inspection is dated by its fieldwork.
  if (reportLabel === 'Inspection' && fieldwork) {
    return { at: fieldwork, basis: `the fieldwork of ${String(inspection?.name)}` };
  }
  if (report && reportLabel === 'Report' && str(report.published)) {
    return { at: str(report.published), basis: `the date of ${name}` };
  }
  if (approved && approved.length > 4) return { at: approved, basis: `the date ${name} was approved` };
  const exact = sources
    .filter((s) => s.published && s.published.length === 10)
    .sort((a, b) => String(a.published).localeCompare(String(b.published)))[0];
  const bounded = [...sources].sort((a, b) => a.publishedNotAfter.localeCompare(b.publishedNotAfter))[0];
  const earliest =
    exact && (!bounded || String(exact.published) <= bounded.publishedNotAfter) ? exact : bounded;
  if (earliest) {
    const at = earliest.published ?? `${earliest.publishedNotBefore}/${earliest.publishedNotAfter}`;
    return {
      at,
      basis: `the sources give no date for ${name} itself; the earliest source that reports it, "${earliest.name}", is dated ${at.replace('/', ' to ')}`,
    };
  }
  if (report && str(report.notBefore) && str(report.notAfter)) {
    return {
      at: `${report.notBefore}/${report.notAfter}`,
      basis: `the bounds the sources give for the date of ${name}`,
    };
  }
  if (fieldwork) return { at: fieldwork, basis: `the fieldwork of ${String(inspection?.name)}` };
  return { at: null, basis: 'the sources give no date for the report or its inspection' };
}

function windowFor(at: string): Window {
  const [first, second] = at.split('/');
  const start = windowOf(first ?? at);
  return second ? { start: start.start, end: windowOf(second).end } : start;
}

/** GET /api/accountability?org=&at= and ?finding= (also ?report= for a report or inspection). */
export function createAccountabilityRouter({ graph }: AppDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = parseRequest(AccountabilityQuerySchema, req.query, 'accountability query');
    if ('report' in query) {
      const label = labelForId(query.report);
      if (label !== 'Report' && label !== 'Inspection') {
        throw new AppError(
          'BAD_REQUEST',
          `'${query.report}' is a ${label}; report= takes a report or an inspection`,
        );
      }
      res.json(await bySubject(query.report, label));
      return;
    }
    if ('finding' in query) {
      const label = labelForId(query.finding);
      if (label !== 'Finding')
        throw new AppError('BAD_REQUEST', `'${query.finding}' is a ${label}, not a finding`);
      res.json(await bySubject(query.finding, label));
      return;
    }
    parseRequest(DaySchema, query.at, 'at');
    const window = windowOf(query.at);
    const body = await graph.read(async (tx) => {
      const record = (await tx.run(ACCOUNTABILITY_BY_ORG, { org: query.org })).records[0];
      if (!record)
        throw new AppError('NOT_FOUND', `No organisation with id '${query.org}'`, { id: query.org });
      const posts = record.get('posts') as PostRow[];
      const scope = (record.get('scope') as { id: string; name: string; relation: string }[]).filter(
        (s, i, all) => all.findIndex((x) => x.id === s.id) === i,
      );
      return {
        organisation: record.get('organisation'),
        at: query.at,
        scope,
        ...holdersAt(posts, window),
      } satisfies AccountabilityByOrg;
    });
    res.json(body);
  });

  async function bySubject(id: string, label: string): Promise<AccountabilityByFinding> {
    return graph.read(async (tx) => {
      const record = (await tx.run(ACCOUNTABILITY_BY_SUBJECT, { id, label })).records[0];
      if (!record) throw new AppError('NOT_FOUND', `No ${label.toLowerCase()} with id '${id}'`, { id });
      const subject = record.get('subject') as Props;
      const report = record.get('report') as Props | null;
      const reportLabel = record.get('reportLabel') as string | null;
      const inspection = record.get('inspection') as Props | null;
      const { at, basis } = subjectDate(
        report,
        reportLabel,
        inspection,
        record.get('approved') as string | null,
        record.get('sources') as SourceRow[],
      );
      const concerned = (
        record.get('concerned') as { id: string; name: string; how: string; rel: Props }[]
      ).filter((c) => c.id);
      const merged = new Map<string, AccountabilityByFinding['organisations'][number]>();
      for (const c of concerned) {
        const existing = merged.get(c.id);
        if (existing) {
          if (!existing.how.includes(c.how)) existing.how += `; ${c.how}`;
          existing.evidence.push(...evidenceOf(c.rel));
        } else merged.set(c.id, { id: c.id, name: c.name, how: c.how, evidence: evidenceOf(c.rel) });
      }
      const { holders, notKnown } = at
        ? holdersAt(record.get('posts') as PostRow[], windowFor(at))
        : { holders: [], notKnown: [] };
      return {
        finding: {
          id: String(subject.id),
          text: str(subject.text) ?? String(subject.name),
          kind: str(subject.kind) ?? label.toLowerCase(),
          evidence: evidenceOf(subject),
        },
        report: report
          ? {
              id: String(report.id),
              label: reportLabel ?? 'Report',
              name: String(report.name),
              date: str(report.published) ?? str(report.from),
            }
          : { id: '', label: 'Report', name: 'unknown', date: null },
        at,
        atBasis: basis,
        organisations: [...merged.values()],
        holders,
        notKnown,
      };
    });
  }

  return router;
}
