import { perLabel } from '../../graph/label-queries.ts';

/**
 * Cypher for one node and its neighbourhood, one text per label (graph/label-queries.ts): the id
 * prefix names the label, so each read starts from that label's unique-id index.
 */

export const NODE_DETAIL = perLabel(
  (label) => `
MATCH (n:${label} {id: $id})
OPTIONAL MATCH (d:Document)-[c:CLAIMS]->(n)
WITH n, collect(CASE WHEN c IS NULL THEN null ELSE
  {property: c.property, value: c.value, documentId: d.id, quote: c.evidenceQuotes[0]} END) AS claims
RETURN n {.*} AS props, claims, COUNT { (n)--() } AS degree`,
);

/** What a node element needs: never a document's whole text. */
export const NODE_FIELDS =
  '.id, .name, .title, .kind, .capacity, .from, .to, .published, .notBefore, .notAfter, .disputedProperties';

/**
 * The neighbourhood of a node. Tenures are folded into one HOLDS row (person → post), unless the
 * node is itself a Tenure. `$at` keeps the relationships that are possibly in force on that day
 * (their `spanStart`/`spanEnd` cover it; relationships without dates are timeless) and says of each
 * whether it is certainly in force (`certainStart`/`certainEnd` cover the day, or a source dated
 * that day attests it) or only possibly. `$types` filters by relationship type (HOLDS for tenures).
 */
export const NEIGHBOURS = perLabel(
  (label) => `
MATCH (n:${label} {id: $id})
CALL (n) {
  CALL (n) {
    MATCH (n)-[r]-(m)
    WHERE n:Tenure OR NOT type(r) IN ['HELD', 'OF_POST']
    RETURN r AS rel, type(r) AS type, startNode(r) = n AS outgoing, m AS other, null AS tenure
    UNION
    MATCH (n)-[:HELD|OF_POST]-(t:Tenure)-[:HELD|OF_POST]-(m)
    WHERE NOT n:Tenure AND m <> n
    RETURN null AS rel, 'HOLDS' AS type, n:Person AS outgoing, m AS other, t AS tenure
  }
  WITH rel, type, outgoing, other, tenure, coalesce(rel, tenure) AS dated
  WHERE ($types IS NULL OR type IN $types)
    AND ($at IS NULL OR ((dated.spanStart IS NULL OR dated.spanStart <= $at)
                     AND (dated.spanEnd IS NULL OR dated.spanEnd >= $at)))
  WITH rel, type, outgoing, other, tenure,
       CASE
         WHEN $at IS NULL OR (dated.spanStart IS NULL AND dated.spanEnd IS NULL) THEN null
         WHEN (dated.certainStart IS NOT NULL AND dated.certainStart <= $at
               AND (dated.certainEnd IS NULL OR dated.certainEnd >= $at))
              OR $at IN coalesce(dated.attestedDays, []) THEN 'certain'
         ELSE 'possible'
       END AS inForce
  ORDER BY CASE type WHEN 'MENTIONS' THEN 1 ELSE 0 END, type, other.name
  // References only: the properties are read for the rows kept, not for every neighbour of a hub.
  RETURN collect({rel: rel, type: type, outgoing: outgoing, other: other, tenure: tenure, inForce: inForce}) AS found
}
CALL (found) {
  UNWIND found[0..$limit] AS f
  WITH f, f.rel AS rel, f.other AS other, f.tenure AS tenure
  RETURN collect({rel: rel {.*, inForce: f.inForce}, type: f.type, outgoing: f.outgoing,
                  other: other {${NODE_FIELDS}}, otherLabel: labels(other)[0],
                  tenure: tenure {.*, inForce: f.inForce}}) AS rows
}
RETURN n {${NODE_FIELDS}} AS props, size(found) AS total, rows`,
);
