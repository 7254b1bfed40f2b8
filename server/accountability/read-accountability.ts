import type { AccountabilityByFinding, AccountabilityByOrg } from '../../graph/contract/api.ts';
import { evidenceOf, type Props } from '../../graph/contract/elements.ts';
import type { Graph } from '../../graph/driver.ts';
import { AppError } from '../../graph/errors.ts';
import { queryFor } from '../../graph/label-queries.ts';
import type { ReadStatements } from '../../graph/switch-guard.ts';
import { ACCOUNTABILITY_BY_ORG, ACCOUNTABILITY_BY_SUBJECT } from './accountability-queries.ts';
import { type Window, windowOf, windowOfShown } from './certainty.ts';
import { holdersAt, type PostRow } from './holders.ts';
import { type ScopeCandidate, type Successor, scopeAt } from './scope.ts';
import { type SourceRow, subjectDate } from './subject-date.ts';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** When a relationship says a body is responsible: its narrowed window, else its date, else none. */
function responsibleAt(rel: Props | null): { notBefore: string; notAfter: string } | null {
  if (!rel) return null;
  const notBefore = str(rel.notBefore) ?? str(rel.date);
  const notAfter = str(rel.notAfter) ?? str(rel.date);
  return notBefore && notAfter ? { notBefore, notAfter } : null;
}

interface CandidateRow {
  id: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  successors: (Successor | null)[];
  rel: Props | null;
}

function candidate(row: CandidateRow, relation: string, area: boolean): ScopeCandidate {
  return {
    id: row.id,
    name: row.name,
    relation,
    validFrom: row.validFrom,
    validTo: row.validTo,
    successors: row.successors.filter((s): s is Successor => s !== null),
    ...(area ? { responsibleAt: responsibleAt(row.rel) } : {}),
  };
}

function postsIn(posts: readonly PostRow[], orgIds: ReadonlySet<string>): PostRow[] {
  return posts.filter((p) => orgIds.has(p.org.id));
}

/** Who held the posts of an organisation, and of the bodies answerable with it, on `at`. */
export async function readAccountabilityByOrg(
  graph: Graph,
  org: string,
  at: string,
): Promise<AccountabilityByOrg> {
  const window = windowOf(at);
  return graph.read(async (tx: ReadStatements) => {
    const record = (await tx.run(ACCOUNTABILITY_BY_ORG, { org })).records[0];
    if (!record) throw new AppError('NOT_FOUND', `No organisation with id '${org}'`, { id: org });
    const rows = record.get('scope') as (CandidateRow & { relation: string })[];
    const scope = scopeAt(
      rows.map((r) => candidate(r, r.relation, r.relation.startsWith('responsible for '))),
      window,
    );
    const posts = postsIn(record.get('posts') as PostRow[], new Set(scope.map((s) => s.id)));
    return { organisation: record.get('organisation'), at, scope, ...holdersAt(posts, window) };
  });
}

/** The chain from a finding, a report or an inspection to the people who held the accountable posts. */
export async function readAccountabilityBySubject(
  graph: Graph,
  id: string,
  label: string,
): Promise<AccountabilityByFinding> {
  return graph.read(async (tx: ReadStatements) => {
    const record = (await tx.run(queryFor(ACCOUNTABILITY_BY_SUBJECT, label), { id })).records[0];
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
    const concerned = (record.get('concerned') as (CandidateRow & { how: string; area: boolean })[]).filter(
      (c) => c.id,
    );
    const window: Window | null = at ? windowOfShown(at) : null;
    // Without a date, every body the sources connect is kept: nothing tells which was in force.
    const inScope = window
      ? scopeAt(
          concerned.map((c) => candidate(c, c.how, c.area)),
          window,
        )
      : concerned.map((c) => ({ id: c.id, name: c.name, relation: c.how }));
    const merged = new Map<string, AccountabilityByFinding['organisations'][number]>();
    for (const entry of inScope) {
      const evidence = concerned
        .filter((c) => c.id === entry.id || entry.relation.includes(c.name))
        .flatMap((c) => (c.rel ? evidenceOf(c.rel) : []));
      merged.set(entry.id, { id: entry.id, name: entry.name, how: entry.relation, evidence });
    }
    const posts = postsIn(record.get('posts') as PostRow[], new Set(merged.keys()));
    const { holders, notKnown, vacancies } = window
      ? holdersAt(posts, window)
      : { holders: [], notKnown: [], vacancies: [] };
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
      vacancies,
    };
  });
}
