import type { Citation, ElementEdge, ElementNode, Evidence } from './api.ts';

/**
 * The one set of rules that turns a node's or a relationship's properties into a Cytoscape element.
 * The explorer's read modules call these on map projections; the record mapper (console, exports)
 * calls them on driver values made plain. Pure: no driver, no I/O.
 */

/** Node and relationship properties as plain values (driver integers as numbers). */
export type Props = Record<string, unknown>;

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}
function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `{documentId, quote}` pairs from the parallel `evidenceDocumentIds` / `evidenceQuotes` lists. */
export function evidenceOf(props: Props): Evidence[] {
  const ids = props.evidenceDocumentIds;
  const quotes = props.evidenceQuotes;
  if (!Array.isArray(ids) || !Array.isArray(quotes)) return [];
  const evidence: Evidence[] = [];
  for (let i = 0; i < Math.min(ids.length, quotes.length); i += 1) {
    const documentId = ids[i];
    const quote = quotes[i];
    if (typeof documentId === 'string' && typeof quote === 'string') evidence.push({ documentId, quote });
  }
  return evidence;
}

/**
 * The date a node stands at on a timeline, in a label or in an export, if it has one: an explicit
 * `date`, else its publication (documents, reports), else an inspection's fieldwork, else the bounds
 * the sources allow (`notBefore/notAfter`). The explorer, the console and every export use this one
 * rule, so a node dated only by bounds carries the same date wherever it is shown.
 */
export function nodeDate(label: string, props: Props): string | null {
  const explicit = str(props.date) ?? str(props.published);
  if (explicit) return explicit;
  if (label === 'Inspection') {
    const fieldwork = str(props.from) ?? str(props.to);
    if (fieldwork) return fieldwork;
  }
  const notBefore = str(props.notBefore);
  const notAfter = str(props.notAfter);
  if (notBefore && notAfter) return notBefore === notAfter ? notBefore : `${notBefore}/${notAfter}`;
  return null;
}

/** Whether a relationship returned for a date is certainly or only possibly in force then (set by the server). */
function inForceOf(props: Props): { inForce?: 'certain' | 'possible' } {
  return props.inForce === 'certain' || props.inForce === 'possible' ? { inForce: props.inForce } : {};
}

/** Only the optional keys that have a value, so every element path yields the same shape. */
function present<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value != null)) as Partial<T>;
}

/**
 * Citations (URL and note, no quote) from the parallel `citationUrls` / `citationNotes` lists, and
 * `evidenceKind: 'cited'` where the loader marked the element as resting on them alone.
 */
export function citedOf(props: Props): { citations?: Citation[]; evidenceKind?: 'cited' } {
  const notes = strings(props.citationNotes);
  const citations = strings(props.citationUrls).map((url, i) => ({ url, note: notes[i] || null }));
  return {
    ...(citations.length > 0 ? { citations } : {}),
    ...(props.evidenceKind === 'cited' ? { evidenceKind: 'cited' as const } : {}),
  };
}

export function nodeElement(label: string, props: Props): ElementNode {
  const disputed = strings(props.disputedProperties);
  return {
    data: {
      id: String(props.id),
      label,
      name: str(props.name) ?? str(props.title) ?? String(props.id),
      ...present({ kind: str(props.kind) ?? str(props.capacity), date: nodeDate(label, props) }),
      ...(disputed.length > 0 ? { disputed } : {}),
      ...citedOf(props),
    },
  };
}

export function edgeElement(type: string, source: string, target: string, props: Props): ElementEdge {
  const disputed = strings(props.disputedProperties);
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
      ...present({
        capacity: str(props.capacity),
        status: str(props.status),
        date: str(props.date),
        text: str(props.text),
      }),
      ...(type === 'CLAIMS' ? { value: str(props.value) } : {}),
      ...inForceOf(props),
      ...(disputed.length > 0 ? { disputed } : {}),
      ...citedOf(props),
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
      // Bounds or dates from a citation alone are not stated by a quoted source.
      ...(tenure.evidenceKind === 'cited'
        ? {}
        : { known: stated ? ('stated' as const) : ('attested' as const) }),
      attestedOn: strings(tenure.attestationNotBefore).map((nb, i) => {
        const na = strings(tenure.attestationNotAfter)[i] ?? nb;
        return nb === na ? nb : `${nb}/${na}`;
      }),
      evidence: evidenceOf(tenure),
      ...inForceOf(tenure),
      ...(strings(tenure.disputedProperties).length > 0
        ? { disputed: strings(tenure.disputedProperties) }
        : {}),
      ...citedOf(tenure),
    },
  };
}

/**
 * Properties that are not shown as properties: evidence is shown as evidence, attestations as
 * attestations, and the rest is the loader's bookkeeping. The server leaves these out of a node's
 * details and the client's panel skips them; both read this one list.
 */
export const HIDDEN_PROPERTIES: ReadonlySet<string> = new Set([
  'evidenceDocumentIds',
  'evidenceQuotes',
  'citationUrls',
  'citationNotes',
  'seedHash',
  'aliasesText',
  'quotesText',
  'text',
  'attestationDocumentIds',
  'attestationQuotes',
  // The evidence of a tenure's start, end, periods and a post's vacancies is shown as evidence.
  'fromDocumentIds',
  'fromQuotes',
  'toDocumentIds',
  'toQuotes',
  'endDocumentIds',
  'endQuotes',
  'periodEvidenceIndex',
  'periodDocumentIds',
  'periodQuotes',
  'vacancyEvidenceIndex',
  'vacancyDocumentIds',
  'vacancyQuotes',
]);

/** The properties worth showing as properties. */
export function visibleProperties(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !HIDDEN_PROPERTIES.has(key)));
}
