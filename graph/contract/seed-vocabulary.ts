/**
 * The closed word lists of the seed format, shared by the seed schema (graph/seed/schema.ts) and the
 * Sources tab's forms, which may not import the seed format itself: one list each, so a kind added
 * here is accepted by the loader and offered in the app at once.
 */

export const DOCUMENT_KINDS = [
  'press-release',
  'news',
  'inspection-letter',
  'report',
  'minutes',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const ORGANISATION_KINDS = [
  'local-authority',
  'nhs-commissioner',
  'nhs-body',
  'regulator',
  'government-department',
  'school',
  'parent-carer-forum',
  'board',
  'partnership',
  'local-area',
  'publisher',
  'other',
] as const;

/** In what capacity a person held a post. */
export const CAPACITIES = ['substantive', 'interim', 'acting', 'joint'] as const;

export const FINDING_KINDS = [
  'weakness',
  'strength',
  'area-for-improvement',
  'priority-action',
  'progress',
  'judgement',
  'figure',
] as const;

/** The relationships a source states (the loader derives the others); their rules are in the seed schema. */
export const STATED_RELATIONSHIP_TYPES = [
  'REPORTS_TO',
  'PART_OF',
  'INSPECTED',
  'CONDUCTED_BY',
  'REPORTED_ON',
  'FOLLOW_UP_OF',
  'ASSESSED',
  'RESPONDS_TO',
  'ADDRESSES',
  'APPROVED',
  'RESPONSIBLE_FOR',
  'CONCERNS',
  'SUCCEEDED_BY',
  'STATED',
  'PUBLISHED',
  'AUTHORED',
  'MEMBER_OF',
] as const;
export type StatedRelationshipType = (typeof STATED_RELATIONSHIP_TYPES)[number];
