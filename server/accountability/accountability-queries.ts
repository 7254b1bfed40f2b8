import { perLabel } from '../../graph/label-queries.ts';

/** The accountable posts of a list of organisations with every tenure of each, in one subquery. */
const POSTS_OF = (orgIds: string) => `
CALL (${orgIds}) {
  UNWIND ${orgIds} AS orgId
  WITH DISTINCT orgId
  MATCH (p:Post)-[:POST_IN]->(s:Organisation {id: orgId})
  WHERE coalesce(p.accountable, true)
  OPTIONAL MATCH (person:Person)-[:HELD]->(t:Tenure)-[:OF_POST]->(p)
  WITH s, p, collect(CASE WHEN t IS NULL THEN null ELSE {tenure: t {.*}, person: person {.id, .name}} END) AS tenures
  ORDER BY s.name, p.title
  RETURN collect({org: s {.id, .name}, post: p {.*}, tenures: tenures}) AS posts
}`;

/**
 * Each candidate body with its dates and its successors (one step of SUCCEEDED_BY), so that the
 * scope on a date can be decided in code. Expects rows of `s, relation, rel`.
 */
const CANDIDATES = `
OPTIONAL MATCH (s)-[succ:SUCCEEDED_BY]->(next:Organisation)
WITH o, s, relation, rel,
     collect(CASE WHEN next IS NULL THEN null ELSE
       {id: next.id, name: next.name, date: coalesce(succ.date, succ.from), validFrom: next.validFrom, validTo: next.validTo}
     END) AS successors
WITH o, collect({id: s.id, name: s.name, relation: relation, validFrom: s.validFrom, validTo: s.validTo,
                 successors: successors,
                 rel: rel {.date, .notBefore, .notAfter, .evidenceDocumentIds, .evidenceQuotes}}) AS scope
WITH o, scope, reduce(ids = [], x IN scope | ids + [x.id] + [y IN x.successors | y.id]) AS orgIds`;

/**
 * An organisation, the bodies it answers to and those that answer to it (up to two steps of
 * REPORTS_TO), the bodies that are part of it, the bodies named responsible for it (a local area),
 * their successors, and all their posts and tenures.
 */
export const ACCOUNTABILITY_BY_ORG = `
MATCH (o:Organisation {id: $org})
CALL (o) {
  RETURN o AS s, 'the organisation itself' AS relation, null AS rel
  UNION
  MATCH (o)-[:REPORTS_TO*1..2]->(s:Organisation) WHERE s <> o
  RETURN s, 'it answers to this body' AS relation, null AS rel
  UNION
  MATCH (o)<-[:REPORTS_TO*1..2]-(s:Organisation) WHERE s <> o
  RETURN s, 'this body answers to it' AS relation, null AS rel
  UNION
  MATCH (o)<-[:PART_OF]-(s:Organisation)
  RETURN s, 'this body is part of it' AS relation, null AS rel
  UNION
  MATCH (o)<-[r:RESPONSIBLE_FOR]-(s:Organisation)
  RETURN s, 'responsible for ' + o.name AS relation, r AS rel
}
WITH o, s, relation, rel
${CANDIDATES}
${POSTS_OF('orgIds')}
RETURN o {.id, .name} AS organisation, scope, posts`;

/**
 * From a finding or a report to the report and inspection behind it, the organisations it
 * concerns (with the relationship that says so) — including the bodies answerable for an
 * inspected area, with the date a source says so — their successors, and their posts and tenures.
 */
export const ACCOUNTABILITY_BY_SUBJECT = perLabel(
  (label) => `
MATCH (subject:${label} {id: $id})
OPTIONAL MATCH (by)-[:FOUND]->(subject)
WITH subject, CASE WHEN subject:Finding THEN by ELSE subject END AS r
WITH subject, r LIMIT 1
OPTIONAL MATCH (r)-[:REPORTED_ON|RESPONDS_TO|FOLLOW_UP_OF]->(ri:Inspection)
WITH subject, r, CASE WHEN r:Inspection THEN r ELSE ri END AS inspection
CALL (subject, r, inspection) {
  MATCH (subject)-[c:CONCERNS]->(o:Organisation) WHERE subject:Finding
  RETURN o, 'the finding concerns it' AS how, c AS rel, false AS area
  UNION
  MATCH (r)-[c:CONCERNS]->(o:Organisation)
  RETURN o, 'the report concerns it' AS how, c AS rel, false AS area
  UNION
  MATCH (inspection)-[c:INSPECTED]->(o:Organisation)
  RETURN o, 'the inspection inspected it' AS how, c AS rel, false AS area
  UNION
  MATCH (inspection)-[:INSPECTED]->(a:Organisation)<-[c:RESPONSIBLE_FOR]-(o:Organisation)
  RETURN o, 'answerable for ' + a.name AS how, c AS rel, true AS area
  UNION
  MATCH (o:Organisation)-[c:RESPONSIBLE_FOR|AUTHORED]->(r)
  RETURN o, 'responsible for the report' AS how, c AS rel, false AS area
}
OPTIONAL MATCH (o)-[succ:SUCCEEDED_BY]->(next:Organisation)
WITH subject, r, inspection, o, how, rel, area,
     collect(CASE WHEN next IS NULL THEN null ELSE
       {id: next.id, name: next.name, date: coalesce(succ.date, succ.from), validFrom: next.validFrom, validTo: next.validTo}
     END) AS successors
WITH subject, r, inspection,
     collect({id: o.id, name: o.name, how: how, area: area, validFrom: o.validFrom, validTo: o.validTo,
              successors: successors,
              rel: rel {.date, .notBefore, .notAfter, .evidenceDocumentIds, .evidenceQuotes}}) AS concerned
OPTIONAL MATCH (approver)-[approval:APPROVED]->(r)
WITH subject, r, inspection, concerned, min(approval.date) AS approved
CALL (subject, r) {
  MATCH (d:Document)-[:MENTIONS]->(x) WHERE x = subject OR x = r
  RETURN collect(DISTINCT d {.id, .name, .published, .publishedNotBefore, .publishedNotAfter}) AS sources
}
WITH subject, r, inspection, concerned, approved, sources,
     reduce(ids = [], x IN concerned | ids + [x.id] + [y IN x.successors | y.id]) AS orgIds
${POSTS_OF('orgIds')}
RETURN subject {.id, .text, .kind, .name, .evidenceDocumentIds, .evidenceQuotes} AS subject,
       labels(subject)[0] AS subjectLabel,
       r {.id, .name, .published, .from, .to, .notBefore, .notAfter} AS report, labels(r)[0] AS reportLabel,
       inspection {.id, .name, .from, .to} AS inspection,
       concerned, approved, sources, posts`,
);
