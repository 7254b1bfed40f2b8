import { describe, expect, it } from 'vitest';
import { perLabel, queryFor } from './label-queries.ts';
import { NODE_LABELS } from './seed/schema.ts';

describe('perLabel', () => {
  const queries = perLabel((label) => `MATCH (n:${label} {id: $id}) RETURN n`);

  it('builds one text per schema label, starting from that label', () => {
    expect(Object.keys(queries).sort()).toEqual([...NODE_LABELS].sort());
    expect(queryFor(queries, 'Person')).toBe('MATCH (n:Person {id: $id}) RETURN n');
  });

  it('refuses a label the schema does not list, including inherited keys', () => {
    expect(() => queryFor(queries, 'Person) DETACH DELETE (x')).toThrow(/No query for label/);
    expect(() => queryFor(queries, 'toString')).toThrow(/No query for label/);
    expect(() => queryFor(queries, 'constructor')).toThrow(/No query for label/);
  });
});
