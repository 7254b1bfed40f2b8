import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { HealthSchema } from '../../graph/contract/api.ts';
import { AppError } from '../../graph/errors.ts';
import { degradedHealth } from './health-read.ts';

describe('degradedHealth', () => {
  it('answers 503 with the uniform error inside a degraded body while Neo4j is unreachable', () => {
    const { status, body } = degradedHealth(new Neo4jError('no route', 'ServiceUnavailable', '08000', 'x'));
    expect(status).toBe(503);
    expect(HealthSchema.parse(body)).toMatchObject({
      status: 'degraded',
      neo4j: { status: 'down' },
      error: { code: 'DATABASE_UNAVAILABLE' },
    });
  });

  it('keeps the status of any other error and shows no internal message', () => {
    const internal = degradedHealth(new Error('stack and secrets'));
    expect(internal.status).toBe(500);
    expect(JSON.stringify(internal.body)).not.toContain('secrets');
    expect(degradedHealth(new AppError('QUERY_TIMEOUT', 'slow')).status).toBe(408);
  });
});
