import { type DateWindow, pointWindow, shown, windowOfDated } from '../dating.ts';
import { earliestDay, latestDay, precisionOf } from '../partial-date.ts';
import type { Evidence, Period, Tenure, TenureBound } from '../schema.ts';
import { intervalSpans } from '../spans.ts';
import { citationProperties, dedupeEvidence, evidenceProperties, type LooseProperties } from './builder.ts';
import { documentWindow, nameOf, type PlanContext } from './context.ts';

interface Resolved {
  window: DateWindow;
  evidence: Evidence[];
}

function resolveAttestations(tenure: Tenure, ctx: PlanContext) {
  return tenure.attestations.flatMap((a) => {
    const window = a.date ? pointWindow(a.date) : documentWindow(ctx, a.documentId);
    return window ? [{ documentId: a.documentId, quote: a.quote, ...window }] : [];
  });
}

/** A start or end: a bare date is supported by the tenure's own evidence; an object by its own. */
function resolveBound(bound: TenureBound | undefined, ctx: PlanContext): Resolved | null {
  if (bound === undefined) return null;
  if (typeof bound === 'string') return { window: pointWindow(bound), evidence: [] };
  const window = windowOfDated(bound, () => documentWindow(ctx, bound.evidence[0]?.documentId));
  return window ? { window, evidence: bound.evidence } : null;
}

function boundProperties(prefix: 'from' | 'to', bound: Resolved | null): LooseProperties {
  if (!bound) return {};
  return {
    [prefix]: shown(bound.window),
    [`${prefix}NotBefore`]: bound.window.notBefore,
    [`${prefix}NotAfter`]: bound.window.notAfter,
    [`${prefix}DocumentIds`]: bound.evidence.map((e) => e.documentId),
    [`${prefix}Quotes`]: bound.evidence.map((e) => e.quote),
  };
}

/**
 * Periods as parallel lists, one item per period ('' where a period's start or end is not known),
 * and their evidence flattened with the index of the period each piece belongs to.
 */
function periodProperties(periods: readonly Period[], ctx: PlanContext): LooseProperties {
  const resolved = periods.map((p) => ({
    kind: p.kind,
    from: resolveBound(p.from, ctx),
    to: resolveBound(p.to, ctx),
    evidence: dedupeEvidence([
      ...p.evidence,
      ...(typeof p.from === 'object' ? p.from.evidence : []),
      ...(typeof p.to === 'object' ? p.to.evidence : []),
    ]),
    attested: documentWindow(ctx, p.evidence[0]?.documentId),
  }));
  const flat = resolved.flatMap((p, index) => p.evidence.map((e) => ({ index, ...e })));
  return {
    periodKinds: resolved.map((p) => p.kind),
    periodFrom: resolved.map((p) => (p.from ? shown(p.from.window) : '')),
    periodTo: resolved.map((p) => (p.to ? shown(p.to.window) : '')),
    periodFromNotBefore: resolved.map((p) => p.from?.window.notBefore ?? ''),
    periodFromNotAfter: resolved.map((p) => p.from?.window.notAfter ?? ''),
    periodToNotBefore: resolved.map((p) => p.to?.window.notBefore ?? ''),
    periodToNotAfter: resolved.map((p) => p.to?.window.notAfter ?? ''),
    /** The date of the source that reports the period, for a period given without dates. */
    periodAttestedNotBefore: resolved.map((p) => p.attested?.notBefore ?? ''),
    periodAttestedNotAfter: resolved.map((p) => p.attested?.notAfter ?? ''),
    periodEvidenceIndex: flat.map((e) => e.index),
    periodDocumentIds: flat.map((e) => e.documentId),
    periodQuotes: flat.map((e) => e.quote),
  };
}

function endProperties(tenure: Tenure): { end: Resolved | null; properties: LooseProperties } {
  const end = tenure.end;
  if (!end) return { end: null, properties: {} };
  const window = windowOfDated(end, () => null);
  const resolved = window ? { window, evidence: end.evidence } : null;
  return {
    end: resolved,
    properties: {
      endReason: end.reason,
      endDate: window ? shown(window) : undefined,
      endNotBefore: window?.notBefore,
      endNotAfter: window?.notAfter,
      endDocumentIds: end.evidence.map((e) => e.documentId),
      endQuotes: end.evidence.map((e) => e.quote),
      endNote: end.note,
    },
  };
}

/**
 * A tenure node with its stated bounds (each with its evidence), attestations, periods and end,
 * and the HELD (person → tenure) and OF_POST (tenure → post) relationships, which carry the same
 * facts so a date filter can read them off either.
 */
export function planTenure(tenure: Tenure, ctx: PlanContext) {
  const attestations = resolveAttestations(tenure, ctx);
  const from = resolveBound(tenure.from, ctx);
  const stated = resolveBound(tenure.to, ctx);
  const { end, properties: ended } = endProperties(tenure);
  const to = stated ?? end;
  const periods = periodProperties(tenure.periods, ctx);
  const known = [
    ...attestations.map((a) => ({ start: earliestDay(a.notBefore), end: latestDay(a.notAfter) })),
    ...tenure.periods.flatMap((p) => {
      const window = documentWindow(ctx, p.evidence[0]?.documentId);
      return window ? [{ start: earliestDay(window.notBefore), end: latestDay(window.notAfter) }] : [];
    }),
  ];
  const envelope = {
    start: known.map((k) => k.start).sort()[0],
    end: known
      .map((k) => k.end)
      .sort()
      .at(-1),
  };
  const evidence = dedupeEvidence([
    ...tenure.evidence,
    ...attestations.map((a) => ({ documentId: a.documentId, quote: a.quote })),
    ...(from?.evidence ?? []),
    ...(stated?.evidence ?? []),
    ...(end?.evidence ?? []),
    ...tenure.periods.flatMap((p) => p.evidence),
    ...tenure.periods.flatMap((p) =>
      [p.from, p.to].flatMap((b) => (typeof b === 'object' ? b.evidence : [])),
    ),
    ...(tenure.end?.evidence ?? []),
  ]);
  const facts: LooseProperties = {
    personId: tenure.person,
    postId: tenure.post,
    capacity: tenure.capacity,
    status: tenure.status,
    ...boundProperties('from', from),
    ...boundProperties('to', stated),
    ...ended,
    attestationDocumentIds: attestations.map((a) => a.documentId),
    attestationQuotes: attestations.map((a) => a.quote),
    attestationNotBefore: attestations.map((a) => a.notBefore),
    attestationNotAfter: attestations.map((a) => a.notAfter),
    /** Days on which a source dated to the day shows the person in post: certainly in force then. */
    attestedDays: attestations
      .filter((a) => a.notBefore === a.notAfter && precisionOf(a.notBefore) === 'day')
      .map((a) => a.notBefore),
    ...(tenure.periods.length > 0 ? periods : {}),
    ...intervalSpans(from?.window, to?.window, envelope),
  };
  const post = ctx.entitiesById.get(tenure.post);
  const person = ctx.entitiesById.get(tenure.person);
  const personName = person?.label === 'Person' ? person.value.name : tenure.person;
  const postName = post?.label === 'Post' ? nameOf(post, ctx.organisationNames) : tenure.post;
  const edge = {
    ...facts,
    tenureId: tenure.id,
    ...evidenceProperties(evidence),
    ...citationProperties(evidence, tenure.citations),
  };
  ctx.plan.relationship('HELD', tenure.person, tenure.id, edge);
  ctx.plan.relationship('OF_POST', tenure.id, tenure.post, edge);
  return { properties: facts, evidence, name: `${personName} as ${postName}` };
}
