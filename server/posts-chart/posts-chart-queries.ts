/**
 * The inspections, reports and findings to mark on a chart of these organisations: inspections
 * of them (or that concern them), reports on those inspections or about them, and their findings.
 */
export const CHART_EVENTS = `
CALL () {
  MATCH (i:Inspection)-[:INSPECTED|CONCERNS]->(o:Organisation) WHERE o.id IN $orgIds
  RETURN collect(DISTINCT i) AS inspections
}
CALL (inspections) {
  OPTIONAL MATCH (r:Report)
  WHERE any(i IN inspections WHERE (r)-[:REPORTED_ON|RESPONDS_TO|FOLLOW_UP_OF]->(i))
     OR EXISTS { MATCH (r)-[:CONCERNS]->(o:Organisation) WHERE o.id IN $orgIds }
     OR EXISTS { MATCH (o:Organisation)-[:RESPONSIBLE_FOR|AUTHORED|APPROVED]->(r) WHERE o.id IN $orgIds }
  RETURN collect(DISTINCT r) AS reports
}
CALL (inspections, reports) {
  OPTIONAL MATCH (x)-[:FOUND]->(f:Finding) WHERE x IN inspections OR x IN reports
  RETURN collect(DISTINCT {finding: f {.id, .name, .text, .kind, .evidenceDocumentIds, .evidenceQuotes},
                           by: x {.id, .published, .from, .to, .notBefore, .notAfter}}) AS findings
}
RETURN [i IN inspections | i {.id, .name, .kind, .from, .to, .notBefore, .notAfter, .evidenceDocumentIds, .evidenceQuotes}] AS inspections,
       [r IN reports | r {.id, .name, .kind, .published, .notBefore, .notAfter, .evidenceDocumentIds, .evidenceQuotes}] AS reports,
       findings`;
