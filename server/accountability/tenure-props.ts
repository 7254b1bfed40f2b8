import type { DatedSource, Evidence, TenureEndView, TenurePeriod } from '../../graph/contract/api.ts';
import type { Props } from '../../graph/contract/elements.ts';
import { boundsWindow, type PeriodFacts, type TenureFacts, type Window } from './certainty.ts';

/**
 * Reads what the loader stores on a Tenure (and a Post) back into the shapes the certainty rules
 * and the API use. The loader keeps lists in parallel (`attestationDocumentIds[i]` goes with
 * `attestationQuotes[i]`…), and flattens each period's evidence with the index of its period.
 */

export const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
export const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : '')) : [];
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.map((x) => Number(x)) : []);

function pairs(ids: unknown, quotes: unknown): Evidence[] {
  const q = strings(quotes);
  return strings(ids).map((documentId, i) => ({ documentId, quote: q[i] ?? '' }));
}

function shown(notBefore: string, notAfter: string): string {
  return notBefore === notAfter ? notBefore : `${notBefore}/${notAfter}`;
}

function windowOrNull(notBefore: string | null, notAfter: string | null): Window | null {
  return notBefore && notAfter ? boundsWindow(notBefore, notAfter) : null;
}

export interface AttestationView extends DatedSource {
  window: Window;
}

export function attestationsOf(t: Props): AttestationView[] {
  const quotes = strings(t.attestationQuotes);
  const nb = strings(t.attestationNotBefore);
  const na = strings(t.attestationNotAfter);
  return strings(t.attestationDocumentIds).map((documentId, i) => {
    const notBefore = nb[i] ?? '';
    const notAfter = na[i] || notBefore;
    return {
      documentId,
      quote: quotes[i] ?? '',
      date: shown(notBefore, notAfter),
      notBefore,
      notAfter,
      window: boundsWindow(notBefore, notAfter),
    };
  });
}

/** Evidence flattened with the index of the item it belongs to, regrouped per item. */
function grouped(count: number, index: unknown, ids: unknown, quotes: unknown): Evidence[][] {
  const groups: Evidence[][] = Array.from({ length: count }, () => []);
  const evidence = pairs(ids, quotes);
  numbers(index).forEach((i, k) => {
    const item = evidence[k];
    if (item) groups[i]?.push(item);
  });
  return groups;
}

export function periodsOf(t: Props): { view: TenurePeriod; facts: PeriodFacts }[] {
  const kinds = strings(t.periodKinds) as PeriodFacts['kind'][];
  const evidence = grouped(kinds.length, t.periodEvidenceIndex, t.periodDocumentIds, t.periodQuotes);
  const at = (key: string, i: number) => str(strings(t[key])[i]);
  return kinds.map((kind, i) => {
    const reported = windowOrNull(at('periodAttestedNotBefore', i), at('periodAttestedNotAfter', i));
    const reportedShown = reported
      ? shown(at('periodAttestedNotBefore', i) ?? '', at('periodAttestedNotAfter', i) ?? '')
      : null;
    return {
      view: {
        kind,
        from: at('periodFrom', i),
        to: at('periodTo', i),
        reported: reportedShown,
        evidence: evidence[i] ?? [],
      },
      facts: {
        kind,
        from: windowOrNull(at('periodFromNotBefore', i), at('periodFromNotAfter', i)),
        to: windowOrNull(at('periodToNotBefore', i), at('periodToNotAfter', i)),
        reported,
      },
    };
  });
}

export function endOf(t: Props): TenureEndView | null {
  const reason = str(t.endReason);
  return reason ? { reason, date: str(t.endDate), evidence: pairs(t.endDocumentIds, t.endQuotes) } : null;
}

export function boundEvidence(t: Props, prefix: 'from' | 'to'): Evidence[] {
  return pairs(t[`${prefix}DocumentIds`], t[`${prefix}Quotes`]);
}

/** The window of a stated start or end, from its bounds (or, for older graphs, its date). */
function boundWindow(t: Props, prefix: 'from' | 'to' | 'end'): Window | null {
  const nb = str(t[`${prefix}NotBefore`]) ?? (prefix === 'end' ? null : str(t[prefix]));
  const na = str(t[`${prefix}NotAfter`]) ?? (prefix === 'end' ? null : str(t[prefix]));
  return windowOrNull(nb, na);
}

export function factsOf(t: Props): TenureFacts {
  return {
    id: String(t.id),
    personId: String(t.personId),
    postId: String(t.postId),
    capacity: str(t.capacity),
    statedFrom: boundWindow(t, 'from'),
    // A stated end of the tenure ("resigned in March 2021") bounds it like a stated `to`.
    statedTo: boundWindow(t, 'to') ?? boundWindow(t, 'end'),
    attestations: attestationsOf(t).map((a) => a.window),
    periods: periodsOf(t).map((p) => p.facts),
    citedOnly: t.evidenceKind === 'cited',
  };
}

export interface VacancyView {
  date: string;
  window: Window;
  evidence: Evidence[];
}

export function vacanciesOf(post: Props): VacancyView[] {
  const nb = strings(post.vacancyNotBefore);
  const na = strings(post.vacancyNotAfter);
  const dates = strings(post.vacancyDates);
  const evidence = grouped(
    dates.length,
    post.vacancyEvidenceIndex,
    post.vacancyDocumentIds,
    post.vacancyQuotes,
  );
  return dates.flatMap((date, i) => {
    const window = windowOrNull(str(nb[i]), str(na[i]));
    return window ? [{ date, window, evidence: evidence[i] ?? [] }] : [];
  });
}
