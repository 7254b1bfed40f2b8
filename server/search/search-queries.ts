/**
 * Full-text search over the `entity_text` index (names, aliases, titles and quotes). `$lucene` is
 * built by lucene-query.ts from what was typed; `$candidates` leaves room for the label filter.
 * Tenures are reached through people and posts; searching them would only repeat those hits.
 * Documents and findings rank below the people and bodies they mention.
 */
export const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_text', $lucene, {limit: $candidates}) YIELD node, score
WITH node, score, labels(node)[0] AS label
WHERE ($label IS NULL OR label = $label) AND NOT node:Tenure
RETURN node.id AS id, label, node.name AS name,
       score * CASE label WHEN 'Document' THEN 0.5 WHEN 'Finding' THEN 0.8 ELSE 1.0 END AS score
ORDER BY score DESC, name
LIMIT $limit`;
