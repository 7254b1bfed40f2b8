import { CITED_BY_URL } from '../export/tenure-evidence.ts';
import type { Evidence } from '../seed/schema.ts';

/**
 * How a Popolo `sources` link becomes evidence. A link whose URL is a seed document's (its own URL,
 * the app's `/api/documents/<id>`, or our export's `urn:accountability-graph:<id>`) and whose note
 * quotes words found exactly in that document is evidence as the seeds know it. Anything else is a
 * citation: the weaker "cited by URL, not quoted" kind, kept apart and never a quoted fact.
 */

export interface SeedDocumentRef {
  id: string;
  url: string | null;
  text: string;
}

export interface Citation {
  url: string;
  note: string | null;
}

export type LinkEvidence = { kind: 'quoted'; evidence: Evidence } | { kind: 'cited'; citation: Citation };

/** The last quotation in a note: “…”, "…" or ‘…’. */
export function quotedIn(note: string | null | undefined): string | null {
  if (!note) return null;
  const matches = [...note.matchAll(/“([^”]+)”|"([^"]+)"|‘([^’]+)’/g)];
  const last = matches[matches.length - 1];
  return last ? (last[1] ?? last[2] ?? last[3] ?? null) : null;
}

function documentFor(url: string, documents: readonly SeedDocumentRef[]): SeedDocumentRef | null {
  const normal = (u: string) => u.replace(/\/+$/, '').replace(/^http:/, 'https:');
  return (
    documents.find(
      (d) =>
        (d.url !== null && normal(d.url) === normal(url)) ||
        url === `urn:accountability-graph:${d.id}` ||
        url.endsWith(`/api/documents/${encodeURIComponent(d.id)}`) ||
        url.endsWith(`/api/documents/${d.id}`),
    ) ?? null
  );
}

/**
 * The citer's own note: our export writes a citation's note as "cited by URL, not quoted: …", and
 * reading our file back must not mark it twice.
 */
export function citerNote(note: string | null | undefined): string | null {
  if (!note) return null;
  if (!note.startsWith(CITED_BY_URL)) return note;
  const rest = note.slice(CITED_BY_URL.length).replace(/^:\s*/, '');
  return rest === '' ? null : rest;
}

/** A link as quoted evidence when its document is in the seeds and holds the quote; else a citation. */
export function linkEvidence(
  link: { url: string; note?: string | null },
  documents: readonly SeedDocumentRef[],
): LinkEvidence {
  const document = documentFor(link.url, documents);
  const quote = quotedIn(link.note);
  if (document && quote && quote.trim().length >= 8 && document.text.includes(quote))
    return { kind: 'quoted', evidence: { documentId: document.id, quote } };
  return { kind: 'cited', citation: { url: link.url, note: citerNote(link.note) } };
}

/** Quoted evidence and citations of a list of links, each without repeats. */
export function splitLinks(
  links: readonly { url: string; note?: string | null }[] | undefined,
  documents: readonly SeedDocumentRef[],
): { evidence: Evidence[]; citations: Citation[] } {
  const evidence: Evidence[] = [];
  const citations: Citation[] = [];
  for (const link of links ?? []) {
    const found = linkEvidence(link, documents);
    if (found.kind === 'quoted') {
      if (
        !evidence.some((e) => e.documentId === found.evidence.documentId && e.quote === found.evidence.quote)
      )
        evidence.push(found.evidence);
    } else if (!citations.some((c) => c.url === found.citation.url && c.note === found.citation.note))
      citations.push(found.citation);
  }
  return { evidence, citations };
}
