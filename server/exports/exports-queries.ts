/**
 * The Cypher behind the tracker exports. A selection query names the organisations, posts,
 * people and tenures to export; one dataset query then reads them with their evidence (quotes),
 * their citations ("cited by URL, not quoted") and the loader's `evidenceKind` mark, and one more
 * the documents they quote.
 */

/** An organisation, its posts, every tenure of those posts and who held them. */
export const ORG_SELECTION = `
MATCH (o:Organisation {id: $org})
OPTIONAL MATCH (p:Post)-[:POST_IN]->(o)
OPTIONAL MATCH (person:Person)-[:HELD]->(t:Tenure)-[:OF_POST]->(p)
RETURN o {.id, .name} AS subject, [o.id] AS orgIds, collect(DISTINCT p.id) AS postIds,
       collect(DISTINCT person.id) AS personIds, collect(DISTINCT t.id) AS tenureIds`;

/**
 * Chosen nodes (the explorer's view): the people, posts and organisations among them, each tenure
 * whose person and post are both among them (or whose id is), with its person and post, and the
 * organisation of every post, which a Popolo membership names.
 */
export const NODES_SELECTION = `
CALL () {
  OPTIONAL MATCH (a:Person)-[:HELD]->(t:Tenure)-[:OF_POST]->(p:Post)
  WHERE (a.id IN $ids AND p.id IN $ids) OR t.id IN $ids
  RETURN collect(t.id) AS tenureIds, collect(DISTINCT a.id) AS holderIds, collect(DISTINCT p.id) AS heldPostIds
}
CALL () { OPTIONAL MATCH (x:Person) WHERE x.id IN $ids RETURN collect(x.id) AS personIds }
CALL () { OPTIONAL MATCH (x:Post) WHERE x.id IN $ids RETURN collect(x.id) AS postIds }
WITH tenureIds, personIds + [id IN holderIds WHERE NOT id IN personIds] AS personIds,
     postIds + [id IN heldPostIds WHERE NOT id IN postIds] AS postIds
CALL (postIds) {
  OPTIONAL MATCH (o:Organisation)
  WHERE o.id IN $ids OR EXISTS { MATCH (p:Post)-[:POST_IN]->(o) WHERE p.id IN postIds }
  RETURN collect(o.id) AS orgIds
}
RETURN null AS subject, orgIds, postIds, personIds, tenureIds`;

export const DATASET = `
CALL () {
  OPTIONAL MATCH (o:Organisation) WHERE o.id IN $orgIds
  RETURN collect(o {.id, .name, .aliases, .kind, .validFrom, .validTo, .evidenceDocumentIds, .evidenceQuotes,
                       .citationUrls, .citationNotes, .evidenceKind}) AS organisations
}
CALL () {
  OPTIONAL MATCH (p:Post) WHERE p.id IN $postIds
  OPTIONAL MATCH (p)-[:POST_IN]->(o:Organisation)
  RETURN collect(p {.id, .title, .name, .accountable, .evidenceDocumentIds, .evidenceQuotes,
                       .citationUrls, .citationNotes, .evidenceKind, organisationId: o.id}) AS posts
}
CALL () {
  OPTIONAL MATCH (x:Person) WHERE x.id IN $personIds
  RETURN collect(x {.id, .name, .aliases, .honorific, .evidenceDocumentIds, .evidenceQuotes,
                       .citationUrls, .citationNotes, .evidenceKind}) AS persons
}
CALL () {
  OPTIONAL MATCH (a:Person)-[:HELD]->(t:Tenure)-[:OF_POST]->(p:Post) WHERE t.id IN $tenureIds
  CALL (t) {
    OPTIONAL MATCH (d:Document)-[c:CLAIMS]->(t)
    RETURN collect(CASE WHEN c IS NULL THEN null
                   ELSE {property: c.property, value: c.value, documentId: d.id, quotes: c.evidenceQuotes} END) AS claims
  }
  RETURN collect(CASE WHEN t IS NULL THEN null ELSE t {.*, personId: a.id, postId: p.id, claims: claims} END) AS tenures
}
RETURN organisations, posts, persons, tenures`;

export const DOCUMENTS = `
MATCH (d:Document) WHERE d.id IN $ids
RETURN d {.id, .title, .publisher, .author, .kind, .url, .published, .publishedNotBefore, .publishedNotAfter,
          .sourceFile} AS doc
ORDER BY d.id`;
