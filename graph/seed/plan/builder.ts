import { createHash } from 'node:crypto';
import { relationshipId } from '../entries.ts';
import { type Citation, type Evidence, labelOfId, type NodeLabel, type RelationshipType } from '../schema.ts';

/** What Neo4j can hold as a property: scalars and homogeneous lists of them. */
export type PropertyValue = string | number | boolean | string[] | number[];
export type Properties = Record<string, PropertyValue>;
export type LooseProperties = Record<string, PropertyValue | undefined | null>;

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

/** Drops missing values and empty lists, which Neo4j would not store anyway. */
export function compact(properties: LooseProperties): Properties {
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

export function evidenceProperties(evidence: readonly Evidence[]): Properties {
  return {
    evidenceDocumentIds: evidence.map((e) => e.documentId),
    evidenceQuotes: evidence.map((e) => e.quote),
  };
}

/**
 * Citations (a URL, no quote) as parallel lists, no MENTIONS made of them; what rests on citations
 * alone is marked `evidenceKind: 'cited'` so every reader can show it as weaker.
 */
export function citationProperties(
  evidence: readonly Evidence[],
  citations: readonly Citation[] = [],
): Properties {
  if (citations.length === 0) return {};
  return {
    citationUrls: citations.map((c) => c.url),
    citationNotes: citations.map((c) => c.note ?? ''),
    ...(evidence.length === 0 ? { evidenceKind: 'cited' } : {}),
  };
}

export function dedupeEvidence(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.documentId}\u0000${e.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Collects the plan as the per-label planners add to it, and the evidence per document per entity
 * from which the MENTIONS relationships are made at the end.
 */
export class PlanBuilder {
  readonly nodes: PlannedNode[] = [];
  readonly relationships: PlannedRelationship[] = [];
  readonly mentions = new Map<string, Map<string, string[]>>();

  node(id: string, label: NodeLabel, properties: LooseProperties): PlannedNode {
    const node = { id, label, properties: compact(properties) };
    this.nodes.push(node);
    return node;
  }

  relationship(
    type: RelationshipType,
    source: string,
    target: string,
    properties: LooseProperties,
    key?: string,
  ): void {
    const sourceLabel = labelOfId(source);
    const targetLabel = labelOfId(target);
    if (!sourceLabel || !targetLabel) throw new Error(`planGraph: unresolved ends ${source} → ${target}`);
    const id = relationshipId(type, source, target, key);
    this.relationships.push({
      id,
      type,
      source,
      target,
      sourceLabel,
      targetLabel,
      properties: compact({ id, ...properties }),
    });
  }

  mention(documentId: string, entityId: string, quote: string): void {
    const byEntity = this.mentions.get(documentId) ?? new Map<string, string[]>();
    const quotes = byEntity.get(entityId) ?? [];
    if (!quotes.includes(quote)) quotes.push(quote);
    byEntity.set(entityId, quotes);
    this.mentions.set(documentId, byEntity);
  }
}
