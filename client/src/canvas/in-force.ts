import type { ElementEdge, Elements } from '../../../graph/contract/api.ts';

/**
 * How a relationship stands on the date the view shows, for drawing and for the frame's sources:
 * `possible` when its span only may cover the day (the server's `inForce`), `undated` when no
 * source dates it at all (so it is shown under any date, which the reader must be told), null when
 * it is certainly in force or no date is asked. Pure.
 */
export type Standing = 'possible' | 'undated' | null;

export function standingOf(edge: ElementEdge, at: string | null): Standing {
  if (at === null) return null;
  if (edge.data.inForce === 'possible') return 'possible';
  if (edge.data.inForce === 'certain') return null;
  // The server leaves `inForce` empty under a date only for relationships no source dates.
  return edge.data.from || edge.data.to ? null : 'undated';
}

/** The elements with each relationship's standing on `at` in `data.standing` (absent when certain). */
export function markStanding(elements: Elements, at: string | null): Elements {
  if (at === null) return elements;
  return {
    nodes: elements.nodes,
    edges: elements.edges.map((edge) => {
      const standing = standingOf(edge, at);
      return standing ? { data: { ...edge.data, standing } } : edge;
    }),
  };
}

/**
 * Documents cited only by relationships of unknown date: listed among a dated view's sources, they
 * must say so, or a 2024 article reads as a source "as of 2017".
 */
export function undatedOnlyDocuments(edges: ReadonlyArray<{ data: Record<string, unknown> }>): Set<string> {
  const dated = new Set<string>();
  const undated = new Set<string>();
  for (const edge of edges) {
    const evidence = (edge.data.evidence ?? []) as Array<{ documentId: string }>;
    const into = edge.data.standing === 'undated' ? undated : dated;
    for (const e of evidence) into.add(e.documentId);
  }
  return new Set([...undated].filter((id) => !dated.has(id)));
}
