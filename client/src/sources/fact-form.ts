import {
  CAPACITIES,
  FINDING_KINDS,
  ORGANISATION_KINDS,
  STATED_RELATIONSHIP_TYPES,
} from '../../../graph/contract/seed-vocabulary.ts';
import { slugify } from '../../../graph/contract/slug.ts';
import type { FactInput, QuoteInput } from '../../../graph/contract/sources.ts';

/**
 * Pure: the "Use as evidence for…" form as data. Each kind of fact has its fields; `factsOf` turns
 * what was typed into the facts to POST, with the selected words as their quote. It only shapes the
 * entry: whether it is sound (ids that exist, dates, quotes in the text) is the server's check, with
 * the loader's own schemas, and its answer is shown as it comes.
 */

export const FACT_KINDS = [
  'person',
  'organisation',
  'post',
  'tenure',
  'attestation',
  'inspection',
  'report',
  'finding',
  'relationship',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export type FieldType = 'text' | 'ref' | 'date' | 'select' | 'checkbox';

export interface Field {
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  /** For `select`. */
  options?: readonly string[];
  /** For `ref`: the id prefixes an existing entity may have. */
  refPrefixes?: readonly string[];
  hint?: string;
}

const ANY = ['person', 'org', 'post', 'tenure', 'inspection', 'report', 'finding', 'doc'];

export const FIELDS: Record<FactKind, readonly Field[]> = {
  person: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    { name: 'honorific', label: 'Honorific (Cllr, Dr…)', type: 'text' },
    { name: 'aliases', label: 'Other names (comma-separated)', type: 'text' },
  ],
  organisation: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    { name: 'kind', label: 'Kind', type: 'select', options: ORGANISATION_KINDS, required: true },
    { name: 'aliases', label: 'Other names (comma-separated)', type: 'text' },
  ],
  post: [
    { name: 'title', label: 'Title', type: 'text', required: true },
    { name: 'organisation', label: 'Organisation', type: 'ref', refPrefixes: ['org'], required: true },
  ],
  tenure: [
    { name: 'person', label: 'Person', type: 'ref', refPrefixes: ['person'], required: true },
    { name: 'post', label: 'Post', type: 'ref', refPrefixes: ['post'], required: true },
    {
      name: 'capacity',
      label: 'Capacity',
      type: 'select',
      options: ['', ...CAPACITIES],
    },
    { name: 'status', label: 'Status (as the text says)', type: 'text' },
    { name: 'from', label: 'From (YYYY, YYYY-MM or YYYY-MM-DD)', type: 'date' },
    { name: 'to', label: 'To', type: 'date' },
    {
      name: 'attest',
      label: 'The quote shows them in post on the document’s date',
      type: 'checkbox',
    },
  ],
  attestation: [
    { name: 'tenure', label: 'Tenure', type: 'ref', refPrefixes: ['tenure'], required: true },
    { name: 'date', label: 'Date (empty: the document’s)', type: 'date' },
  ],
  inspection: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    { name: 'kind', label: 'Kind (e.g. local-area-send)', type: 'text', required: true },
    { name: 'from', label: 'From', type: 'date' },
    { name: 'to', label: 'To', type: 'date' },
    { name: 'outcome', label: 'Outcome', type: 'text' },
  ],
  report: [
    { name: 'name', label: 'Name', type: 'text', required: true },
    { name: 'kind', label: 'Kind (e.g. written-statement-of-action)', type: 'text', required: true },
    { name: 'published', label: 'Published', type: 'date' },
  ],
  finding: [
    {
      name: 'foundBy',
      label: 'Found by',
      type: 'ref',
      refPrefixes: ['report', 'inspection'],
      required: true,
    },
    { name: 'text', label: 'Finding', type: 'text', required: true, hint: 'defaults to the quote' },
    { name: 'kind', label: 'Kind', type: 'select', options: FINDING_KINDS, required: true },
  ],
  relationship: [
    { name: 'type', label: 'Type', type: 'select', options: STATED_RELATIONSHIP_TYPES, required: true },
    { name: 'source', label: 'From', type: 'ref', refPrefixes: ANY, required: true },
    { name: 'target', label: 'To', type: 'ref', refPrefixes: ANY, required: true },
    { name: 'date', label: 'Date', type: 'date' },
    { name: 'qualifier', label: 'Qualifier', type: 'text' },
  ],
};

const COLLECTION: Record<
  Exclude<FactKind, 'attestation'>,
  Exclude<FactInput['collection'], 'attestations'>
> = {
  person: 'people',
  organisation: 'organisations',
  post: 'posts',
  tenure: 'tenures',
  inspection: 'inspections',
  report: 'reports',
  finding: 'findings',
  relationship: 'relationships',
};

const PREFIX: Record<Exclude<FactKind, 'attestation' | 'relationship'>, string> = {
  person: 'person',
  organisation: 'org',
  post: 'post',
  tenure: 'tenure',
  inspection: 'inspection',
  report: 'report',
  finding: 'finding',
};

/** Lower-case words joined by hyphens, as seed ids are: the one rule, from the contract. */
export const slug = slugify;

export type FormValues = Record<string, string | boolean>;

/** The id a new entity gets from what was typed: its prefix and the slug of its name. */
export function newId(kind: FactKind, values: FormValues): string | null {
  if (kind === 'attestation' || kind === 'relationship') return null;
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string).trim() : '');
  const basis =
    kind === 'post'
      ? `${str('organisation').replace(/^org:/, '')} ${str('title')}`
      : kind === 'tenure'
        ? `${str('person').replace(/^person:/, '')} ${str('post').replace(/^post:/, '')}`
        : kind === 'finding'
          ? `${str('foundBy').replace(/^[a-z]+:/, '')} ${str('text')}`
          : str('name');
  return `${PREFIX[kind]}:${slug(basis, kind === 'finding' ? 60 : 80)}`;
}

export type FormResult = { facts: FactInput[] } | { problems: string[] };

/** The facts to send for a filled form, or what is missing. */
export function factsOf(kind: FactKind, values: FormValues, quote: QuoteInput): FormResult {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string).trim() : '');
  const withText = { ...values };
  if (kind === 'finding' && !str('text')) withText.text = quote.exact;
  const missing = FIELDS[kind]
    .filter((f) => f.required && f.type !== 'checkbox')
    .filter((f) => !(typeof withText[f.name] === 'string' && (withText[f.name] as string).trim()))
    .map((f) => `${f.label} is needed.`);
  if (missing.length > 0) return { problems: missing };
  if (kind === 'attestation') {
    const date = str('date');
    return {
      facts: [{ collection: 'attestations', tenure: str('tenure'), quote, ...(date ? { date } : {}) }],
    };
  }
  const value: Record<string, unknown> = {};
  const id = newId(kind, withText);
  if (id) value.id = id;
  for (const field of FIELDS[kind]) {
    if (field.type === 'checkbox') continue;
    const raw = withText[field.name];
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (!text) continue;
    value[field.name] =
      field.name === 'aliases'
        ? text
            .split(',')
            .map((a) => a.trim())
            .filter(Boolean)
        : text;
  }
  const attest = kind === 'tenure' && values.attest === true;
  return { facts: [{ collection: COLLECTION[kind], value, quote, ...(attest ? { attest: true } : {}) }] };
}
