/**
 * A synthetic GraphPlan for the `scale` suite, built in memory with no seed files. It has the shape
 * planGraph gives real seeds (same labels, relationship types, property names, evidence arrays,
 * search text and seedHash) at sizes close to the real ones: a document of a few KB, quotes of
 * about a sentence. Deterministic: the same scale always gives the same plan, so runs compare.
 */
import { createHash } from 'node:crypto';
import { relationshipId } from '../../graph/seed/entries.ts';
import {
  type GraphPlan,
  hashProperties,
  type PlannedNode,
  type PlannedRelationship,
  type Properties,
} from '../../graph/seed/plan.ts';
import type { NodeLabel, RelationshipType } from '../../graph/seed/schema.ts';

/** Per person; the other counts follow from these ratios. */
const PEOPLE_PER_ORGANISATION = 100;
const PEOPLE_PER_DOCUMENT = 20;
const POSTS_PER_PERSON = 0.5;
/**
 * The first document is a register that names this many people (fewer at small scales), so the
 * graph has one node with thousands of neighbours, as a real gazette or a council's list of
 * officers would be: the `api-scale` neighbours request asks for it, capped.
 */
export const HUB_PEOPLE = 5_000;
const DOCUMENT_WORDS = 600;

const FIRST = [
  'Karen',
  'Andrew',
  'Brian',
  'Pat',
  'Stuart',
  'Amina',
  'Dev',
  'Joanne',
  'Rhys',
  'Siobhan',
  'Tomasz',
  'Wei',
];
const LAST = [
  'Dolton',
  'Cook',
  'Duffy',
  'Greenhalgh',
  'North',
  'Hussain',
  'Patel',
  'Roberts',
  'Evans',
  'Kelly',
  'Nowak',
  'Chen',
];
const TOWNS = [
  'Bury',
  'Bolton',
  'Rochdale',
  'Oldham',
  'Wigan',
  'Salford',
  'Stockport',
  'Trafford',
  'Tameside',
];
const TITLES = [
  'Executive Director for Children, Young People and Culture',
  'Interim Chief Executive',
  'Director of Education and Skills',
  'Head of SEND Services',
  'Cabinet Member for Children and Families',
  'Designated Clinical Officer',
];
const CAPACITIES = ['substantive', 'interim', 'acting', 'joint'];
const WORDS =
  'the council inspection local area special educational needs disability written statement of action progress revisit children families services improvement weaknesses leaders partnership plan health commissioners parents carers school assessment outcomes'.split(
    ' ',
  );

/** mulberry32: a tiny seeded generator, so the plan does not depend on Math.random. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SyntheticPlanStats {
  scale: number;
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  /** Size of all properties as JSON, a rough measure of what is sent to Neo4j. */
  propertyBytes: number;
}

export function syntheticPlan(scale: number, seed = 20_171_121): GraphPlan {
  if (!Number.isInteger(scale) || scale < 1)
    throw new Error(`scale must be a positive integer, got ${scale}`);
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (below: number) => Math.floor(random() * below);
  const day = () => {
    const date = new Date(Date.UTC(2010, 0, 1) + int(15 * 365) * 86_400_000);
    return date.toISOString().slice(0, 10);
  };
  const sentence = (words: number) => Array.from({ length: words }, () => pick(WORDS)).join(' ');

  const nodes: PlannedNode[] = [];
  const relationships: PlannedRelationship[] = [];
  const mentions = new Map<string, Map<string, string[]>>();
  const documentDay = new Map<string, string>();

  const node = (id: string, label: NodeLabel, properties: Properties) =>
    nodes.push({ id, label, properties: { id, ...properties } });
  const relationship = (
    type: RelationshipType,
    source: { id: string; label: NodeLabel },
    target: { id: string; label: NodeLabel },
    properties: Properties,
  ) => {
    const id = relationshipId(type, source.id, target.id);
    relationships.push({
      id,
      type,
      source: source.id,
      target: target.id,
      sourceLabel: source.label,
      targetLabel: target.label,
      properties: { id, ...properties },
    });
  };
  const documents = Array.from(
    { length: Math.ceil(scale / PEOPLE_PER_DOCUMENT) },
    (_, i) => `doc:synthetic-${i}`,
  );
  /** One to `most` quotes from random documents, each recorded for the MENTIONS relationships. */
  const evidence = (entityId: string, about: string, most: number, inRegister = false) => {
    const documentIds: string[] = [];
    const quotes: string[] = [];
    for (let i = 1 + int(most); i > 0; i--) {
      // The draw is made either way, so the register changes no other choice of the plan.
      const drawn = documents[int(documents.length)] as string;
      const documentId = inRegister && documentIds.length === 0 ? (documents[0] as string) : drawn;
      const quote = `${about}, ${sentence(8 + int(10))}`;
      documentIds.push(documentId);
      quotes.push(quote);
      const byEntity = mentions.get(documentId) ?? new Map<string, string[]>();
      byEntity.set(entityId, [...(byEntity.get(entityId) ?? []), quote]);
      mentions.set(documentId, byEntity);
    }
    return { evidenceDocumentIds: documentIds, evidenceQuotes: quotes };
  };

  documents.forEach((id, i) => {
    const text = Array.from({ length: DOCUMENT_WORDS / 12 }, () => `${sentence(12)}.`).join(' ');
    const published = day();
    documentDay.set(id, published);
    const title = `${pick(TOWNS)} local area SEND ${pick(['inspection', 'revisit', 'statement'])} ${i}`;
    node(id, 'Document', {
      name: title,
      title,
      publisher: `${pick(TOWNS)} Council`,
      kind: pick(['press-release', 'news', 'inspection-letter', 'report', 'minutes']),
      url: `https://example.org/documents/${i}`,
      published,
      publishedPrecision: 'day',
      publishedNotBefore: published,
      publishedNotAfter: published,
      sourceFile: `seeds/documents/synthetic-${i}.txt`,
      sha256: createHash('sha256').update(text).digest('hex'),
      text,
    });
  });

  const organisations = Array.from({ length: Math.ceil(scale / PEOPLE_PER_ORGANISATION) }, (_, i) => {
    const id = `org:synthetic-${i}`;
    const name = `${pick(TOWNS)} Metropolitan Borough Council ${i}`;
    node(id, 'Organisation', {
      name,
      aliases: [`${name.split(' ')[0]} Council ${i}`],
      kind: 'local-authority',
      ...evidence(id, name, 2),
    });
    return { id, name };
  });

  const posts = Array.from({ length: Math.ceil(scale * POSTS_PER_PERSON) }, (_, i) => {
    const id = `post:synthetic-${i}`;
    const organisation = pick(organisations);
    const title = pick(TITLES);
    const name = `${title}, ${organisation.name}`;
    const proof = evidence(id, name, 1);
    node(id, 'Post', { name, title, organisationId: organisation.id, ...proof });
    relationship('POST_IN', { id, label: 'Post' }, { id: organisation.id, label: 'Organisation' }, proof);
    return { id, name };
  });

  for (let i = 0; i < scale; i++) {
    const id = `person:synthetic-${i}`;
    const name = `${pick(FIRST)} ${pick(LAST)} ${i}`;
    const honorific: Properties = random() < 0.2 ? { honorific: pick(['HMI', 'Cllr', 'Dr']) } : {};
    node(id, 'Person', { name, ...honorific, ...evidence(id, name, 2, i < HUB_PEOPLE) });
    for (let t = random() < 0.5 ? 1 : 2; t > 0; t--) {
      const post = pick(posts);
      const tenureId = `tenure:synthetic-${i}-${t}`;
      const proof = evidence(tenureId, `${name}, ${post.name}`, 3);
      const days = proof.evidenceDocumentIds.map((d) => documentDay.get(d) as string);
      const sorted = [...days].sort();
      const facts: Properties = {
        personId: id,
        postId: post.id,
        capacity: pick(CAPACITIES),
        attestationDocumentIds: proof.evidenceDocumentIds,
        attestationQuotes: proof.evidenceQuotes,
        attestationNotBefore: days,
        attestationNotAfter: days,
        spanStart: sorted[0] as string,
        spanEnd: sorted[sorted.length - 1] as string,
      };
      node(tenureId, 'Tenure', { name: `${name} as ${post.name}`, ...facts, ...proof });
      const edge = { ...facts, tenureId, ...proof };
      relationship('HELD', { id, label: 'Person' }, { id: tenureId, label: 'Tenure' }, edge);
      relationship('OF_POST', { id: tenureId, label: 'Tenure' }, { id: post.id, label: 'Post' }, edge);
    }
  }

  const labelOf = new Map(nodes.map((n) => [n.id, n.label]));
  for (const [documentId, byEntity] of mentions) {
    for (const [entityId, quotes] of byEntity) {
      relationship(
        'MENTIONS',
        { id: documentId, label: 'Document' },
        { id: entityId, label: labelOf.get(entityId) as NodeLabel },
        {
          spanStart: documentDay.get(documentId) as string,
          evidenceDocumentIds: quotes.map(() => documentId),
          evidenceQuotes: quotes,
        },
      );
    }
  }

  // As planGraph does: joined search text for the full-text index, then the change-detection hash.
  for (const n of nodes) {
    const { aliases, evidenceQuotes } = n.properties;
    if (Array.isArray(aliases)) n.properties.aliasesText = aliases.join(' | ');
    if (Array.isArray(evidenceQuotes)) n.properties.quotesText = evidenceQuotes.join(' | ');
    n.properties.seedHash = hashProperties(n.properties);
  }
  for (const r of relationships) r.properties.seedHash = hashProperties(r.properties);
  return { nodes, relationships };
}

export function syntheticPlanStats(scale: number, plan: GraphPlan): SyntheticPlanStats {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  let propertyBytes = 0;
  for (const n of plan.nodes) {
    nodes[n.label] = (nodes[n.label] ?? 0) + 1;
    propertyBytes += Buffer.byteLength(JSON.stringify(n.properties));
  }
  for (const r of plan.relationships) {
    relationships[r.type] = (relationships[r.type] ?? 0) + 1;
    propertyBytes += Buffer.byteLength(JSON.stringify(r.properties));
  }
  return { scale, nodes, relationships, propertyBytes };
}

let lastPlan: { scale: number; plan: GraphPlan } | undefined;

/**
 * The plan of `scale`, generated once per run: at a million relationships it takes minutes to
 * build, and `scale` and `api-scale` in one run use the same one (neither changes it).
 */
export function sharedSyntheticPlan(scale: number): GraphPlan {
  if (lastPlan?.scale !== scale) lastPlan = { scale, plan: syntheticPlan(scale) };
  return lastPlan.plan;
}

/** The plan with one more relationship, whose end the plan does not have: a load of it fails late. */
export function withUnknownEnd(plan: GraphPlan): GraphPlan {
  const id = 'STATED:person:synthetic-0>org:nowhere';
  return {
    nodes: plan.nodes,
    relationships: [
      ...plan.relationships,
      {
        id,
        type: 'STATED',
        source: 'person:synthetic-0',
        target: 'org:nowhere',
        sourceLabel: 'Person',
        targetLabel: 'Organisation',
        properties: { id, seedHash: 'x' },
      },
    ],
  };
}
