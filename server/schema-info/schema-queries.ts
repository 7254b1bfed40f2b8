/** Labels and relationship types with their counts, and every property key, each sorted, in one round trip. */
export const GRAPH_SCHEMA = `
CALL () {
  MATCH (n) UNWIND labels(n) AS label
  WITH label, count(*) AS count ORDER BY label
  RETURN collect({label: label, count: count}) AS labels
}
CALL () {
  MATCH ()-[r]->()
  WITH type(r) AS type, count(*) AS count ORDER BY type
  RETURN collect({type: type, count: count}) AS relationshipTypes
}
CALL () {
  CALL db.propertyKeys() YIELD propertyKey
  WITH propertyKey ORDER BY propertyKey
  RETURN collect(propertyKey) AS propertyKeys
}
RETURN labels, relationshipTypes, propertyKeys`;
