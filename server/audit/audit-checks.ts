import type {
  AccountabilityByFinding,
  AccountabilityByOrg,
  CypherResponse,
  Evidence,
  NodeDetail,
  Timeline,
} from '../../graph/contract/api.ts';
import type { AuditEntry } from './audit-list.ts';
import { latestDayOf, propertyProblems, sameRows } from './compare.ts';

/** How a check reaches the running app: GET a JSON path, or run read-only Cypher. */
export interface AuditApi {
  get<T>(path: string): Promise<{ status: number; body: T }>;
  cypher(query: string, params?: Record<string, unknown>): Promise<CypherResponse>;
}

type Check<K extends AuditEntry['check']> = Extract<AuditEntry, { check: K }>;

/** Where a fact must carry the entry's quote from its document. */
function quoteProblem(entry: AuditEntry, document: string, evidence: readonly Evidence[]): string[] {
  if (entry.quote === undefined) return [];
  return evidence.some((e) => e.documentId === document && e.quote === entry.quote)
    ? []
    : [`its evidence does not include the quote "${entry.quote}" from ${document}`];
}

const RELATIONSHIP = `
MATCH (a {id: $source})-[r]->(b {id: $target})
WHERE type(r) = $type AND r.id = $id
RETURN r {.*} AS r`;

const RELATIONSHIPS_OF_TYPE = `
MATCH (a {id: $source})-[r]->(b {id: $target})
WHERE type(r) = $type
RETURN r.id AS id`;

function evidenceOfProps(props: Record<string, unknown>): Evidence[] {
  const ids = Array.isArray(props.evidenceDocumentIds) ? props.evidenceDocumentIds : [];
  const quotes = Array.isArray(props.evidenceQuotes) ? props.evidenceQuotes : [];
  return ids.map((documentId, i) => ({ documentId: String(documentId), quote: String(quotes[i] ?? '') }));
}

async function node(api: AuditApi, e: Check<'node'>, document: string): Promise<string[]> {
  const { status, body } = await api.get<NodeDetail>(`/api/nodes/${encodeURIComponent(e.node)}`);
  if (status !== 200) return [`GET /api/nodes/${e.node} answered ${status}`];
  const problems: string[] = [];
  if (e.label && body.node.label !== e.label) problems.push(`label is ${body.node.label}, not ${e.label}`);
  if (e.name !== undefined && body.node.name !== e.name)
    problems.push(`name is "${body.node.name}", not "${e.name}"`);
  problems.push(...propertyProblems(body.node.properties, e.properties));
  const claims = body.claims.map((c) => ({ documentId: c.documentId, quote: c.quote }));
  problems.push(...quoteProblem(e, document, [...body.evidence, ...claims]));
  return problems;
}

async function noNode(api: AuditApi, e: Check<'no-node'>): Promise<string[]> {
  const { status } = await api.get(`/api/nodes/${encodeURIComponent(e.node)}`);
  return status === 404 ? [] : [`${e.node} exists (GET answered ${status})`];
}

async function relationship(api: AuditApi, e: Check<'relationship'>, document: string): Promise<string[]> {
  const id = `${e.type}:${e.source}>${e.target}${e.key ? `#${e.key}` : ''}`;
  const result = await api.cypher(RELATIONSHIP, { source: e.source, target: e.target, type: e.type, id });
  const props = result.rows[0]?.[0] as Record<string, unknown> | undefined;
  if (!props) return [`no relationship ${id}`];
  return [...propertyProblems(props, e.properties), ...quoteProblem(e, document, evidenceOfProps(props))];
}

async function noRelationship(api: AuditApi, e: Check<'no-relationship'>): Promise<string[]> {
  const result = await api.cypher(RELATIONSHIPS_OF_TYPE, {
    source: e.source,
    target: e.target,
    type: e.type,
  });
  return result.rows.map((row) => `found ${String(row[0])}`);
}

async function orgAnswer(api: AuditApi, org: string, at: string) {
  return api.get<AccountabilityByOrg>(`/api/accountability?org=${encodeURIComponent(org)}&at=${at}`);
}

async function holder(api: AuditApi, e: Check<'holder'>, document: string): Promise<string[]> {
  const { status, body } = await orgAnswer(api, e.org, e.at);
  if (status !== 200) return [`accountability for ${e.org} on ${e.at} answered ${status}`];
  const found = body.holders.find((h) => h.person.id === e.person && h.post.id === e.post);
  if (!found) return [`${e.person} is not listed in ${e.post} on ${e.at}`];
  const problems: string[] = [];
  if (e.capacity !== undefined && found.capacity !== e.capacity)
    problems.push(`capacity is ${found.capacity}, not ${e.capacity}`);
  if (e.certainty && !e.certainty.includes(found.certainty as never))
    problems.push(`certainty is ${found.certainty}, not one of ${e.certainty.join(', ')}`);
  return [...problems, ...quoteProblem(e, document, found.evidence)];
}

async function notHolder(api: AuditApi, e: Check<'not-holder'>): Promise<string[]> {
  const { status, body } = await orgAnswer(api, e.org, e.at);
  if (status !== 200) return [`accountability for ${e.org} on ${e.at} answered ${status}`];
  return body.holders
    .filter((h) => h.person.id === e.person && (!e.post || h.post.id === e.post))
    .filter((h) => !e.allow.includes(h.certainty as never))
    .map((h) => `${e.person} is listed in ${h.post.id} on ${e.at} as ${h.certainty}`);
}

async function timelineOf(api: AuditApi, subject: string) {
  const kind = subject.startsWith('person:') ? 'person' : 'org';
  return api.get<Timeline>(`/api/timeline?${kind}=${encodeURIComponent(subject)}`);
}

async function timeline(api: AuditApi, e: Check<'timeline'>, document: string): Promise<string[]> {
  const { status, body } = await timelineOf(api, e.subject);
  if (status !== 200) return [`timeline of ${e.subject} answered ${status}`];
  const events = body.events.filter((x) => x.id === e.event && (!e.kind || x.kind === e.kind));
  if (events.length === 0) return [`the timeline of ${e.subject} has no event ${e.event}`];
  const problems: string[] = [];
  if (e.date !== undefined && !events.some((x) => x.date === e.date))
    problems.push(`${e.event} is dated ${events.map((x) => x.date).join(', ')}, not ${e.date}`);
  if (e.notDate !== undefined && events.some((x) => x.date === e.notDate))
    problems.push(`${e.event} is dated ${e.notDate}, which the text does not support`);
  return [
    ...problems,
    ...quoteProblem(
      e,
      document,
      events.flatMap((x) => x.evidence),
    ),
  ];
}

async function notInTimeline(api: AuditApi, e: Check<'not-in-timeline'>): Promise<string[]> {
  const { status, body } = await timelineOf(api, e.subject);
  if (status !== 200) return [`timeline of ${e.subject} answered ${status}`];
  const listed = body.events.filter((x) => e.events.includes(x.id)).map((x) => `lists ${x.id}`);
  const before = e.noneEndingBefore;
  const early = before
    ? body.events
        .filter((x) => latestDayOf(x.date) < before)
        .map((x) => `lists ${x.id} dated ${x.date}, before ${before}`)
    : [];
  return [...listed, ...early];
}

async function chain(api: AuditApi, e: Check<'chain'>, document: string): Promise<string[]> {
  const param = e.from.startsWith('finding:') ? 'finding' : 'report';
  const { status, body } = await api.get<AccountabilityByFinding>(
    `/api/accountability?${param}=${encodeURIComponent(e.from)}`,
  );
  if (status !== 200) return [`accountability from ${e.from} answered ${status}`];
  const ids = body.organisations.map((o) => o.id);
  const problems = [
    ...e.organisations.filter((o) => !ids.includes(o)).map((o) => `${o} is not in the chain`),
    ...e.notOrganisations.filter((o) => ids.includes(o)).map((o) => `${o} is in the chain`),
    ...e.holders
      .filter((h) => !body.holders.some((x) => x.person.id === h.person && x.post.id === h.post))
      .map((h) => `${h.person} in ${h.post} is not among the holders`),
  ];
  if (e.report && body.report.id !== e.report)
    problems.push(`the report is ${body.report.id}, not ${e.report}`);
  if (e.at !== undefined && body.at !== e.at) problems.push(`dated ${body.at}, not ${e.at}`);
  const evidence = [...body.finding.evidence, ...body.organisations.flatMap((o) => o.evidence)];
  return [...problems, ...quoteProblem(e, document, evidence)];
}

async function answerable(api: AuditApi, e: Check<'answerable'>): Promise<string[]> {
  const { status, body } = await orgAnswer(api, e.org, e.at);
  if (status !== 200) return [`accountability for ${e.org} on ${e.at} answered ${status}`];
  const ids = new Set([
    ...body.scope.map((s) => s.id),
    ...body.holders.map((h) => h.organisation.id),
    ...body.notKnown.map((n) => n.organisation.id),
  ]);
  return [
    ...e.organisations
      .filter((o) => !ids.has(o))
      .map((o) => `${o} is not answerable for ${e.org} on ${e.at}`),
    ...e.notOrganisations.filter((o) => ids.has(o)).map((o) => `${o} is answerable for ${e.org} on ${e.at}`),
  ];
}

async function cypher(api: AuditApi, e: Check<'cypher'>): Promise<string[]> {
  const result = await api.cypher(e.query, e.params);
  return sameRows(result.rows, e.rows)
    ? []
    : [`rows ${JSON.stringify(result.rows)}, expected ${JSON.stringify(e.rows)}`];
}

/** Runs one entry against the app; an empty list means the graph says what the entry says. */
export async function runCheck(api: AuditApi, entry: AuditEntry, document: string): Promise<string[]> {
  switch (entry.check) {
    case 'node':
      return node(api, entry, document);
    case 'no-node':
      return noNode(api, entry);
    case 'relationship':
      return relationship(api, entry, document);
    case 'no-relationship':
      return noRelationship(api, entry);
    case 'holder':
      return holder(api, entry, document);
    case 'not-holder':
      return notHolder(api, entry);
    case 'timeline':
      return timeline(api, entry, document);
    case 'not-in-timeline':
      return notInTimeline(api, entry);
    case 'chain':
      return chain(api, entry, document);
    case 'answerable':
      return answerable(api, entry);
    case 'cypher':
      return cypher(api, entry);
  }
}
