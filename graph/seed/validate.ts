import { allEntities, allRelationships, type EntityEntry } from './entries.ts';
import { endsNotBefore } from './partial-date.ts';
import type { SeedProblem } from './problems.ts';
import type { SeedDocument, SeedSet } from './read-seeds.ts';
import { type Evidence, labelOfId, type NodeLabel, RELATIONSHIP_RULES } from './schema.ts';
import { checkTenure, checkVacancies } from './validate-tenure.ts';

/** Folds the differences people most often paste wrongly: curly quotes, dashes and runs of space. */
function loosen(text: string): string {
  return text
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function quoteProblem(quote: string, document: SeedDocument): string | null {
  if (document.text.includes(quote)) return null;
  const hint = loosen(document.text).includes(loosen(quote))
    ? ' (it differs only in quotation marks, dashes, spaces or case: copy it exactly)'
    : '';
  return `the quote "${quote.length > 80 ? `${quote.slice(0, 77)}…` : quote}" is not in ${document.meta.id} (${document.textFile})${hint}`;
}

/**
 * Checks what the schemas cannot: ids unique across files, references that resolve to the
 * right kind of node, quotes found verbatim in their documents, and dates in a possible order.
 * Returns every problem found.
 */
export function validateSeeds(seeds: SeedSet): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const documents = new Map<string, SeedDocument>();
  const labelsById = new Map<string, { label: NodeLabel; file: string }>();

  const declare = (id: string, label: NodeLabel, file: string) => {
    const earlier = labelsById.get(id);
    if (earlier) {
      problems.push({
        file,
        entry: id,
        path: 'id',
        message: `duplicate id: '${id}' is already used in ${earlier.file}`,
      });
      return;
    }
    labelsById.set(id, { label, file });
  };

  for (const document of seeds.documents) {
    declare(document.meta.id, 'Document', document.metaFile);
    documents.set(document.meta.id, document);
    const { published } = document.meta;
    if ('date' in published) {
      if (published.quote && !document.text.includes(published.quote)) {
        problems.push({
          file: document.metaFile,
          entry: document.meta.id,
          path: 'published.quote',
          message: `the date line "${published.quote}" is not in ${document.textFile}`,
        });
      }
    } else if (!endsNotBefore(published.notBefore, published.notAfter)) {
      problems.push({
        file: document.metaFile,
        entry: document.meta.id,
        path: 'published.notAfter',
        message: `notAfter ${published.notAfter} is before notBefore ${published.notBefore}`,
      });
    }
  }

  const entities = allEntities(seeds);
  for (const entity of entities) declare(entity.value.id, entity.label, entity.file);

  const checkEvidence = (file: string, entry: string, base: string, evidence: readonly Evidence[]) => {
    evidence.forEach((item, index) => {
      const document = documents.get(item.documentId);
      const at = `${base}[${index}]`;
      if (!document) {
        problems.push({
          file,
          entry,
          path: `${at}.documentId`,
          message: `unknown document '${item.documentId}'`,
        });
        return;
      }
      const problem = quoteProblem(item.quote, document);
      if (problem) problems.push({ file, entry, path: `${at}.quote`, message: problem });
    });
  };

  const checkReference = (
    file: string,
    entry: string,
    at: string,
    id: string,
    allowed: readonly NodeLabel[],
  ) => {
    const found = labelsById.get(id);
    if (!found) {
      const expected = labelOfId(id);
      problems.push({
        file,
        entry,
        path: at,
        message: `unknown ${expected ? expected.toLowerCase() : 'node'} '${id}'`,
      });
    } else if (!allowed.includes(found.label)) {
      problems.push({
        file,
        entry,
        path: at,
        message: `'${id}' is a ${found.label}, but only ${allowed.join(' or ')} may stand here`,
      });
    }
  };

  const checkOrder = (file: string, entry: string, from?: string, to?: string, names = ['from', 'to']) => {
    if (from && to && !endsNotBefore(from, to)) {
      problems.push({
        file,
        entry,
        path: names[1] ?? 'to',
        message: `${names[1]} ${to} is before ${names[0]} ${from}`,
      });
    }
  };

  for (const entity of entities) {
    const { file } = entity;
    const entry = entity.value.id;
    checkEvidence(file, entry, 'evidence', entity.value.evidence);
    entity.value.claims?.forEach((claim, index) => {
      checkEvidence(file, entry, `claims[${index}].evidence`, claim.evidence);
    });
    checkEntity(entity, { file, entry, checkReference, checkOrder, checkEvidence, documents, problems });
  }

  const relationshipIds = new Map<string, string>();
  for (const rel of allRelationships(seeds)) {
    const { value, file, place } = rel;
    const entry = `${place} (${value.type} ${value.source} → ${value.target})`;
    const rule = RELATIONSHIP_RULES[value.type];
    checkReference(file, entry, 'source', value.source, rule.source);
    checkReference(file, entry, 'target', value.target, rule.target);
    checkEvidence(file, entry, 'evidence', value.evidence);
    value.claims?.forEach((claim, index) => {
      checkEvidence(file, entry, `claims[${index}].evidence`, claim.evidence);
    });
    checkOrder(file, entry, value.from, value.to);
    if (value.type === 'STATED' && !value.text) {
      problems.push({
        file,
        entry,
        path: 'text',
        message: 'a STATED relationship needs the words said in `text`',
      });
    }
    if (
      value.text &&
      !value.evidence.some((e) => documents.get(e.documentId)?.text.includes(value.text ?? ''))
    ) {
      problems.push({
        file,
        entry,
        path: 'text',
        message: 'the words in `text` are not found in any of its evidence documents',
      });
    }
    const earlier = relationshipIds.get(rel.id);
    if (earlier) {
      problems.push({
        file,
        entry,
        path: 'key',
        message: `the same ${value.type} from ${value.source} to ${value.target} is already stated at ${earlier}; give each a distinct \`key\` or merge their evidence`,
      });
    } else {
      relationshipIds.set(rel.id, `${file} ${place}`);
    }
  }
  // Attestations kept apart from their tenure: the tenure must exist, the quote be in its document.
  for (const { file, facts } of seeds.factsFiles) {
    facts.attestations.forEach((a, index) => {
      const entry = `attestations[${index}] (${a.tenure})`;
      checkReference(file, entry, 'tenure', a.tenure, ['Tenure']);
      const document = documents.get(a.documentId);
      const problem = document ? quoteProblem(a.quote, document) : `unknown document '${a.documentId}'`;
      if (problem) problems.push({ file, entry, path: document ? 'quote' : 'documentId', message: problem });
    });
  }
  return problems;
}

interface EntityCheckContext {
  file: string;
  entry: string;
  documents: Map<string, SeedDocument>;
  problems: SeedProblem[];
  checkReference: (
    file: string,
    entry: string,
    at: string,
    id: string,
    allowed: readonly NodeLabel[],
  ) => void;
  checkOrder: (file: string, entry: string, from?: string, to?: string, names?: string[]) => void;
  checkEvidence: (file: string, entry: string, base: string, evidence: readonly Evidence[]) => void;
}

function checkEntity(entity: EntityEntry, ctx: EntityCheckContext): void {
  const { file, entry, checkReference, checkOrder } = ctx;
  switch (entity.label) {
    case 'Organisation':
      checkOrder(file, entry, entity.value.validFrom, entity.value.validTo, ['validFrom', 'validTo']);
      return;
    case 'Post':
      checkReference(file, entry, 'organisation', entity.value.organisation, ['Organisation']);
      checkVacancies(entity.value, { ...ctx, quoteProblem });
      return;
    case 'Tenure':
      checkReference(file, entry, 'person', entity.value.person, ['Person']);
      checkReference(file, entry, 'post', entity.value.post, ['Post']);
      checkTenure(entity.value, { ...ctx, quoteProblem });
      return;
    case 'Inspection':
      checkOrder(file, entry, entity.value.from, entity.value.to);
      checkOrder(file, entry, entity.value.dateBounds?.notBefore, entity.value.dateBounds?.notAfter, [
        'dateBounds.notBefore',
        'dateBounds.notAfter',
      ]);
      return;
    case 'Report':
      checkOrder(file, entry, entity.value.dateBounds?.notBefore, entity.value.dateBounds?.notAfter, [
        'dateBounds.notBefore',
        'dateBounds.notAfter',
      ]);
      return;
    case 'Finding':
      checkReference(file, entry, 'foundBy', entity.value.foundBy, ['Report', 'Inspection']);
      return;
    default:
      return;
  }
}
