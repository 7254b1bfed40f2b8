import type { SeedFactsFile, SeedSet } from './read-seeds.ts';
import type {
  Finding,
  Inspection,
  Organisation,
  Person,
  Post,
  Relationship,
  Report,
  StatedRelationshipType,
  Tenure,
} from './schema.ts';

/** Every entity with the label it becomes and the file it came from. */
export type EntityEntry =
  | { label: 'Organisation'; value: Organisation; file: string }
  | { label: 'Person'; value: Person; file: string }
  | { label: 'Post'; value: Post; file: string }
  | { label: 'Tenure'; value: Tenure; file: string }
  | { label: 'Inspection'; value: Inspection; file: string }
  | { label: 'Report'; value: Report; file: string }
  | { label: 'Finding'; value: Finding; file: string };

export interface RelationshipEntry {
  value: Relationship;
  file: string;
  /** The entry's place in its file, for messages: `relationships[3]`. */
  place: string;
  id: string;
}

/** A stated relationship's stable id: its type, its ends and, where needed, its key. */
export function relationshipId(
  type: StatedRelationshipType | string,
  source: string,
  target: string,
  key?: string,
) {
  return `${type}:${source}>${target}${key ? `#${key}` : ''}`;
}

export function entitiesOf(file: SeedFactsFile): EntityEntry[] {
  const f = file.facts;
  const at = file.file;
  return [
    ...f.organisations.map((value) => ({ label: 'Organisation' as const, value, file: at })),
    ...f.people.map((value) => ({ label: 'Person' as const, value, file: at })),
    ...f.posts.map((value) => ({ label: 'Post' as const, value, file: at })),
    ...f.tenures.map((value) => ({ label: 'Tenure' as const, value, file: at })),
    ...f.inspections.map((value) => ({ label: 'Inspection' as const, value, file: at })),
    ...f.reports.map((value) => ({ label: 'Report' as const, value, file: at })),
    ...f.findings.map((value) => ({ label: 'Finding' as const, value, file: at })),
  ];
}

export function allEntities(seeds: SeedSet): EntityEntry[] {
  return seeds.factsFiles.flatMap(entitiesOf);
}

export function allRelationships(seeds: SeedSet): RelationshipEntry[] {
  return seeds.factsFiles.flatMap((file) =>
    file.facts.relationships.map((value, index) => ({
      value,
      file: file.file,
      place: `relationships[${index}]`,
      id: relationshipId(value.type, value.source, value.target, value.key),
    })),
  );
}
