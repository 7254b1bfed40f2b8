import { describe, expect, it } from 'vitest';
import { errorRange } from './error-position.ts';

describe('errorRange', () => {
  it('marks the word Neo4j points at', () => {
    const query = 'MATCH (n:Person)\nRETRN n.name';
    expect(errorRange(query, { line: 2, column: 1, offset: 17 })).toEqual({
      from: 17,
      to: 22,
      line: 2,
      column: 1,
    });
  });

  it('marks the last character when the error is at the end', () => {
    const query = 'MATCH (n:CctPerson)\nRETURN n.name +';
    expect(errorRange(query, { line: 2, column: 16, offset: 35 })).toEqual({
      from: 34,
      to: 35,
      line: 2,
      column: 16,
    });
  });

  it('uses line and column when the offset disagrees with them', () => {
    const query = 'RETURN 1,\n  ,2';
    expect(errorRange(query, { line: 2, column: 3, offset: 999 })).toMatchObject({
      from: 12,
      to: 13,
      line: 2,
      column: 3,
    });
  });

  it('gives nothing without a position', () => {
    expect(errorRange('RETURN 1', {})).toBeNull();
    expect(errorRange('RETURN 1', undefined)).toBeNull();
    expect(errorRange('RETURN 1', { line: 9, column: 1 })).toBeNull();
  });
});
