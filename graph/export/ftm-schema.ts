import { z } from 'zod';

/**
 * FollowTheMoney entity shapes, written in zod from the meaning of FtM's schema definitions
 * (followthemoney 3.8.4, `followthemoney/schema/*.yaml`): each schema with the properties it has
 * there (its own and those it inherits), the ones it requires, and the schema an entity property
 * must point at. Only the schemas and properties our export can write are listed; an entity with a
 * property its schema does not have fails, as FtM would refuse it. In FtM, `proof` belongs to
 * Thing: Person, Organization, Position and Document have it, Occupancy (an Interval) does not.
 */

/** FtM's entity id rule (types/entity.py): letters, digits, dots and hyphens. */
export const FTM_ID = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;
/** FtM dates are ISO prefixes: a year, a month or a day (times are allowed too; we write none). */
const FTM_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const strings = z.array(z.string().min(1)).min(1).optional();
const dates = z.array(z.string().regex(FTM_DATE, 'expected an ISO date prefix')).min(1).optional();
const urls = z.array(z.url()).min(1).optional();
const refs = z.array(z.string().regex(FTM_ID, 'expected an entity id')).min(1).optional();
const requiredStrings = z.array(z.string().min(1)).min(1);
const requiredRefs = z.array(z.string().regex(FTM_ID, 'expected an entity id')).length(1);

const thing = {
  name: strings,
  summary: strings,
  description: strings,
  alias: strings,
  previousName: strings,
  weakAlias: strings,
  sourceUrl: urls,
  publisher: strings,
  publisherUrl: urls,
  keywords: strings,
  notes: strings,
  proof: refs,
  createdAt: dates,
  modifiedAt: dates,
  retrievedAt: dates,
};
const legalEntity = {
  ...thing,
  email: strings,
  website: urls,
  legalForm: strings,
  incorporationDate: dates,
  dissolutionDate: dates,
  status: strings,
  classification: strings,
};
const interval = {
  startDate: dates,
  endDate: dates,
  date: dates,
  summary: strings,
  description: strings,
  recordId: strings,
  sourceUrl: urls,
  publisher: strings,
  publisherUrl: urls,
  modifiedAt: dates,
  retrievedAt: dates,
};

const entity = <S extends string, P extends z.ZodRawShape>(schema: S, properties: P) =>
  z.strictObject({
    id: z.string().regex(FTM_ID, 'expected an FtM entity id'),
    schema: z.literal(schema),
    properties: z.strictObject(properties),
  });

export const FtmPersonSchema = entity('Person', {
  ...legalEntity,
  name: requiredStrings,
  title: strings,
  firstName: strings,
  lastName: strings,
  position: strings,
});
export const FtmOrganizationSchema = entity('Organization', {
  ...legalEntity,
  name: requiredStrings,
});
export const FtmPositionSchema = entity('Position', {
  ...thing,
  name: requiredStrings,
  organization: refs,
  inceptionDate: dates,
  dissolutionDate: dates,
  subnationalArea: strings,
});
export const FtmOccupancySchema = entity('Occupancy', {
  ...interval,
  holder: requiredRefs,
  post: requiredRefs,
  declarationDate: dates,
  status: strings,
});
export const FtmDocumentSchema = entity('Document', {
  ...thing,
  fileName: requiredStrings,
  title: strings,
  author: strings,
  mimeType: strings,
  date: dates,
  authoredAt: dates,
  publishedAt: dates,
});
/** Links a Document to the Thing it gives evidence for (Interest → Interval). */
export const FtmDocumentationSchema = entity('Documentation', {
  ...interval,
  role: strings,
  status: strings,
  document: requiredRefs,
  entity: requiredRefs,
});

export const FtmEntitySchema = z.discriminatedUnion('schema', [
  FtmPersonSchema,
  FtmOrganizationSchema,
  FtmPositionSchema,
  FtmOccupancySchema,
  FtmDocumentSchema,
  FtmDocumentationSchema,
]);
export type FtmEntity = z.infer<typeof FtmEntitySchema>;
export type FtmSchemaName = FtmEntity['schema'];

/** The schemas an entity property may point at (FtM's `range`; Thing covers its descendants). */
const THINGS: readonly FtmSchemaName[] = ['Person', 'Organization', 'Position', 'Document'];
export const FTM_RANGES: Readonly<Record<string, readonly FtmSchemaName[]>> = {
  proof: ['Document'],
  organization: ['Organization'],
  holder: ['Person'],
  post: ['Position'],
  document: ['Document'],
  entity: THINGS,
};

/** Every entity reference that points at no entity, or at one of the wrong schema. */
export function ftmReferenceProblems(entities: readonly FtmEntity[]): string[] {
  const schemaOf = new Map(entities.map((e) => [e.id, e.schema]));
  const problems: string[] = [];
  for (const e of entities)
    for (const [property, values] of Object.entries(e.properties)) {
      const range = FTM_RANGES[property];
      if (!range) continue;
      for (const target of values as string[]) {
        const schema = schemaOf.get(target);
        if (!schema) problems.push(`${e.id}.${property} points at no entity '${target}'`);
        else if (!range.includes(schema))
          problems.push(`${e.id}.${property} points at a ${schema}, expected ${range.join(' or ')}`);
      }
    }
  return problems;
}
