/**
 * Saved accountability questions for the Cypher console. Defined once, here, and imported both by
 * the client (the console's library) and by library.int.test.ts, which runs every one through the
 * console's own path on the seed graph. Plain data with no imports, so the client can bundle it.
 *
 * Tenures in the seed graph are attested rather than bounded: a source says that someone held a
 * post on or around a date. The queries that ask "who was in post when" therefore look for
 * attestation windows (`attestationNotBefore[k]`..`attestationNotAfter[k]`, strings of any
 * precision, which compare correctly as text) that overlap the year of the inspection in question.
 */

export interface LibraryQuery {
  /** Stable, URL-safe id. */
  id: string;
  title: string;
  description: string;
  query: string;
  params?: Record<string, unknown>;
}

export const QUERY_LIBRARY: readonly LibraryQuery[] = [
  {
    id: 'holders-at-2017-inspection',
    title: 'Who held which post when the 2017 inspection took place',
    description:
      'People attested in a post during the year of the inspection, with the capacity, each attestation window and a quote. Change $inspection to ask about another inspection.',
    params: { inspection: 'inspection:bury-local-area-send-2017' },
    query: `MATCH (i:Inspection {id: $inspection})
WITH i, left(coalesce(i.from, i.notAfter), 4) AS year
MATCH chain = (p:Person)-[:HELD]->(t:Tenure)-[:OF_POST]->(post:Post)-[:POST_IN]->(o:Organisation)
UNWIND range(0, size(coalesce(t.attestationNotBefore, [])) - 1) AS k
WITH i, year, chain, p, t, post, o, k
WHERE t.attestationNotBefore[k] <= year + '-12-31' AND t.attestationNotAfter[k] >= year
WITH i, chain, p, t, post, o,
  collect(t.attestationNotBefore[k] + ' to ' + t.attestationNotAfter[k]) AS attested,
  collect(t.attestationQuotes[k])[0] AS quote
RETURN o AS organisation, post, p AS person, t.capacity AS capacity, attested, quote, chain
ORDER BY o.name, post.title`,
  },
  {
    id: 'posts-at-both-inspections',
    title: 'Who was in post at both the 2017 and the 2024 inspections',
    description:
      'Posts with a holder attested in the year of each inspection, the holders at each, and whether the same person held the post at both.',
    params: { first: 'inspection:bury-local-area-send-2017', second: 'inspection:bury-send-2024' },
    query: `UNWIND [$first, $second] AS inspectionId
MATCH (i:Inspection {id: inspectionId})
WITH i, left(coalesce(i.from, i.notAfter), 4) AS year
MATCH (p:Person)-[:HELD]->(t:Tenure)-[:OF_POST]->(post:Post)-[:POST_IN]->(o:Organisation)
WHERE any(k IN range(0, size(coalesce(t.attestationNotBefore, [])) - 1)
  WHERE t.attestationNotBefore[k] <= year + '-12-31' AND t.attestationNotAfter[k] >= year)
WITH o, post, i, collect(DISTINCT p) AS holders
WITH o, post, collect({inspection: i.id, holders: holders}) AS byInspection
WHERE size(byInspection) = 2
WITH o, post,
  [x IN byInspection WHERE x.inspection = $first][0].holders AS atFirst,
  [x IN byInspection WHERE x.inspection = $second][0].holders AS atSecond
RETURN o AS organisation, post, atFirst AS heldAtFirst, atSecond AS heldAtSecond,
  any(p IN atFirst WHERE p IN atSecond) AS samePerson
ORDER BY o.name, post.title`,
  },
  {
    id: 'open-findings-at-revisit',
    title: 'Which findings were still open at the revisit, and who was responsible',
    description:
      'Weaknesses of the inspection the revisit followed up whose theme the revisit flagged for further work or reported no progress on, the organisations they concern and the bodies responsible for those.',
    params: { revisit: 'inspection:bury-local-area-send-revisit' },
    query: `MATCH (revisit:Inspection {id: $revisit})-[:FOLLOW_UP_OF]->(original:Inspection)
MATCH (original)<-[:REPORTED_ON*0..1]-(source)-[:FOUND]->(f:Finding)
WHERE f.kind IN ['weakness', 'area-for-improvement'] AND f.theme IS NOT NULL
OPTIONAL MATCH (revisit)-[:FOUND]->(later:Finding {theme: f.theme})
WITH f, collect(later) AS atRevisit
WHERE size(atRevisit) = 0 OR any(l IN atRevisit WHERE l.kind = 'area-for-improvement')
MATCH (f)-[concerns:CONCERNS]->(o:Organisation)
OPTIONAL MATCH (body:Organisation)-[responsible:RESPONSIBLE_FOR]->(o)
RETURN f AS finding, f.theme AS theme,
  CASE size(atRevisit) WHEN 0 THEN 'no progress reported on this theme' ELSE atRevisit[0].text END AS revisitSays,
  collect(DISTINCT o) AS concerns,
  collect(DISTINCT body.name + ': ' + responsible.qualifier) AS responsibleBodies,
  collect(DISTINCT concerns) + collect(DISTINCT responsible) AS links
ORDER BY f.id`,
  },
  {
    id: 'sources-on-person',
    title: 'What each source says about a person',
    description:
      'Every document that mentions the person (by any part of their name) or one of their tenures, with the quotes it gives. Change $name.',
    params: { name: 'Karen Dolton' },
    query: `MATCH (p:Person) WHERE toLower(p.name) CONTAINS toLower($name)
MATCH (d:Document)-[m:MENTIONS]->(x)
WHERE x = p OR (p)-[:HELD]->(x)
RETURN p AS person, d AS document, coalesce(d.published, d.publishedNotBefore) AS published,
  x AS about, m.evidenceQuotes AS quotes, m AS mention
ORDER BY p.name, published, d.title, x.id`,
  },
  {
    id: 'conflicting-claims',
    title: 'Which claims conflict',
    description:
      'Pairs of documents that claim different values for the same property of the same thing (a date, a capacity, a characterisation).',
    query: `MATCH (d1:Document)-[c1:CLAIMS]->(x)<-[c2:CLAIMS]-(d2:Document)
WHERE c1.property = c2.property AND c1.value < c2.value
WITH x, c1.property AS property, c1.value AS says, c2.value AS otherSays,
  collect(DISTINCT d1) AS sources, collect(DISTINCT d2) AS otherSources, collect(c1) + collect(c2) AS claims
RETURN x AS subject, property, says, sources, otherSays, otherSources, claims
ORDER BY x.name, property`,
  },
  {
    id: 'finding-evidence-chain',
    title: 'The evidence chain from a finding to the posts of the organisations it concerns',
    description:
      'From the report or inspection that made the finding, to the organisations it concerns (and the bodies responsible for them), to their posts and who is known to have held them. Change $finding.',
    params: { finding: 'finding:2017-no-send-strategy' },
    query: `MATCH chain = (source)-[:FOUND]->(f:Finding {id: $finding})-[:CONCERNS]->(:Organisation)
  <-[:RESPONSIBLE_FOR*0..1]-(o:Organisation)<-[:POST_IN]-(post:Post)
WITH f, source, o, post, collect(chain) AS chains
OPTIONAL MATCH tenure = (holder:Person)-[:HELD]->(:Tenure)-[:OF_POST]->(post)
RETURN f AS finding, source, o AS organisation, post, collect(DISTINCT holder) AS holders,
  chains, collect(tenure) AS tenures
ORDER BY o.name, post.title`,
  },
  {
    id: 'statements-in-date-order',
    title: 'Who said what, when',
    description:
      'Every statement in the graph in date order (the statement’s own date, else its source’s), with who made it, what it was about and the document that reports it.',
    query: `MATCH (speaker)-[s:STATED]->(about)
OPTIONAL MATCH (d:Document {id: s.evidenceDocumentIds[0]})
WITH speaker, s, about, d, coalesce(s.date, d.published, d.publishedNotBefore) AS date
RETURN date, speaker, s.text AS said, about, d AS source, s AS statement
ORDER BY date, speaker.name`,
  },
  {
    id: 'documents-and-mentions',
    title: 'Documents and what they mention',
    description:
      'For each source document, how many people, posts, organisations, findings… it mentions, and which.',
    query: `MATCH (d:Document)-[m:MENTIONS]->(x)
WITH d, labels(x)[0] AS kind, collect(x) AS things, collect(m) AS mentions
RETURN d AS document, coalesce(d.published, d.publishedNotBefore) AS published, kind,
  size(things) AS count, things, mentions
ORDER BY published, d.title, kind`,
  },
  {
    id: 'findings-by-source',
    title: 'What each inspection and report found',
    description:
      'Findings grouped by the inspection or report that made them and by kind (weakness, strength, progress…).',
    query: `MATCH (source)-[found:FOUND]->(f:Finding)
WITH source, f.kind AS kind, collect(f) AS findings, collect(found) AS links
RETURN source, labels(source)[0] AS sourceType, kind, size(findings) AS count, findings, links
ORDER BY source.name, kind`,
  },
  {
    id: 'who-answers-for-the-local-area',
    title: 'Who answers for the local area',
    description:
      'Organisations responsible for another organisation or for a plan, in what capacity, on whose word, and the posts within them.',
    query: `MATCH (body:Organisation)-[r:RESPONSIBLE_FOR]->(x)
OPTIONAL MATCH (post:Post)-[:POST_IN]->(body)
RETURN body, r.qualifier AS capacity, x AS responsibleFor, r.evidenceQuotes[0] AS quote,
  collect(post) AS posts, r
ORDER BY body.name, x.name`,
  },
];
