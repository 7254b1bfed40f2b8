import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError, fromNeo4jError, limitOf } from '../errors.ts';
import { explainLimit } from './limit-error.ts';

const neo4jError = (code: string, message = 'some text the translation must not depend on') =>
  new Neo4jError(message, code, 'N/A', 'N/A');

describe('limits, recognised by error code', () => {
  it.each([
    ['Neo.TransientError.General.OutOfMemoryError', 'heap', 'TOO_LARGE'],
    ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'transaction-memory', 'TOO_LARGE'],
    ['Neo.ClientError.General.TransactionOutOfMemoryError', 'transaction-memory', 'TOO_LARGE'],
    ['Neo.ClientError.Transaction.TransactionTimedOut', 'timeout', 'QUERY_TIMEOUT'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'timeout', 'QUERY_TIMEOUT'],
  ])('%s is the %s limit (%s)', (code, limit, appCode) => {
    const error = neo4jError(code);
    expect(limitOf(error)?.limit).toBe(limit);
    const translated = fromNeo4jError(error);
    expect(translated.code).toBe(appCode);
    expect(translated.details).toMatchObject({ neo4jCode: code, limit });
    expect(translated.message).not.toMatch(/unexpected/);
  });

  it('names the setting to change for a memory limit', () => {
    const translated = fromNeo4jError(neo4jError('Neo.TransientError.General.MemoryPoolOutOfMemoryError'));
    expect(translated.message).toMatch(/db\.memory\.transaction\.total\.max/);
    expect(fromNeo4jError(neo4jError('Neo.TransientError.General.OutOfMemoryError')).message).toMatch(/heap/);
  });

  it('does not read the message: a memory-sounding message with another code is no limit', () => {
    const error = neo4jError('Neo.DatabaseError.General.UnknownError', 'OutOfMemoryError: Java heap space');
    expect(limitOf(error)).toBeNull();
    expect(fromNeo4jError(error).code).toBe('INTERNAL');
  });
});

describe('a load that hits a limit', () => {
  it('says which limit, at what size, what to change, and that the previous graph is served', () => {
    const translated = fromNeo4jError(neo4jError('Neo.ClientError.General.TransactionOutOfMemoryError'));
    const explained = explainLimit(translated, {
      step: 'staging Document nodes',
      items: 2_000,
      bytes: 8_400_000,
    }) as AppError;
    expect(explained).toBeInstanceOf(AppError);
    expect(explained.code).toBe('TOO_LARGE');
    expect(explained.message).toBe(
      'The load stopped at the transaction memory limit while staging Document nodes (2,000 items, about 8.4 MB of properties in one transaction). To fix it, raise db.memory.transaction.max or load in smaller batches. The graph served before this load is still served.',
    );
    expect(explained.details).toMatchObject({ limit: 'transaction-memory', items: 2_000, bytes: 8_400_000 });
  });

  it('names the timeout and the heap as such', () => {
    const size = { step: 'switching in the new generation', items: 367_000, bytes: 0 };
    const timeout = explainLimit(
      fromNeo4jError(neo4jError('Neo.ClientError.Transaction.TransactionTimedOut')),
      size,
    );
    expect((timeout as AppError).message).toMatch(
      /^The load stopped at the transaction timeout while switching in/,
    );
    expect((timeout as AppError).message).toMatch(/raise db\.transaction\.timeout/);
    const heap = explainLimit(
      fromNeo4jError(neo4jError('Neo.TransientError.General.OutOfMemoryError')),
      size,
    );
    expect((heap as AppError).message).toMatch(/Neo4j's heap .*367,000 items.*larger heap \(-Xmx/);
  });

  it('leaves any other error as it was', () => {
    const other = new Error('Only 3 of 4 HELD relationships found both their ends');
    expect(explainLimit(other, { step: 'x', items: 1, bytes: 1 })).toBe(other);
  });
});
