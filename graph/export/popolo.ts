import type { DatasetCitation, TenureDataset } from '../contract/exports.ts';
import { boundsText } from './dates.ts';
import type { PopoloFile, PopoloLink } from './popolo-schema.ts';
import { documentIndex, documentLine, documentUrl, type SourceOptions } from './sources.ts';
import { citationNote, tenureCertainty } from './tenure-evidence.ts';

/**
 * The tenure data as Popolo JSON: `persons`, `organizations`, `posts` and one membership per
 * tenure. Dates are written as the sources give them (Popolo's dates take a year, a month or a day);
 * a tenure known only from sources that show the person in post has no `start_date`/`end_date`, and
 * those sources are listed, with their dates, under the membership's `extra["+attestations"]`.
 * Every `sources` entry is `{url, note}`: a quoted source with the document and the exact quote, a
 * citation with its own URL and a note starting "cited by URL, not quoted". What an entry rests on
 * is `extra["+evidence_kind"]` (`quoted` or `cited`), and a tenure resting on citations alone has
 * `+certainty: possible`, never `stated` or `attested`.
 */

export interface PopoloMeta {
  exportedAt: string;
}

type Sourced = {
  evidence: readonly { documentId: string; quote: string }[];
  citations: readonly DatasetCitation[];
};

export function datasetToPopolo(
  dataset: TenureDataset,
  meta: PopoloMeta,
  options: SourceOptions = {},
): PopoloFile {
  const doc = documentIndex(dataset);
  const sources = ({ evidence, citations }: Sourced): PopoloLink[] => [
    ...evidence.map((e) => ({
      url: documentUrl(doc(e.documentId), options),
      note: `${documentLine(doc(e.documentId))}: “${e.quote}”`,
    })),
    ...citations.map((c) => ({ url: c.url, note: citationNote(c) })),
  ];
  const persons = new Map(dataset.persons.map((p) => [p.id, p]));
  const posts = new Map(dataset.posts.map((p) => [p.id, p]));

  return {
    persons: dataset.persons.map((p) => ({
      id: p.id,
      name: p.name,
      ...(p.aliases.length > 0 ? { other_names: p.aliases.map((name) => ({ name })) } : {}),
      ...(p.honorific ? { honorific_prefix: p.honorific } : {}),
      sources: sources(p),
      extra: { '+evidence_kind': p.evidenceKind },
    })),
    organizations: dataset.organisations.map((o) => ({
      id: o.id,
      name: o.name,
      ...(o.aliases.length > 0 ? { other_names: o.aliases.map((name) => ({ name })) } : {}),
      ...(o.kind ? { classification: o.kind } : {}),
      ...(o.validFrom ? { founding_date: o.validFrom } : {}),
      ...(o.validTo ? { dissolution_date: o.validTo } : {}),
      sources: sources(o),
      extra: { '+evidence_kind': o.evidenceKind },
    })),
    posts: dataset.posts.map((p) => ({
      id: p.id,
      label: p.title,
      ...(p.organisationId ? { organization_id: p.organisationId } : {}),
      sources: sources(p),
      extra: { '+accountable': p.accountable, '+evidence_kind': p.evidenceKind },
    })),
    memberships: dataset.tenures.map((t) => {
      const post = posts.get(t.postId);
      const person = persons.get(t.personId);
      return {
        id: t.id,
        label: `${person?.name ?? t.personId} as ${post?.title ?? t.postId}`,
        role: post?.title ?? null,
        person_id: t.personId,
        post_id: t.postId,
        ...(post?.organisationId ? { organization_id: post.organisationId } : {}),
        ...(t.from ? { start_date: t.from } : {}),
        ...(t.to ? { end_date: t.to } : {}),
        sources: sources(t),
        extra: {
          '+capacity': t.capacity,
          '+status': t.status,
          '+certainty': tenureCertainty(t),
          '+evidence_kind': t.evidenceKind,
          '+attestations': t.attestations.map((a) => ({
            date: boundsText(a.notBefore, a.notAfter),
            not_before: a.notBefore,
            not_after: a.notAfter,
            url: documentUrl(doc(a.documentId), options),
            document: documentLine(doc(a.documentId)),
            quote: a.quote,
          })),
          ...(t.claims.length > 0
            ? {
                '+claims': t.claims.map((c) => ({
                  property: c.property,
                  value: c.value,
                  url: documentUrl(doc(c.documentId), options),
                  document: documentLine(doc(c.documentId)),
                  quote: c.quote,
                })),
              }
            : {}),
        },
      };
    }),
    extra: { '+exported_at': meta.exportedAt, '+subject': dataset.subject?.id ?? null },
  };
}

export function popoloJson(dataset: TenureDataset, meta: PopoloMeta, options: SourceOptions = {}): string {
  return `${JSON.stringify(datasetToPopolo(dataset, meta, options), null, 2)}\n`;
}
