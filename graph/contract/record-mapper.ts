import {
  type Integer,
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPathSegment,
  isPoint,
  isRelationship,
  isTime,
  isUnboundRelationship,
  isUnsupportedType,
  isUUID,
  isVector,
  Record as Neo4jRecord,
  type Node,
  type Point,
  type Relationship,
} from 'neo4j-driver';
import type { ElementEdge, ElementNode, Elements } from './api.ts';
import { edgeElement, nodeElement } from './elements.ts';

/**
 * The one mapper from neo4j-driver values to what the API sends: Cytoscape elements for the graph
 * view, and JSON-safe plain values for tables. Pure: no database, no I/O.
 *
 * Nodes and edges are keyed by the app's own `id` property (the stable slugs), not by Neo4j's
 * elementIds, which change when the graph is reloaded. Values without an `id` fall back to their
 * elementId so that ad-hoc nodes from the console still show.
 */

type NumberOrInteger = number | Integer | bigint;
type AnyNode = Node<NumberOrInteger>;
type AnyRelationship = Relationship<NumberOrInteger>;

/** JSON that the API can send as-is. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export interface PlainNode {
  [key: string]: Plain;
  id: string;
  label: string;
  name: string;
  properties: { [key: string]: Plain };
}

export interface PlainRelationship {
  [key: string]: Plain;
  id: string;
  type: string;
  source: string;
  target: string;
  properties: { [key: string]: Plain };
}

// ---- identity ---------------------------------------------------------------------------------

function stringProperty(properties: Record<string, unknown>, key: string): string | undefined {
  const value = properties[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || isInt(value)) return String(value);
  return undefined;
}

/** The node's stable id: its `id` property, else the database's elementId. */
export function nodeId(node: AnyNode): string {
  return stringProperty(node.properties, 'id') ?? node.elementId;
}

/** The relationship's stable id: its `id` property, else the database's elementId. */
export function relationshipId(rel: AnyRelationship): string {
  return stringProperty(rel.properties, 'id') ?? rel.elementId;
}

function nodeName(node: AnyNode): string {
  return stringProperty(node.properties, 'name') ?? stringProperty(node.properties, 'title') ?? nodeId(node);
}

/** The node as the element rules see it: its first label and its properties made plain. */
export function toElementNode(node: AnyNode): ElementNode {
  const element = nodeElement(node.labels[0] ?? '', plainProperties(node.properties));
  // Ad-hoc nodes from the console may have no `id` or name: fall back to the elementId.
  element.data.id = nodeId(node);
  element.data.name = nodeName(node);
  return element;
}

/** An edge between the given end ids; the caller resolves those from the nodes it has. */
export function toElementEdge(rel: AnyRelationship, source: string, target: string): ElementEdge {
  const element = edgeElement(rel.type, source, target, plainProperties(rel.properties));
  element.data.id = relationshipId(rel);
  return element;
}

/**
 * Collects nodes and relationships from any number of record values, deduplicated, and turns them
 * into elements. Relationships whose end nodes were not collected are left out (the view cannot
 * draw an edge to nowhere), as memgraph orb does.
 */
export class ElementsCollector {
  readonly #nodes = new Map<string, AnyNode>();
  readonly #relationships = new Map<string, AnyRelationship>();

  /** Walks a value: nodes, relationships, paths, and lists and maps nested to any depth. */
  add(value: unknown): this {
    // Iterative, children pushed in reverse, so elements keep the order the values came in.
    const stack: unknown[] = [value];
    const push = (items: readonly unknown[]) => {
      for (let i = items.length - 1; i >= 0; i -= 1) stack.push(items[i]);
    };
    while (stack.length > 0) {
      const item = stack.pop();
      if (item === null || typeof item !== 'object') continue;
      if (isNode(item)) this.#nodes.set(item.elementId, item as AnyNode);
      else if (isRelationship(item)) this.#relationships.set(item.elementId, item as AnyRelationship);
      else if (isPath(item)) {
        push([item.start, ...item.segments.flatMap((s) => [s.relationship, s.end])]);
      } else if (isPathSegment(item)) push([item.start, item.relationship, item.end]);
      else if (item instanceof Neo4jRecord) push([...item.values()]);
      else if (Array.isArray(item)) push(item);
      else if (isPlainObject(item)) push(Object.values(item));
    }
    return this;
  }

  /** elementId → the app id of every node collected so far. */
  nodeIds(): Map<string, string> {
    const ids = new Map<string, string>();
    for (const [elementId, node] of this.#nodes) ids.set(elementId, nodeId(node));
    return ids;
  }

  elements(): Elements {
    const nodes = new Map<string, ElementNode>();
    for (const node of this.#nodes.values()) {
      const element = toElementNode(node);
      if (!nodes.has(element.data.id)) nodes.set(element.data.id, element);
    }
    const ids = this.nodeIds();
    const edges = new Map<string, ElementEdge>();
    for (const rel of this.#relationships.values()) {
      const source = ids.get(rel.startNodeElementId);
      const target = ids.get(rel.endNodeElementId);
      if (source === undefined || target === undefined) continue;
      const element = toElementEdge(rel, source, target);
      if (!edges.has(element.data.id)) edges.set(element.data.id, element);
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }
}

/** Elements from any record values: `toElements(records)` or `toElements([node, rel, path])`. */
export function toElements(values: unknown): Elements {
  return new ElementsCollector().add(values).elements();
}

// ---- plain values -----------------------------------------------------------------------------

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function plainNumber(value: number): number | string {
  // JSON has no NaN or Infinity; say them rather than let them become null.
  return Number.isFinite(value) ? value : String(value);
}

function plainBigInt(value: bigint): number | string {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value.toString();
}

function plainPoint(point: Point<NumberOrInteger>): string {
  const srid = Number(toPlain(point.srid));
  const coordinates = [`x: ${point.x}`, `y: ${point.y}`];
  if (point.z !== undefined) coordinates.push(`z: ${point.z}`);
  // Cypher's own literal, which a user can paste back into a query.
  return `point({srid: ${srid}, ${coordinates.join(', ')}})`;
}

function plainProperties(properties: Record<string, unknown>, nodeIds?: ReadonlyMap<string, string>) {
  const out: { [key: string]: Plain } = {};
  for (const [key, value] of Object.entries(properties)) out[key] = toPlain(value, nodeIds);
  return out;
}

/**
 * Any driver value as JSON: Integers as numbers (as strings beyond 2^53, where a number would
 * lose digits), temporal values as ISO-8601 strings, points as Cypher point literals, nodes as
 * `{id,label,name,properties}`, relationships as `{id,type,source,target,properties}`, and paths
 * as the list of their nodes and relationships in order.
 *
 * `nodeIds` maps elementIds to app ids so that a relationship's ends can be named by the app's ids
 * when the nodes are known (see `ElementsCollector.nodeIds`); otherwise they are elementIds.
 */
export function toPlain(value: unknown, nodeIds?: ReadonlyMap<string, string>): Plain {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return plainNumber(value);
    case 'bigint':
      return plainBigInt(value);
    case 'object':
      break;
    default:
      return String(value);
  }
  if (isInt(value)) {
    const integer = value as Integer;
    return integer.inSafeRange() ? integer.toNumber() : integer.toString();
  }
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (isPoint(value)) return plainPoint(value);
  if (isNode(value)) {
    const node = value as AnyNode;
    const plain: PlainNode = {
      id: nodeId(node),
      label: node.labels[0] ?? '',
      name: nodeName(node),
      properties: plainProperties(node.properties, nodeIds),
    };
    if (node.labels.length > 1) plain.labels = [...node.labels];
    return plain;
  }
  if (isRelationship(value)) {
    const rel = value as AnyRelationship;
    const plain: PlainRelationship = {
      id: relationshipId(rel),
      type: rel.type,
      source: nodeIds?.get(rel.startNodeElementId) ?? rel.startNodeElementId,
      target: nodeIds?.get(rel.endNodeElementId) ?? rel.endNodeElementId,
      properties: plainProperties(rel.properties, nodeIds),
    };
    return plain;
  }
  if (isUnboundRelationship(value)) {
    const rel = value as { elementId: string; type: string; properties: Record<string, unknown> };
    return {
      id: stringProperty(rel.properties, 'id') ?? rel.elementId,
      type: rel.type,
      properties: plainProperties(rel.properties, nodeIds),
    };
  }
  if (isPath(value)) {
    const list: Plain[] = [toPlain(value.start, nodeIds)];
    for (const segment of value.segments) {
      list.push(toPlain(segment.relationship, nodeIds), toPlain(segment.end, nodeIds));
    }
    return list;
  }
  if (isPathSegment(value)) {
    return [toPlain(value.start, nodeIds), toPlain(value.relationship, nodeIds), toPlain(value.end, nodeIds)];
  }
  if (isVector(value))
    return Array.from(value.asTypedArray() as ArrayLike<number | bigint>, (v) => toPlain(v));
  if (isUUID(value) || isUnsupportedType(value)) return String(value);
  if (value instanceof Neo4jRecord) return plainProperties(value.toObject(), nodeIds);
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) {
    // Byte arrays as base64, the usual JSON spelling of bytes.
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  }
  if (Array.isArray(value)) return value.map((item) => toPlain(item, nodeIds));
  if (isPlainObject(value)) return plainProperties(value, nodeIds);
  return String(value);
}
