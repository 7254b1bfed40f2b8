import type { DatasetCitation, DatasetTenure, EvidenceKind } from '../contract/exports.ts';

/**
 * How every tracker writer says what a tenure rests on. A quote found in a seed document is
 * evidence; a source cited by its address only is the weaker kind, and each writer marks it with
 * the same words the explorer uses. A tenure resting on citations alone is `possible` at best, as
 * the API's certainty caps it: its dates are the citer's, and no quoted source confirms them.
 */

/** The words that mark a citation wherever it is written. */
export const CITED_BY_URL = 'cited by URL, not quoted';

export type TenureCertaintyLabel = 'stated' | 'attested' | 'possible';

/** `stated` when a quoted source gives its bounds, `attested` when only sources of a date show it; `possible` when only cited. */
export function tenureCertainty(
  tenure: Pick<DatasetTenure, 'from' | 'to' | 'evidenceKind'>,
): TenureCertaintyLabel {
  if (tenure.evidenceKind === 'cited') return 'possible';
  return tenure.from !== null || tenure.to !== null ? 'stated' : 'attested';
}

/** "cited by URL, not quoted: council website", or the mark alone when the citer said nothing. */
export function citationNote(citation: Pick<DatasetCitation, 'note'>): string {
  return citation.note ? `${CITED_BY_URL}: ${citation.note}` : CITED_BY_URL;
}

/** What a reader is told an entry rests on. */
export function evidenceKindText(kind: EvidenceKind): string {
  return kind === 'cited' ? CITED_BY_URL : 'quoted';
}
