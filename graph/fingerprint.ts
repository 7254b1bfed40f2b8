import { createHash } from 'node:crypto';
import { type Plain, toPlain } from './contract/record-mapper.ts';
import type { Graph } from './driver.ts';

const NODES = `
MATCH (n) WHERE NOT any(label IN labels(n) WHERE label IN $except)
RETURN elementId(n) AS elementId, n.id AS id, labels(n) AS labels, properties(n) AS properties`;

const RELATIONSHIPS = `
MATCH (a)-[r]->(b)
RETURN elementId(r) AS elementId, r.id AS id, type(r) AS type,
       coalesce(a.id, elementId(a)) AS source, coalesce(b.id, elementId(b)) AS target,
       properties(r) AS properties`;

/** JSON with object keys sorted at every depth, so equal values always serialise the same. */
function canonical(value: Plain): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key] as Plain)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A sha256 of everything in the graph: every node's id, labels and properties and every
 * relationship's id, type, ends and properties, sorted, so that two graphs with the same content
 * have the same fingerprint and any change to the data changes it. Nodes and relationships with
 * no `id` property are identified by their elementId. Tests use it to prove that nothing changed.
 */
export async function fingerprintGraph(
  graph: Graph,
  /** Labels of nodes to leave out (the loader's switch marker, for a test about the data alone). */
  { exceptLabels = [] }: { exceptLabels?: readonly string[] } = {},
): Promise<string> {
  const lines = await graph.read(async (tx) => {
    const nodes = await tx.run(NODES, { except: [...exceptLabels] });
    const relationships = await tx.run(RELATIONSHIPS);
    const out: string[] = [];
    for (const record of nodes.records) {
      out.push(
        `N ${canonical({
          id: toPlain(record.get('id') ?? record.get('elementId')),
          labels: toPlain([...(record.get('labels') as string[])].sort()),
          properties: toPlain(record.get('properties')),
        })}`,
      );
    }
    for (const record of relationships.records) {
      out.push(
        `R ${canonical({
          id: toPlain(record.get('id') ?? record.get('elementId')),
          type: toPlain(record.get('type')),
          source: toPlain(record.get('source')),
          target: toPlain(record.get('target')),
          properties: toPlain(record.get('properties')),
        })}`,
      );
    }
    return out;
  });
  lines.sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
