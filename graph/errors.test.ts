import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError, fromNeo4jError } from './errors.ts';

const neo4jError = (code: string, message = 'from Neo4j') => new Neo4jError(message, code, '00000', 'x');

describe('fromNeo4jError', () => {
  it('translates by error code, never by message text', () => {
    expect(fromNeo4jError(neo4jError('ServiceUnavailable', 'timed out')).code).toBe('DATABASE_UNAVAILABLE');
    expect(fromNeo4jError(neo4jError('Neo.ClientError.Transaction.TransactionTimedOut')).code).toBe(
      'QUERY_TIMEOUT',
    );
    expect(fromNeo4jError(neo4jError('Neo.ClientError.Statement.SyntaxError')).code).toBe('CYPHER_SYNTAX');
    expect(fromNeo4jError(neo4jError('Neo.ClientError.Statement.TypeError')).code).toBe('BAD_REQUEST');
    expect(fromNeo4jError(neo4jError('Neo.DatabaseError.General.UnknownError', 'unavailable')).code).toBe(
      'INTERNAL',
    );
  });

  it('gives each error the status of its code', () => {
    expect(fromNeo4jError(neo4jError('SessionExpired')).status).toBe(503);
    expect(
      fromNeo4jError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).status,
    ).toBe(503);
  });

  it('never passes an unrecognised message on to clients', () => {
    const error = fromNeo4jError(neo4jError('Neo.DatabaseError.General.UnknownError', 'secret detail'));
    expect(error.message).not.toContain('secret');
  });

  it('leaves an AppError as it is', () => {
    const error = new AppError('NOT_FOUND', 'No node');
    expect(fromNeo4jError(error)).toBe(error);
  });

  it('words refusals with the reason the caller gives, or a plain one', () => {
    const write = neo4jError('Neo.ClientError.Statement.AccessMode');
    expect(fromNeo4jError(write)).toMatchObject({
      code: 'WRITE_NOT_ALLOWED',
      status: 400,
      message: 'The query tried to write; only reads are allowed here.',
    });
    const reasons = { write: 'the console is read-only.', admin: 'no admin.', procedure: 'no such call.' };
    expect(fromNeo4jError(write, reasons).message).toBe(
      'The query tried to write; the console is read-only.',
    );
    expect(fromNeo4jError(neo4jError('Neo.ClientError.Procedure.ProcedureNotFound'), reasons)).toMatchObject({
      code: 'FORBIDDEN_CLAUSE',
      message: 'The query calls a procedure that does not exist here; no such call.',
    });
  });
});
