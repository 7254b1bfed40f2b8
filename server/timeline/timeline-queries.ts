/**
 * The inspections of the areas an organisation is named responsible for, each with every body
 * named responsible for that area and when, so that code can keep only the inspections of a time
 * when this organisation answered for the area (a body named in 2024 does not answer for 2017).
 */
export const AREA_INSPECTIONS = `
MATCH (o:Organisation {id: $id})-[:RESPONSIBLE_FOR]->(area:Organisation)<-[:INSPECTED]-(i:Inspection)
MATCH (area)<-[r:RESPONSIBLE_FOR]-(s:Organisation)
RETURN i {.id, .from, .to, .notBefore, .notAfter} AS inspection,
       collect({id: s.id, name: s.name, validFrom: s.validFrom, validTo: s.validTo,
                rel: r {.date, .notBefore, .notAfter}}) AS responsible`;

/**
 * Everything with a date around one organisation: the tenures of its posts and their vacancies,
 * the inspections of it (or of an area it answered for then, `$areaInspections`), reports about
 * those inspections or about it, their findings, and statements by its office-holders or about it.
 * Events are built from the rows in TypeScript. Every part expands from `o` (or from what was
 * found from it), never from a label or relationship type scan, so its cost follows the size of the
 * organisation's neighbourhood, not of the graph.
 */
export const ORG_TIMELINE = `
MATCH (o:Organisation {id: $id})
CALL (o) {
  OPTIONAL MATCH (o)<-[:POST_IN]-(p:Post)<-[:OF_POST]-(t:Tenure)<-[:HELD]-(person:Person)
  RETURN collect(CASE WHEN t IS NULL THEN null ELSE {tenure: t {.*}, post: p.name, person: person {.id, .name}} END) AS tenures
}
CALL (o) {
  OPTIONAL MATCH (o)<-[:POST_IN]-(p:Post) WHERE p.vacancyDates IS NOT NULL
  RETURN collect(p {.id, .name, .vacancyDates, .vacancyNotBefore, .vacancyNotAfter, .vacancyEvidenceIndex,
                    .vacancyDocumentIds, .vacancyQuotes}) AS vacantPosts
}
CALL (o) {
  CALL (o) {
    MATCH (o)<-[:INSPECTED|CONCERNS]-(i:Inspection)
    RETURN i
    UNION
    UNWIND $areaInspections AS areaInspection
    MATCH (i:Inspection {id: areaInspection})
    RETURN i
  }
  RETURN collect(DISTINCT i) AS inspections
}
CALL (o, inspections) {
  CALL (o, inspections) {
    UNWIND inspections AS i
    MATCH (r:Report)-[:REPORTED_ON|RESPONDS_TO|FOLLOW_UP_OF]->(i)
    RETURN r
    UNION
    MATCH (r:Report)-[:CONCERNS]->(o)
    RETURN r
    UNION
    MATCH (o)-[:RESPONSIBLE_FOR|AUTHORED|APPROVED|PUBLISHED]->(r:Report)
    RETURN r
  }
  RETURN collect(DISTINCT r) AS reports
}
CALL (o, inspections, reports) {
  CALL (o, inspections, reports) {
    UNWIND inspections + reports AS x
    MATCH (x)-[:FOUND]->(f:Finding)
    RETURN x, f
    UNION
    MATCH (x)-[:FOUND]->(f:Finding)-[:CONCERNS]->(o)
    RETURN x, f
  }
  RETURN collect(DISTINCT {finding: f {.id, .name, .text, .kind, .evidenceDocumentIds, .evidenceQuotes},
                           by: x {.id, .name, .published, .from, .to, .notBefore, .notAfter}}) AS findings
}
CALL (o, inspections, reports) {
  CALL (o, inspections, reports) {
    MATCH (o)-[s:STATED]->(about)
    RETURN o AS speaker, s, about
    UNION
    MATCH (speaker)-[s:STATED]->(o)
    RETURN speaker, s, o AS about
    UNION
    UNWIND inspections + reports AS about
    MATCH (speaker)-[s:STATED]->(about)
    RETURN speaker, s, about
    UNION
    MATCH (o)<-[:POST_IN]-(:Post)<-[:OF_POST]-(:Tenure)<-[:HELD]-(speaker)-[s:STATED]->(about)
    RETURN speaker, s, about
  }
  RETURN collect(DISTINCT {statement: s {.*}, speaker: speaker {.id, .name}, about: about {.id, .name}}) AS statements
}
RETURN o {.id, .name} AS subject, 'Organisation' AS label, tenures,
       [i IN inspections | i {.id, .name, .from, .to, .notBefore, .notAfter, .kind, .evidenceDocumentIds, .evidenceQuotes}] AS inspections,
       [r IN reports | r {.id, .name, .published, .notBefore, .notAfter, .kind, .evidenceDocumentIds, .evidenceQuotes}] AS reports,
       findings, statements, [] AS documents, vacantPosts`;

/** A person's tenures, statements and the documents that mention them. */
export const PERSON_TIMELINE = `
MATCH (person:Person {id: $id})
CALL (person) {
  OPTIONAL MATCH (person)-[:HELD]->(t:Tenure)-[:OF_POST]->(p:Post)
  RETURN collect(CASE WHEN t IS NULL THEN null ELSE {tenure: t {.*}, post: p.name, person: person {.id, .name}} END) AS tenures
}
CALL (person) {
  OPTIONAL MATCH (person)-[s:STATED]->(about)
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE
    {statement: s {.*}, speaker: person {.id, .name}, about: about {.id, .name}} END) AS statements
}
CALL (person) {
  OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(person)
  RETURN collect(CASE WHEN d IS NULL THEN null ELSE
    {document: d {.id, .name, .published, .publishedNotBefore, .publishedNotAfter}, quotes: m.evidenceQuotes} END) AS documents
}
RETURN person {.id, .name} AS subject, 'Person' AS label, tenures, [] AS inspections, [] AS reports, [] AS findings,
       statements, documents, [] AS vacantPosts`;
