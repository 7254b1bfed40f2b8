import { describe, expect, it } from 'vitest';
import { CypherResponseSchema, ErrorBodySchema } from '../../graph/contract/api.ts';
import { AppError } from '../../graph/errors.ts';
import { fingerprintGraph } from '../../graph/fingerprint.ts';
import { callJson, expectAnswer, postJson } from '../../test/api-calls.ts';
import { CONSOLE_TIMEOUT_MS, useConsoleApp } from '../../test/console-app.ts';
import { checkPlan, explainQuery, toDriverParams } from './guard.ts';
import { CORPUS } from './hostile-queries.ts';

// The console attacked with every hostile query of the corpus, through the API and on the plan alone.
const app = useConsoleApp();

function sortedList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String).sort() : [];
}

/** What the test can see of the server besides the data: schema, users, databases. */
async function serverState(): Promise<string> {
  const { graph } = app;
  const schema = await graph.read(async (tx) => {
    const indexes = await tx.run('SHOW INDEXES YIELD name RETURN collect(name) AS names');
    const constraints = await tx.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    const labels = await tx.run('CALL db.labels() YIELD label RETURN collect(label) AS labels');
    return {
      indexes: sortedList(indexes.records[0]?.get('names')),
      constraints: sortedList(constraints.records[0]?.get('names')),
      labels: sortedList(labels.records[0]?.get('labels')),
    };
  });
  const system = graph.driver.session({ database: 'system' });
  try {
    const users = await system.run('SHOW USERS YIELD user RETURN collect(user) AS users');
    const databases = await system.run(
      'SHOW DATABASES YIELD name, currentStatus RETURN collect([name, currentStatus]) AS dbs',
    );
    return JSON.stringify({
      ...schema,
      users: users.records[0]?.get('users'),
      databases: databases.records[0]?.get('dbs'),
    });
  } finally {
    await system.close();
  }
}

describe('POST /api/cypher attacked with hostile queries', () => {
  it('rejects every hostile query with its reason, and the graph, schema and users do not change', async () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    const before = await fingerprintGraph(app.graph);
    const stateBefore = await serverState();
    const outcomes: string[] = [];
    for (const attack of CORPUS) {
      const answer = await callJson(app.cypherUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: attack.query, params: attack.params }),
      });
      const ok = answer.status === 200;
      const response = ok ? expectAnswer(answer, CypherResponseSchema, 200, attack.name) : undefined;
      // Every refusal is a 400 with the uniform error body.
      const error = ok ? undefined : expectAnswer(answer, ErrorBodySchema, 400, attack.name).error;
      const got = ok ? 'ROWS' : error?.code;
      outcomes.push(
        `${attack.name}: ${got} [${error?.message ?? ''}]${got === attack.expected ? '' : ` (expected ${attack.expected}: ${error?.message})`}`,
      );
      if (attack.expected === 'ROWS' && response) {
        expect(response.rows, attack.name).toEqual(attack.rows);
      } else if (error) {
        expect(error.message.length, attack.name).toBeGreaterThan(10);
      }
    }
    if (process.env.CCT_DEBUG) console.log(outcomes.join('\n'));
    expect(outcomes.filter((line) => line.includes('(expected'))).toEqual([]);
    expect(await fingerprintGraph(app.graph)).toBe(before);
    expect(await serverState()).toBe(stateBefore);
  });

  it('says why in plain words', async () => {
    const write = await postJson(app.cypherUrl, { query: 'CREATE (n) RETURN n' }, ErrorBodySchema, 400);
    expect(write).toMatchObject({
      error: { code: 'WRITE_NOT_ALLOWED', message: 'CREATE writes to the graph; the console is read-only.' },
    });
    const csv = await postJson(
      app.cypherUrl,
      { query: "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l" },
      ErrorBodySchema,
      400,
    );
    expect(csv.error.message).toMatch(/^LOAD CSV/);
    const proc = await postJson(app.cypherUrl, { query: "CALL db.createLabel('X')" }, ErrorBodySchema, 400);
    expect(proc.error.message).toMatch(/db\.createLabel is not allowed/);
  });

  it('would reject every hostile query on the plan alone, without the text checks', async () => {
    // Defence in depth: EXPLAIN and the plan walk, skipping preflight, must refuse each attack too.
    const { graph } = app;
    const accepted: string[] = [];
    for (const attack of CORPUS.filter((a) => a.expected !== 'ROWS')) {
      try {
        const summary = await explainQuery(
          graph,
          attack.query,
          toDriverParams(attack.params),
          CONSOLE_TIMEOUT_MS,
        );
        checkPlan(summary, graph.database, attack.query);
        accepted.push(attack.name);
      } catch (error) {
        expect(error, attack.name).toBeInstanceOf(AppError);
        expect((error as AppError).status, attack.name).toBe(400);
      }
    }
    expect(accepted).toEqual([]);
  });
});
