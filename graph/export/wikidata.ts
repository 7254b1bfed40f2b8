import type { DatasetTenure, TenureDataset } from '../contract/exports.ts';
import { toCsv } from './csv.ts';
import { wikidataPrecision } from './dates.ts';
import { documentIndex } from './sources.ts';
import { CITED_BY_URL, tenureCertainty } from './tenure-evidence.ts';

/**
 * Tenures as Wikidata-style "position held" (P39) statements, one CSV row per statement and source,
 * for a reviewer to check against Wikidata by hand; nothing is sent anywhere. Each date keeps its
 * precision (Wikidata's 9 year, 10 month, 11 day). A source dated only within bounds gives
 * earliest date (P1319) and latest date (P1326) rather than a made-up day; a source with one date
 * gives point in time (P585). Interim or acting goes in object has role (P3831), as Wikidata marks
 * acting office-holders. The reference is the document with its exact quotation (P1683); reference
 * URL (P854) only where the document has an address of its own. A source cited by its address only
 * (imported, no words found in a document) is a row with its URL, no quotation, and
 * `reference_kind` "cited by URL, not quoted"; a tenure resting on such rows alone has
 * `evidence_kind` `cited` and `certainty` `possible`, never `stated` or `attested`.
 */

export const WIKIDATA_COLUMNS = [
  'statement_id',
  'person_id',
  'person',
  'property',
  'property_label',
  'post_id',
  'position_held',
  'organisation',
  'start_time_P580',
  'start_time_precision',
  'end_time_P582',
  'end_time_precision',
  'point_in_time_P585',
  'point_in_time_precision',
  'earliest_date_P1319',
  'earliest_date_precision',
  'latest_date_P1326',
  'latest_date_precision',
  'object_has_role_P3831',
  'status',
  'certainty',
  'evidence_kind',
  'reference_kind',
  'reference_document_id',
  'reference_title_P1476',
  'reference_publisher_P123',
  'reference_publication_date_P577',
  'reference_url_P854',
  'quotation_P1683',
  'reference_note',
] as const;
export type WikidataRow = Record<(typeof WIKIDATA_COLUMNS)[number], string>;

const precision = (date: string | null | undefined) => (date ? String(wikidataPrecision(date)) : '');

/** The rows, one per tenure and source: the sources that date it first, then the other quotes, then citations. */
export function datasetToWikidataRows(dataset: TenureDataset): WikidataRow[] {
  const doc = documentIndex(dataset);
  const persons = new Map(dataset.persons.map((p) => [p.id, p]));
  const posts = new Map(dataset.posts.map((p) => [p.id, p]));
  const organisations = new Map(dataset.organisations.map((o) => [o.id, o]));
  const rows: WikidataRow[] = [];

  const statement = (t: DatasetTenure) => {
    const post = posts.get(t.postId);
    const organisationId = post?.organisationId;
    return {
      statement_id: t.id,
      person_id: t.personId,
      person: persons.get(t.personId)?.name ?? '',
      property: 'P39',
      property_label: 'position held',
      post_id: t.postId,
      position_held: post?.title ?? '',
      organisation: organisationId ? (organisations.get(organisationId)?.name ?? organisationId) : '',
      start_time_P580: t.from ?? '',
      start_time_precision: precision(t.from),
      end_time_P582: t.to ?? '',
      end_time_precision: precision(t.to),
      object_has_role_P3831: t.capacity === 'interim' || t.capacity === 'acting' ? t.capacity : '',
      status: t.status ?? '',
      certainty: tenureCertainty(t),
      evidence_kind: t.evidenceKind,
    };
  };
  const reference = (documentId: string, quote: string) => {
    const d = doc(documentId);
    return {
      reference_kind: 'quoted',
      reference_document_id: d.id,
      reference_title_P1476: d.title,
      reference_publisher_P123: d.publisher ?? '',
      reference_publication_date_P577: d.published ?? '',
      // Only a document's own address: the app's copy is not a reference Wikidata can use.
      reference_url_P854: d.url ?? '',
      quotation_P1683: quote,
      reference_note: '',
    };
  };
  /** A source cited by its address only: the URL and what the citer said, no quotation to check. */
  const citation = (url: string, note: string | null) => ({
    reference_kind: CITED_BY_URL,
    reference_document_id: '',
    reference_title_P1476: '',
    reference_publisher_P123: '',
    reference_publication_date_P577: '',
    reference_url_P854: url,
    quotation_P1683: '',
    reference_note: note ?? '',
  });
  const undated = {
    point_in_time_P585: '',
    point_in_time_precision: '',
    earliest_date_P1319: '',
    earliest_date_precision: '',
    latest_date_P1326: '',
    latest_date_precision: '',
  };

  for (const t of dataset.tenures) {
    const base = statement(t);
    const seen = new Set<string>();
    for (const a of t.attestations) {
      seen.add(`${a.documentId}\n${a.quote}`);
      const when =
        a.notBefore === a.notAfter
          ? { ...undated, point_in_time_P585: a.notBefore, point_in_time_precision: precision(a.notBefore) }
          : {
              ...undated,
              earliest_date_P1319: a.notBefore,
              earliest_date_precision: precision(a.notBefore),
              latest_date_P1326: a.notAfter,
              latest_date_precision: precision(a.notAfter),
            };
      rows.push({ ...base, ...when, ...reference(a.documentId, a.quote) });
    }
    for (const e of t.evidence) {
      if (seen.has(`${e.documentId}\n${e.quote}`)) continue;
      seen.add(`${e.documentId}\n${e.quote}`);
      rows.push({ ...base, ...undated, ...reference(e.documentId, e.quote) });
    }
    for (const c of t.citations) rows.push({ ...base, ...undated, ...citation(c.url, c.note) });
  }
  return rows;
}

/** The statements as CSV, through the project's one CSV writer (formula cells neutralised). */
export function wikidataCsv(dataset: TenureDataset): string {
  const rows = datasetToWikidataRows(dataset);
  return toCsv([[...WIKIDATA_COLUMNS], ...rows.map((row) => WIKIDATA_COLUMNS.map((c) => row[c]))], {
    bom: true,
  });
}
