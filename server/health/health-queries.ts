import { NODE_LABELS } from '../../graph/seed/schema.ts';

// Only the domain labels are counted: a load's staged or retired generation and its switch marker
// (graph/load/generation.ts) are not part of the served graph. Each count is a count-store lookup
// (one label, or one labelled start node and any relationship), so the check stays instant at a
// million relationships; the labels come from the schema's fixed list, never from input.
const nodeCounts = NODE_LABELS.map((label) => `MATCH (n:${label}) RETURN count(n) AS c`).join(' UNION ALL ');
const relationshipCounts = NODE_LABELS.map((label) => `MATCH (:${label})-[r]->() RETURN count(r) AS c`).join(
  ' UNION ALL ',
);

/** One round trip: the server's version and edition, and the graph's size from the count store. */
export const HEALTH = `
CALL dbms.components() YIELD versions, edition
WITH versions[0] AS version, edition LIMIT 1
CALL () { CALL () { ${nodeCounts} } RETURN sum(c) AS nodes }
CALL () { CALL () { ${relationshipCounts} } RETURN sum(c) AS relationships }
RETURN version, edition, nodes, relationships`;
