import { RETIRED, stagedLabel } from '../../graph/load/generation.ts';
import { NODE_LABELS } from '../../graph/seed/schema.ts';
import { SWITCH_LABEL } from '../../graph/switch-guard.ts';

/** A load's staged or retired generation and its switch marker are not part of the served graph. */
export const HIDDEN_LABELS = [RETIRED, SWITCH_LABEL, ...NODE_LABELS.map(stagedLabel)];

/** Labels and relationship types with their counts, and every property key, each sorted, in one round trip. */
export const GRAPH_SCHEMA = `
CALL () {
  MATCH (n) UNWIND labels(n) AS label
  WITH label WHERE NOT label IN $hidden
  WITH label, count(*) AS count ORDER BY label
  RETURN collect({label: label, count: count}) AS labels
}
CALL () {
  MATCH (a)-[r]->() WHERE none(label IN labels(a) WHERE label IN $hidden)
  WITH type(r) AS type, count(*) AS count ORDER BY type
  RETURN collect({type: type, count: count}) AS relationshipTypes
}
CALL () {
  CALL db.propertyKeys() YIELD propertyKey
  WITH propertyKey ORDER BY propertyKey
  RETURN collect(propertyKey) AS propertyKeys
}
RETURN labels, relationshipTypes, propertyKeys`;
