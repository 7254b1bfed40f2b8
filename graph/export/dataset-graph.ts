import type { DatasetCitation, EvidenceKind, TenureDataset } from '../contract/exports.ts';
import { boundsText } from './dates.ts';
import type { ExportGraph } from './elements.ts';
import { tenureCertainty } from './tenure-evidence.ts';

/**
 * The tenure data as a graph, shaped as the explorer shows it (Person -HOLDS-> Post -POST_IN->
 * Organisation, a HOLDS edge per tenure with its dates, attestations and evidence), so an
 * organisation exported from the API or the command line goes through the same graph writers
 * (GEXF) as the explorer's canvas.
 */
/** The explorer's marks for what rests on citations alone (`citedOf` in the contract gives the same). */
function cited(x: { citations: readonly DatasetCitation[]; evidenceKind: EvidenceKind }) {
  return {
    ...(x.citations.length > 0 ? { citations: x.citations.map((c) => ({ url: c.url, note: c.note })) } : {}),
    ...(x.evidenceKind === 'cited' ? { evidenceKind: 'cited' as const } : {}),
  };
}

export function graphFromDataset(dataset: TenureDataset): ExportGraph {
  return {
    nodes: [
      ...dataset.organisations.map((o) => ({
        data: {
          id: o.id,
          label: 'Organisation',
          name: o.name,
          ...(o.kind ? { kind: o.kind } : {}),
          ...cited(o),
        },
      })),
      ...dataset.posts.map((p) => ({ data: { id: p.id, label: 'Post', name: p.title, ...cited(p) } })),
      ...dataset.persons.map((p) => ({ data: { id: p.id, label: 'Person', name: p.name, ...cited(p) } })),
    ],
    edges: [
      ...dataset.posts
        .filter((p) => p.organisationId !== null)
        .map((p) => ({
          data: {
            id: `post-in:${p.id}`,
            source: p.id,
            target: p.organisationId as string,
            type: 'POST_IN',
            from: null,
            to: null,
            qualifier: null,
            evidence: p.evidence,
          },
        })),
      ...dataset.tenures.map((t) => ({
        data: {
          id: t.id,
          source: t.personId,
          target: t.postId,
          type: 'HOLDS',
          from: t.from,
          to: t.to,
          qualifier: t.capacity,
          capacity: t.capacity,
          status: t.status,
          // As the explorer's HOLDS edge: a tenure resting on citations alone is not `known` from a
          // quote; the GEXF writer reports it as `possible`.
          ...(t.evidenceKind === 'cited' ? {} : { known: tenureCertainty(t) as 'stated' | 'attested' }),
          attestedOn: t.attestations.map((a) => boundsText(a.notBefore, a.notAfter)),
          evidence: t.evidence,
          ...cited(t),
        },
      })),
    ],
  };
}
