import { NODE_LABELS, type NodeLabel } from './seed/schema.ts';

/**
 * One query text per node label, built once from the schema's fixed list of labels. A read that
 * starts from a node id picks the text for the label its id prefix names, so the plan starts from
 * that label's unique-id index (`MATCH (n:Person {id: $id})`) instead of scanning every node and
 * testing `$label IN labels(n)`. No user input is ever placed in the text: the caller passes a
 * NodeLabel, and anything not in the table is refused.
 */
export type PerLabel = Readonly<Record<NodeLabel, string>>;

export function perLabel(build: (label: NodeLabel) => string): PerLabel {
  return Object.freeze(Object.fromEntries(NODE_LABELS.map((label) => [label, build(label)]))) as PerLabel;
}

export function queryFor(queries: PerLabel, label: string): string {
  const query = Object.hasOwn(queries, label) ? queries[label as NodeLabel] : undefined;
  if (query === undefined) throw new Error(`No query for label ${label}`);
  return query;
}
