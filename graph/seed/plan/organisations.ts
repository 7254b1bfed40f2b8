import type { Organisation, Person, Post } from '../schema.ts';
import { evidenceProperties } from './builder.ts';
import type { PlanContext } from './context.ts';
import type { EntityPart } from './entity.ts';

export function planOrganisation(org: Organisation): EntityPart {
  return {
    properties: { aliases: org.aliases, kind: org.kind, validFrom: org.validFrom, validTo: org.validTo },
  };
}

export function planPerson(person: Person): EntityPart {
  return { properties: { aliases: person.aliases, honorific: person.honorific } };
}

/** A post, and the POST_IN relationship to its organisation. */
export function planPost(post: Post, { plan }: PlanContext): EntityPart {
  plan.relationship('POST_IN', post.id, post.organisation, evidenceProperties(post.evidence));
  return {
    properties: { title: post.title, organisationId: post.organisation, accountable: post.accountable },
  };
}
