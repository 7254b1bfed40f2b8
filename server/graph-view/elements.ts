import type { ElementEdge, ElementNode, Evidence } from '../api/contract.ts';

/** Node and relationship properties as Cypher map projections return them (driver integers as numbers). */
export type Props = Record<string, unknown>;

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}
function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Evidence from the parallel `evidenceDocumentIds` / `evidenceQuotes` properties the loader writes. */
export function evidenceOf(props: Props): Evidence[] {
  const ids = strings(props.evidenceDocumentIds);
  const quotes = strings(props.evidenceQuotes);
  return ids.flatMap((documentId, i) => (quotes[i] === undefined ? [] : [{ documentId, quote: quotes[i] }]));
}

/** The date a node stands at on a timeline or in a label, if it has one. */
export function nodeDate(label: string, props: Props): string | null {
  const bounds = str(props.notBefore) && str(props.notAfter) ? `${props.notBefore}/${props.notAfter}` : null;
  if (label === 'Inspection') return str(props.from) ?? str(props.to) ?? bounds;
  if (label === 'Report') return str(props.published) ?? bounds;
  if (label === 'Document') return str(props.published);
  return null;
}

export function nodeElement(label: string, props: Props): ElementNode {
  const disputed = strings(props.disputedProperties);
  return {
    data: {
      id: String(props.id),
      label,
      name: str(props.name) ?? str(props.title) ?? String(props.id),
      kind: str(props.kind) ?? str(props.capacity),
      date: nodeDate(label, props),
      ...(disputed.length > 0 ? { disputed } : {}),
    },
  };
}

export function edgeElement(type: string, source: string, target: string, props: Props): ElementEdge {
  return {
    data: {
      id: str(props.id) ?? `${type}:${source}>${target}`,
      source,
      target,
      type,
      from: str(props.from),
      to: str(props.to),
      qualifier: str(props.qualifier) ?? str(props.property),
      evidence: evidenceOf(props),
      date: str(props.date),
      text: str(props.text),
      ...(type === 'CLAIMS' ? { value: str(props.value) } : {}),
      ...(strings(props.disputedProperties).length > 0
        ? { disputed: strings(props.disputedProperties) }
        : {}),
    },
  };
}

/**
 * A tenure shown as one HOLDS edge from the person to the post, as Bloom users expect to read
 * "X holds Y"; the Tenure node stays in the graph for Cypher and carries the same facts.
 */
export function holdsEdge(tenure: Props): ElementEdge {
  const stated = tenure.from != null || tenure.to != null;
  return {
    data: {
      id: String(tenure.id),
      source: String(tenure.personId),
      target: String(tenure.postId),
      type: 'HOLDS',
      from: str(tenure.from),
      to: str(tenure.to),
      qualifier: str(tenure.capacity),
      capacity: str(tenure.capacity),
      status: str(tenure.status),
      known: stated ? 'stated' : 'attested',
      attestedOn: strings(tenure.attestationNotBefore).map((nb, i) => {
        const na = strings(tenure.attestationNotAfter)[i] ?? nb;
        return nb === na ? nb : `${nb}/${na}`;
      }),
      evidence: evidenceOf(tenure),
      ...(strings(tenure.disputedProperties).length > 0
        ? { disputed: strings(tenure.disputedProperties) }
        : {}),
    },
  };
}
