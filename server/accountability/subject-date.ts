import type { Props } from '../../graph/contract/elements.ts';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export interface SourceRow {
  id: string;
  name: string;
  published: string | null;
  publishedNotBefore: string;
  publishedNotAfter: string;
}

/**
 * The date holders are looked up for, and why that date: an inspection's fieldwork; else the
 * report's own date; else the date of its approval; else the earliest dated source that reports it
 * (the report cannot be later); else the bounds the sources give. A year or month stays a year or
 * month, and a range stays a range (`from/to`).
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
