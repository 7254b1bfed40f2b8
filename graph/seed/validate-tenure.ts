import { earliestDay, latestDay } from './partial-date.ts';
import type { SeedProblem } from './problems.ts';
import type { SeedDocument } from './read-seeds.ts';
import type { Evidence, Post, Tenure, TenureBound } from './schema.ts';

export interface TenureCheckContext {
  file: string;
  entry: string;
  documents: Map<string, SeedDocument>;
  problems: SeedProblem[];
  checkEvidence: (file: string, entry: string, base: string, evidence: readonly Evidence[]) => void;
  quoteProblem: (quote: string, document: SeedDocument) => string | null;
}

/** The earliest and latest day a bound can stand for (a bare date, a date or bounds). */
function days(bound: TenureBound | { date?: string; notBefore?: string; notAfter?: string } | undefined) {
  if (bound === undefined) return null;
  if (typeof bound === 'string') return { first: earliestDay(bound), last: latestDay(bound), shown: bound };
  const low = bound.date ?? bound.notBefore;
  const high = bound.date ?? bound.notAfter;
  if (!low || !high) return null;
  return { first: earliestDay(low), last: latestDay(high), shown: low === high ? low : `${low}/${high}` };
}

function evidenceOfBound(bound: TenureBound | undefined): Evidence[] {
  return bound !== undefined && typeof bound === 'object' ? bound.evidence : [];
}

/**
 * What the schema cannot check of a tenure: quotes of its attestations, bounds, periods and end;
 * attestations and periods inside its stated bounds; ends not before starts.
 */
export function checkTenure(tenure: Tenure, ctx: TenureCheckContext): void {
  const { file, entry, problems } = ctx;
  const problem = (path: string, message: string) => problems.push({ file, entry, path, message });
  const from = days(tenure.from);
  const to = days(tenure.to) ?? days(tenure.end);
  const toName = tenure.to ? 'to' : 'end';
  if (from && to && to.last < from.first)
    problem(toName, `${toName} ${to.shown} is before from ${from.shown}`);
  ctx.checkEvidence(file, entry, 'from.evidence', evidenceOfBound(tenure.from));
  ctx.checkEvidence(file, entry, 'to.evidence', evidenceOfBound(tenure.to));
  if (tenure.end) ctx.checkEvidence(file, entry, 'end.evidence', tenure.end.evidence);
  tenure.attestations.forEach((attestation, index) => {
    const document = ctx.documents.get(attestation.documentId);
    const at = `attestations[${index}]`;
    if (!document) {
      problem(`${at}.documentId`, `unknown document '${attestation.documentId}'`);
      return;
    }
    const quote = ctx.quoteProblem(attestation.quote, document);
    if (quote) problem(`${at}.quote`, quote);
    const date = attestation.date;
    if (date && to && earliestDay(date) > to.last) {
      problem(`${at}.date`, `attested on ${date}, after the tenure's stated end ${to.shown}`);
    }
    if (date && from && latestDay(date) < from.first) {
      problem(`${at}.date`, `attested on ${date}, before the tenure's stated start ${from.shown}`);
    }
  });
  tenure.periods.forEach((period, index) => {
    const at = `periods[${index}]`;
    ctx.checkEvidence(file, entry, `${at}.evidence`, period.evidence);
    ctx.checkEvidence(file, entry, `${at}.from.evidence`, evidenceOfBound(period.from));
    ctx.checkEvidence(file, entry, `${at}.to.evidence`, evidenceOfBound(period.to));
    const start = days(period.from);
    const end = days(period.to);
    if (start && end && end.last < start.first)
      problem(`${at}.to`, `to ${end.shown} is before from ${start.shown}`);
    if (start && to && start.first > to.last) {
      problem(
        `${at}.from`,
        `the ${period.kind} period starts ${start.shown}, after the tenure's end ${to.shown}`,
      );
    }
    if (end && from && end.last < from.first) {
      problem(
        `${at}.to`,
        `the ${period.kind} period ends ${end.shown}, before the tenure's start ${from.shown}`,
      );
    }
  });
}

/** The quotes of a post's vacancies. */
export function checkVacancies(post: Post, ctx: TenureCheckContext): void {
  post.vacancies.forEach((vacancy, index) => {
    ctx.checkEvidence(ctx.file, ctx.entry, `vacancies[${index}].evidence`, vacancy.evidence);
  });
}
