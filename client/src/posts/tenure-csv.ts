import type { PostsChart } from '../../../graph/contract/posts-chart.ts';
import { toCsv } from '../../../graph/export/csv.ts';
import { precisionOf } from '../format/dates.ts';
import { tenureCertainty, tenureSources } from './tenure.ts';

/**
 * The chart's tenures as CSV, one row per tenure, pure. Dates keep their precision and say it in
 * a column of their own; the sources are document ids, with titles where known. Cells go through
 * `toCsv`, which neutralises anything a spreadsheet would run as a formula.
 */

export const TENURE_COLUMNS = [
  'person',
  'person_id',
  'post',
  'post_id',
  'organisation',
  'organisation_id',
  'capacity',
  'from',
  'from_precision',
  'to',
  'to_precision',
  'certainty',
  'periods',
  'sources',
] as const;

export function tenuresCsv(chart: PostsChart, titles: Readonly<Record<string, string>> = {}): string {
  const rows: string[][] = [[...TENURE_COLUMNS]];
  for (const org of chart.organisations)
    for (const post of org.posts)
      for (const t of post.tenures)
        rows.push([
          t.person.name,
          t.person.id,
          post.title,
          post.id,
          org.name,
          org.id,
          t.capacity ?? '',
          t.from ?? '',
          t.from ? (precisionOf(t.from) ?? '') : '',
          t.to ?? '',
          t.to ? (precisionOf(t.to) ?? '') : '',
          tenureCertainty(t),
          t.periods.map((p) => `${p.kind} ${p.from ?? '?'}–${p.to ?? '?'}`).join('; '),
          tenureSources(t)
            .map((id) => (titles[id] ? `${titles[id]} (${id})` : id))
            .join('; '),
        ]);
  return toCsv(rows);
}
