import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { consoleError } from './console-error.ts';
import { EXPLAIN_PREFIX } from './guard.ts';

describe('consoleError', () => {
  it('moves syntax positions back past the EXPLAIN prefix', () => {
    const error = new Neo4jError(
      'Invalid input \'\': expected an expression (line 2, column 23 (offset: 30))\n"MATCH (n) RETURN n.x +"',
      'Neo.ClientError.Statement.SyntaxError',
      '50N42',
      'error',
    );
    const app = consoleError(error, EXPLAIN_PREFIX);
    expect(app.code).toBe('CYPHER_SYNTAX');
    expect(app.details).toMatchObject({ line: 1, column: 23, offset: 22 });
    expect(app.message).toContain('(line 1, column 23 (offset: 22))');
  });

  it('maps unknown procedures to FORBIDDEN_CLAUSE and timeouts by code', () => {
    const notFound = new Neo4jError('x', 'Neo.ClientError.Procedure.ProcedureNotFound', '42001', 'x');
    expect(consoleError(notFound).code).toBe('FORBIDDEN_CLAUSE');
    const timeout = new Neo4jError(
      'any text',
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      '25N06',
      'x',
    );
    expect(consoleError(timeout).code).toBe('QUERY_TIMEOUT');
  });

  it('words Neo4j’s own refusals for the console, keeping the code they translate to', () => {
    const write = consoleError(new Neo4jError('x', 'Neo.ClientError.Statement.AccessMode', '42N00', 'x'));
    expect(write.code).toBe('WRITE_NOT_ALLOWED');
    expect(write.message).toBe('The query tried to write; the console is read-only.');
    const admin = consoleError(
      new Neo4jError('x', 'Neo.ClientError.Statement.UnsupportedAdministrationCommand', '42N00', 'x'),
    );
    expect(admin.message).toBe('The query is an administration command; the console only reads the graph.');
    const missing = consoleError(
      new Neo4jError('x', 'Neo.ClientError.Procedure.ProcedureNotFound', '42N00', 'x'),
    );
    expect(missing.message).toMatch(/does not exist here; the console may call only db\.labels/);
  });

  it('drops a position that points into the prefix', () => {
    const error = new Neo4jError(
      'Query cannot conclude with CALL (line 1, column 1 (offset: 0))',
      'Neo.ClientError.Statement.SyntaxError',
      '42N00',
      'x',
    );
    const app = consoleError(error, EXPLAIN_PREFIX);
    expect(app.message).toBe('Query cannot conclude with CALL');
    expect(app.details).toEqual({ neo4jCode: 'Neo.ClientError.Statement.SyntaxError' });
  });
});
