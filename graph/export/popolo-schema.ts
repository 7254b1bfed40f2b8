import { z } from 'zod';

/**
 * The Popolo JSON shapes, written in zod from the meaning of the Popolo project's published JSON
 * Schemas (JSON Schema draft-03, `http://www.popoloproject.com/schemas/{person,organization,post,
 * membership,link,other_name}.json#`, popolo-spec repository at commit b6225682). Those schemas do
 * not forbid other properties, so these objects are loose too; Popolo's "flag additional properties"
 * pattern puts extensions in an `extra` subdocument with `+`-prefixed keys, which is where ours go.
 * Used to check our export in tests and to read a Popolo file on import.
 */

/** Popolo's date pattern: a year, a month or a day (`^[0-9]{4}(-[0-9]{2}){0,2}$`). */
export const PopoloDateSchema = z
  .string()
  .regex(/^[0-9]{4}(-[0-9]{2}){0,2}$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const text = z.string().nullable().optional();
const popoloDate = PopoloDateSchema.nullable().optional();
const timestamp = z.iso.datetime({ offset: true }).nullable().optional();

/** link.json: `url` is required and a URI; `note` says what it is. */
export const PopoloLinkSchema = z.looseObject({
  url: z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, 'expected a URI'),
  note: text,
});
export type PopoloLink = z.infer<typeof PopoloLinkSchema>;

/** other_name.json: `name` is required. */
export const PopoloOtherNameSchema = z.looseObject({
  name: z.string(),
  family_name: text,
  given_name: text,
  note: text,
  start_date: popoloDate,
  end_date: popoloDate,
});

const links = z.array(PopoloLinkSchema).optional();
const extra = z.record(z.string(), z.unknown()).optional();

export const PopoloPersonSchema = z.looseObject({
  id: text,
  name: text,
  other_names: z.array(PopoloOtherNameSchema).optional(),
  honorific_prefix: text,
  honorific_suffix: text,
  birth_date: popoloDate,
  death_date: popoloDate,
  summary: text,
  links,
  sources: links,
  created_at: timestamp,
  updated_at: timestamp,
  extra,
});

export const PopoloOrganizationSchema = z.looseObject({
  id: text,
  name: text,
  other_names: z.array(PopoloOtherNameSchema).optional(),
  classification: text,
  parent_id: text,
  founding_date: popoloDate,
  dissolution_date: popoloDate,
  links,
  sources: links,
  created_at: timestamp,
  updated_at: timestamp,
  extra,
});

export const PopoloPostSchema = z.looseObject({
  id: text,
  label: text,
  other_label: z.array(z.string()).optional(),
  role: text,
  organization_id: text,
  start_date: popoloDate,
  end_date: popoloDate,
  links,
  sources: links,
  created_at: timestamp,
  updated_at: timestamp,
  extra,
});

export const PopoloMembershipSchema = z.looseObject({
  id: text,
  label: text,
  role: text,
  person_id: text,
  organization_id: text,
  post_id: text,
  on_behalf_of_id: text,
  area_id: text,
  start_date: popoloDate,
  end_date: popoloDate,
  links,
  sources: links,
  created_at: timestamp,
  updated_at: timestamp,
  extra,
});
export type PopoloMembership = z.infer<typeof PopoloMembershipSchema>;

/** A Popolo export as EveryPolitician and others publish it: the four collections side by side. */
export const PopoloFileSchema = z.looseObject({
  persons: z.array(PopoloPersonSchema).default([]),
  organizations: z.array(PopoloOrganizationSchema).default([]),
  posts: z.array(PopoloPostSchema).default([]),
  memberships: z.array(PopoloMembershipSchema).default([]),
});
export type PopoloFile = z.infer<typeof PopoloFileSchema>;
