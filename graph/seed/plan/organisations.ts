import { shown, windowOfDated } from '../dating.ts';
import type { Organisation, Person, Post } from '../schema.ts';
import { citationProperties, evidenceProperties, type LooseProperties } from './builder.ts';
import { documentWindow, type PlanContext } from './context.ts';
import type { EntityPart } from './entity.ts';

export function planOrganisation(org: Organisation): EntityPart {
  return {
    properties: { aliases: org.aliases, kind: org.kind, validFrom: org.validFrom, validTo: org.validTo },
  };
}

export function planPerson(person: Person): EntityPart {
  return { properties: { aliases: person.aliases, honorific: person.honorific } };
}

/** Vacancies as parallel lists, one item per vacancy, evidence flattened with its vacancy's index. */
function vacancyProperties(post: Post, ctx: PlanContext): LooseProperties {
  if (post.vacancies.length === 0) return {};
  const windows = post.vacancies.map((v) =>
    windowOfDated(v, () => documentWindow(ctx, v.evidence[0]?.documentId)),
  );
  const flat = post.vacancies.flatMap((v, index) => v.evidence.map((e) => ({ index, ...e })));
  return {
    vacancyDates: windows.map((w) => (w ? shown(w) : '')),
    vacancyNotBefore: windows.map((w) => w?.notBefore ?? ''),
    vacancyNotAfter: windows.map((w) => w?.notAfter ?? ''),
    vacancyEvidenceIndex: flat.map((e) => e.index),
    vacancyDocumentIds: flat.map((e) => e.documentId),
    vacancyQuotes: flat.map((e) => e.quote),
  };
}

/** A post, its vacancies, and the POST_IN relationship to its organisation. */
export function planPost(post: Post, ctx: PlanContext): EntityPart {
  ctx.plan.relationship('POST_IN', post.id, post.organisation, {
    ...evidenceProperties(post.evidence),
    ...citationProperties(post.evidence, post.citations),
  });
  return {
    properties: {
      title: post.title,
      organisationId: post.organisation,
      accountable: post.accountable,
      ...vacancyProperties(post, ctx),
    },
    evidence: [...post.evidence, ...post.vacancies.flatMap((v) => v.evidence)],
  };
}
