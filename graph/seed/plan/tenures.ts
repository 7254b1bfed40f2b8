import { earliestDay, latestDay } from '../partial-date.ts';
import type { SeedDocument } from '../read-seeds.ts';
import type { Tenure } from '../schema.ts';
import { dedupeEvidence, evidenceProperties } from './builder.ts';
import { documentDates, nameOf, type PlanContext } from './context.ts';
import type { EntityPart } from './entity.ts';

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

function tenureSpan(tenure: Tenure, attestations: ResolvedAttestation[]) {
  const starts = attestations.map((a) => earliestDay(a.notBefore)).sort();
  const ends = attestations.map((a) => latestDay(a.notAfter)).sort();
  return {
    spanStart: tenure.from ? earliestDay(tenure.from) : starts[0],
    spanEnd: tenure.to ? latestDay(tenure.to) : ends.length > 0 ? ends[ends.length - 1] : undefined,
  };
}

/**
 * A tenure node with its attestations, and the HELD (person → tenure) and OF_POST (tenure → post)
 * relationships, which carry the same facts so a date filter can read them off either.
 */
export function planTenure(tenure: Tenure, ctx: PlanContext): EntityPart {
  const attestations = resolveAttestations(tenure, ctx.documents);
  const evidence = dedupeEvidence([
    ...tenure.evidence,
    ...attestations.map((a) => ({ documentId: a.documentId, quote: a.quote })),
  ]);
  const facts = {
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
    ...tenureSpan(tenure, attestations),
  };
  const post = ctx.entitiesById.get(tenure.post);
  const person = ctx.entitiesById.get(tenure.person);
  const personName = person?.label === 'Person' ? person.value.name : tenure.person;
  const postName = post?.label === 'Post' ? nameOf(post, ctx.organisationNames) : tenure.post;
  const edge = { ...facts, tenureId: tenure.id, ...evidenceProperties(evidence) };
  ctx.plan.relationship('HELD', tenure.person, tenure.id, edge);
  ctx.plan.relationship('OF_POST', tenure.id, tenure.post, edge);
  return { properties: facts, evidence, name: `${personName} as ${postName}` };
}
