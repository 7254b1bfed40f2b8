import type { Props } from '../../graph/contract/elements.ts';
import type { PostsChart, PostsChartQuery } from '../../graph/contract/posts-chart.ts';
import type { Graph } from '../../graph/driver.ts';
import { AppError } from '../../graph/errors.ts';
import type { ReadStatements } from '../../graph/switch-guard.ts';
import { ACCOUNTABILITY_BY_ORG } from '../accountability/accountability-queries.ts';
import { windowOf } from '../accountability/certainty.ts';
import type { PostRow } from '../accountability/holders.ts';
import type { Successor } from '../accountability/scope.ts';
import { str, vacanciesOf } from '../accountability/tenure-props.ts';
import { chartEvents, chartTenures, extentOf, tenureInRange } from './chart.ts';
import { CHART_EVENTS } from './posts-chart-queries.ts';

interface ScopeRow {
  id: string;
  name: string;
  relation: string;
  validFrom: string | null;
  validTo: string | null;
  successors: (Successor | null)[];
  rel: Props | null;
}

/** How a body is answerable with the organisation, with the date a source says so where it does. */
function relationOf(row: ScopeRow): string {
  const when = row.rel
    ? str(row.rel.notBefore) && str(row.rel.notAfter)
      ? `${row.rel.notBefore} to ${row.rel.notAfter}`
      : str(row.rel.date)
    : null;
  return when ? `${row.relation} (as a source says on ${when})` : row.relation;
}

/**
 * An organisation's posts and those of the bodies answerable with it (over all time, including
 * successors), every tenure with its spans, and the inspections, reports and findings to mark;
 * limited to the range asked for when one is given.
 */
export async function readPostsChart(graph: Graph, query: PostsChartQuery): Promise<PostsChart> {
  const range = {
    start: query.from ? windowOf(query.from).start : '0000-01-01',
    end: query.to ? windowOf(query.to).end : '9999-12-31',
  };
  return graph.read(async (tx: ReadStatements) => {
    const record = (await tx.run(ACCOUNTABILITY_BY_ORG, { org: query.org })).records[0];
    if (!record) throw new AppError('NOT_FOUND', `No organisation with id '${query.org}'`, { id: query.org });
    const scopeRows = record.get('scope') as ScopeRow[];
    const posts = record.get('posts') as PostRow[];
    const bodies = new Map<string, PostsChart['organisations'][number]>();
    const addBody = (id: string, name: string, relation: string, row?: ScopeRow) => {
      const existing = bodies.get(id);
      if (existing) {
        if (!existing.relation.includes(relation)) existing.relation += `; ${relation}`;
        return;
      }
      bodies.set(id, {
        id,
        name,
        relation,
        validFrom: row?.validFrom ?? null,
        validTo: row?.validTo ?? null,
        succeededBy: (row?.successors ?? []).flatMap((s) =>
          s ? [{ id: s.id, name: s.name, date: s.date }] : [],
        ),
        posts: [],
      });
    };
    for (const row of scopeRows) {
      addBody(row.id, row.name, relationOf(row), row);
      for (const s of row.successors) if (s) addBody(s.id, s.name, `successor of ${row.name}`);
    }
    const seen = new Set<string>();
    for (const row of posts) {
      if (seen.has(row.post.id)) continue;
      seen.add(row.post.id);
      const tenures = chartTenures(
        row.post,
        row.tenures.filter((t, i, all) => all.findIndex((x) => x.tenure.id === t.tenure.id) === i),
      ).filter((t) => tenureInRange(t, range));
      bodies.get(row.org.id)?.posts.push({
        id: row.post.id,
        title: row.post.title,
        vacancies: vacanciesOf(row.post).map(({ date, window, evidence }) => ({
          date,
          notBefore: window.start,
          notAfter: window.end,
          evidence,
        })),
        tenures,
      });
    }
    const eventsRecord = (await tx.run(CHART_EVENTS, { orgIds: [...bodies.keys()] })).records[0];
    const events = eventsRecord
      ? chartEvents({
          inspections: eventsRecord.get('inspections'),
          reports: eventsRecord.get('reports'),
          findings: eventsRecord.get('findings'),
        }).filter((e) => e.start <= range.end && range.start <= e.end)
      : [];
    const organisations = [...bodies.values()];
    return {
      organisation: record.get('organisation'),
      range: { from: query.from ?? null, to: query.to ?? null },
      extent: extentOf(
        organisations.flatMap((o) => o.posts.flatMap((p) => p.tenures)),
        events,
      ),
      organisations,
      events,
    };
  });
}
