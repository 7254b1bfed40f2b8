import type { ElementEdge, ElementNode } from '../contract/api.ts';

/**
 * The graph an export writes: the elements on the canvas (or the CLI's composed subgraph), nodes
 * with their positions where known. Shared by the browser and the CLI, so both write the same files.
 */
export interface Position {
  x: number;
  y: number;
}

export interface ExportNode {
  data: ElementNode['data'];
  position?: Position;
}

export interface ExportEdge {
  data: ElementEdge['data'];
}

export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** What the view showed, written into every export that has room for it. */
export interface ExportMeta {
  /** The view's title, if the reader gave one. */
  title?: string | null;
  /** The day relationships were in force on, or null for all dates. */
  at: string | null;
  /** When the file was made, as an ISO timestamp. */
  exportedAt: string;
}

/** Every document id behind the graph's relationships, in first-seen order. */
export function evidenceDocumentIds(graph: ExportGraph): string[] {
  const ids = new Set<string>();
  for (const edge of graph.edges) for (const e of edge.data.evidence) ids.add(e.documentId);
  return [...ids];
}

/** The distinct node labels in the graph, in first-seen order. */
export function labelsShown(graph: ExportGraph): string[] {
  return [...new Set(graph.nodes.map((n) => n.data.label))];
}

/** A value of an open-ended data field as one line of text (lists joined, objects as JSON). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value.join('; ');
  return JSON.stringify(value);
}
