import { createHash } from 'node:crypto';
import { allEntities, allRelationships, type EntityEntry, relationshipId } from './entries.ts';
import { earliestDay, latestDay, precisionOf } from './partial-date.ts';
import type { SeedDocument, SeedSet } from './read-seeds.ts';
import {
  type Claim,
  type Evidence,
  labelOfId,
  type NodeLabel,
  type RelationshipType,
  type Tenure,
} from './schema.ts';

/** What Neo4j can hold as a property: scalars and homogeneous lists of them. */
export type PropertyValue = string | number | boolean | string[] | number[];
export type Properties = Record<string, PropertyValue>;

export interface PlannedNode {
  id: string;
  label: NodeLabel;
  properties: Properties;
}

export interface PlannedRelationship {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  sourceLabel: NodeLabel;
  targetLabel: NodeLabel;
  properties: Properties;
}

export interface GraphPlan {
  nodes: PlannedNode[];
  relationships: PlannedRelationship[];
}

/** The day span in which a relationship may be in force; null ends are open. */
interface Span {
  spanStart?: string;
  spanEnd?: string;
}

function compact(properties: Record<string, PropertyValue | undefined | null>): Properties {
  const out: Properties = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}

/** Stable over runs: the same properties give the same hash, whatever their order. */
export function hashProperties(properties: Properties): string {
  const sorted = Object.keys(properties)
    .sort()
    .map((key) => [key, properties[key]]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 32);
}

function evidenceProperties(evidence: readonly Evidence[]): Properties {
  return {
    evidenceDocumentIds: evidence.map((e) => e.documentId),
    evidenceQuotes: evidence.map((e) => e.quote),
  };
}

function dedupeEvidence(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.documentId}\u0000${e.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The dates a document stands for: its day, month or year, or the bounds it lies between. */
function documentDates(document: SeedDocument): { notBefore: string; notAfter: string } {
  const p = document.meta.published;
  return 'date' in p
    ? { notBefore: p.date, notAfter: p.date }
    : { notBefore: p.notBefore, notAfter: p.notAfter };
}

interface ResolvedAttestation {
  documentId: string;
  quote: string;
  notBefore: string;
  notAfter: string;
}

function resolveAttestations(tenure: Tenure, documents: Map<string, SeedDocument>): ResolvedAttestation[] {
  return tenure.attestations.flatMap((a) => {
    const document = documents.get(a.documentId);
    if (!document) return [];
    const dates = a.date ? { notBefore: a.date, notAfter: a.date } : documentDates(document);
    return [{ documentId: a.documentId, quote: a.quote, ...dates }];
  });
}

function tenureSpan(tenure: Tenure, attestations: ResolvedAttestation[]): Span {
  const starts = attestations.map((a) => earliestDay(a.notBefore)).sort();
  const ends = attestations.map((a) => latestDay(a.notAfter)).sort();
  return {
    spanStart: tenure.from ? earliestDay(tenure.from) : starts[0],
    spanEnd: tenure.to ? latestDay(tenure.to) : ends.length > 0 ? ends[ends.length - 1] : undefined,
  };
}

function nameOf(entity: EntityEntry, organisations: Map<string, string>): string {
  switch (entity.label) {
    case 'Post': {
      const org = organisations.get(entity.value.organisation);
      // Titles often name their organisation already ("Chief Executive, Bury Council").
      return org && !entity.value.title.includes(org) ? `${entity.value.title}, ${org}` : entity.value.title;
    }
    case 'Finding':
      return entity.value.text;
    case 'Tenure':
      return entity.value.id;
    default:
      return entity.value.name;
  }
}

function claimsProperties(claims: readonly Claim[] | undefined): Properties {
  if (!claims || claims.length === 0) return {};
  const byProperty = new Map<string, Set<string>>();
  for (const claim of claims) {
    const values = byProperty.get(claim.property) ?? new Set<string>();
    values.add(claim.value);
    byProperty.set(claim.property, values);
  }
  const disputed = [...byProperty].filter(([, values]) => values.size > 1).map(([property]) => property);
  return { disputedProperties: disputed.sort() };
}

function boundsProperties(bounds: { notBefore: string; notAfter: string; reason: string } | undefined) {
  return bounds ? { notBefore: bounds.notBefore, notAfter: bounds.notAfter, dateReason: bounds.reason } : {};
}

/**
 * The first day an inspection, report or finding can have existed: its own date, else the lower
 * bound the sources give, else (for a finding) that of the report or inspection that made it.
 */
function eventDay(entity: EntityEntry | undefined, byId?: Map<string, EntityEntry>): string | undefined {
  if (entity?.label === 'Finding') return byId ? eventDay(byId.get(entity.value.foundBy)) : undefined;
  if (!entity) return undefined;
  if (entity.label === 'Inspection' && entity.value.from) return earliestDay(entity.value.from);
  if (entity.label === 'Report' && entity.value.published) return earliestDay(entity.value.published);
  if ((entity.label === 'Inspection' || entity.label === 'Report') && entity.value.dateBounds) {
    return earliestDay(entity.value.dateBounds.notBefore);
  }
  return undefined;
}

/** Joined text for the full-text index, which indexes strings rather than lists. */
function addSearchText(node: PlannedNode): void {
  const { aliases, evidenceQuotes } = node.properties;
  if (Array.isArray(aliases)) node.properties.aliasesText = aliases.join(' | ');
  if (Array.isArray(evidenceQuotes)) node.properties.quotesText = evidenceQuotes.join(' | ');
}

/**
 * Turns validated seeds into the exact nodes and relationships to write. Pure: the same seeds
 * always give the same plan, with a hash on each item so a load can tell what changed.
 * Assumes the seeds passed `validateSeeds`.
 */
export function planGraph(seeds: SeedSet): GraphPlan {
  const documents = new Map(seeds.documents.map((d) => [d.meta.id, d]));
  const entities = allEntities(seeds);
  const entitiesById = new Map(entities.map((e) => [e.value.id, e]));
  const organisationNames = new Map(
    entities.flatMap((e) => (e.label === 'Organisation' ? [[e.value.id, e.value.name] as const] : [])),
  );
  const nodes: PlannedNode[] = [];
  const relationships: PlannedRelationship[] = [];
  /** Evidence per document per entity, for the MENTIONS relationships. */
  const mentions = new Map<string, Map<string, string[]>>();

  const mention = (documentId: string, entityId: string, quote: string) => {
    const byEntity = mentions.get(documentId) ?? new Map<string, string[]>();
    const quotes = byEntity.get(entityId) ?? [];
    if (!quotes.includes(quote)) quotes.push(quote);
    byEntity.set(entityId, quotes);
    mentions.set(documentId, byEntity);
  };

  const addRelationship = (
    type: RelationshipType,
    source: string,
    target: string,
    properties: Record<string, PropertyValue | undefined | null>,
    key?: string,
  ) => {
    const sourceLabel = labelOfId(source);
    const targetLabel = labelOfId(target);
    if (!sourceLabel || !targetLabel) throw new Error(`planGraph: unresolved ends ${source} → ${target}`);
    const id = relationshipId(type, source, target, key);
    relationships.push({
      id,
      type,
      source,
      target,
      sourceLabel,
      targetLabel,
      properties: compact({ id, ...properties }),
    });
  };

  for (const document of seeds.documents) {
    const { meta } = document;
    const p = meta.published;
    const dates = documentDates(document);
    nodes.push({
      id: meta.id,
      label: 'Document',
      properties: compact({
        id: meta.id,
        name: meta.title,
        title: meta.title,
        publisher: meta.publisher,
        publisherNote: meta.publisherNote,
        author: meta.author,
        kind: meta.kind,
        url: meta.url,
        published: 'date' in p ? p.date : undefined,
        publishedPrecision: 'date' in p ? precisionOf(p.date) : 'bounded',
        publishedNotBefore: dates.notBefore,
        publishedNotAfter: dates.notAfter,
        publishedReason: 'reason' in p ? p.reason : undefined,
        publishedQuote: 'quote' in p ? p.quote : undefined,
        sourceFile: document.textFile,
        sha256: document.sha256,
        text: document.text,
        note: meta.note,
      }),
    });
  }

  for (const entity of entities) {
    const value = entity.value;
    let evidence = [...value.evidence];
    const common = {
      id: value.id,
      name: nameOf(entity, organisationNames),
      note: value.note,
      ...claimsProperties(value.claims),
    };
    let specific: Record<string, PropertyValue | undefined> = {};
    switch (entity.label) {
      case 'Organisation':
        specific = {
          aliases: entity.value.aliases,
          kind: entity.value.kind,
          validFrom: entity.value.validFrom,
          validTo: entity.value.validTo,
        };
        break;
      case 'Person':
        specific = { aliases: entity.value.aliases, honorific: entity.value.honorific };
        break;
      case 'Post':
        specific = {
          title: entity.value.title,
          organisationId: entity.value.organisation,
          accountable: entity.value.accountable,
        };
        addRelationship('POST_IN', value.id, entity.value.organisation, evidenceProperties(value.evidence));
        break;
      case 'Tenure': {
        const tenure = entity.value;
        const attestations = resolveAttestations(tenure, documents);
        evidence = dedupeEvidence([
          ...evidence,
          ...attestations.map((a) => ({ documentId: a.documentId, quote: a.quote })),
        ]);
        const span = tenureSpan(tenure, attestations);
        const tenureFacts = {
          personId: tenure.person,
          postId: tenure.post,
          capacity: tenure.capacity,
          status: tenure.status,
          from: tenure.from,
          to: tenure.to,
          attestationDocumentIds: attestations.map((a) => a.documentId),
          attestationQuotes: attestations.map((a) => a.quote),
          attestationNotBefore: attestations.map((a) => a.notBefore),
          attestationNotAfter: attestations.map((a) => a.notAfter),
          ...span,
        };
        specific = tenureFacts;
        const post = entitiesById.get(tenure.post);
        const person = entitiesById.get(tenure.person);
        const personName = person?.label === 'Person' ? person.value.name : tenure.person;
        const postName = post?.label === 'Post' ? nameOf(post, organisationNames) : tenure.post;
        common.name = `${personName} as ${postName}`;
        const edge = { ...tenureFacts, tenureId: tenure.id, ...evidenceProperties(evidence) };
        addRelationship('HELD', tenure.person, tenure.id, edge);
        addRelationship('OF_POST', tenure.id, tenure.post, edge);
        break;
      }
      case 'Inspection':
        specific = {
          kind: entity.value.kind,
          framework: entity.value.framework,
          from: entity.value.from,
          to: entity.value.to,
          outcome: entity.value.outcome,
          ...boundsProperties(entity.value.dateBounds),
        };
        break;
      case 'Report':
        specific = {
          kind: entity.value.kind,
          published: entity.value.published,
          outcome: entity.value.outcome,
          ...boundsProperties(entity.value.dateBounds),
        };
        break;
      case 'Finding': {
        const finding = entity.value;
        specific = {
          text: finding.text,
          kind: finding.kind,
          theme: finding.theme,
          value: finding.value,
          foundById: finding.foundBy,
        };
        addRelationship('FOUND', finding.foundBy, finding.id, {
          spanStart: eventDay(entitiesById.get(finding.foundBy)),
          ...evidenceProperties(finding.evidence),
        });
        break;
      }
    }
    nodes.push({
      id: value.id,
      label: entity.label,
      properties: compact({ ...common, ...specific, ...evidenceProperties(evidence) }),
    });
    for (const e of evidence) mention(e.documentId, value.id, e.quote);
    value.claims?.forEach((claim) => {
      claim.evidence.forEach((e, index) => {
        addRelationship(
          'CLAIMS',
          e.documentId,
          value.id,
          { property: claim.property, value: claim.value, ...evidenceProperties([e]) },
          `${claim.property}-${index}-${hashProperties({ v: claim.value }).slice(0, 8)}`,
        );
        mention(e.documentId, value.id, e.quote);
      });
    });
  }

  for (const rel of allRelationships(seeds)) {
    const v = rel.value;
    const span: Span =
      v.from || v.to
        ? { spanStart: v.from ? earliestDay(v.from) : undefined, spanEnd: v.to ? latestDay(v.to) : undefined }
        : {
            spanStart: v.date
              ? earliestDay(v.date)
              : (eventDay(entitiesById.get(v.source), entitiesById) ??
                eventDay(entitiesById.get(v.target), entitiesById)),
          };
    addRelationship(
      v.type,
      v.source,
      v.target,
      {
        from: v.from,
        to: v.to,
        date: v.date,
        qualifier: v.qualifier,
        text: v.text,
        note: v.note,
        ...claimsProperties(v.claims),
        ...span,
        ...evidenceProperties(v.evidence),
      },
      v.key,
    );
    for (const e of v.evidence) {
      mention(e.documentId, v.source, e.quote);
      mention(e.documentId, v.target, e.quote);
    }
  }

  for (const [documentId, byEntity] of mentions) {
    const document = documents.get(documentId);
    const spanStart = document ? earliestDay(documentDates(document).notBefore) : undefined;
    for (const [entityId, quotes] of byEntity) {
      if (entityId === documentId) continue;
      addRelationship('MENTIONS', documentId, entityId, {
        spanStart,
        evidenceDocumentIds: quotes.map(() => documentId),
        evidenceQuotes: quotes,
      });
    }
  }

  for (const node of nodes) addSearchText(node);
  for (const node of nodes) node.properties.seedHash = hashProperties(node.properties);
  for (const rel of relationships) rel.properties.seedHash = hashProperties(rel.properties);
  return { nodes, relationships };
}
