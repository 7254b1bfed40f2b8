import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherResponseSchema, type ErrorBody } from '../../graph/contract/api.ts';
import { type Graph, openGraph } from '../../graph/driver.ts';
import { AppError } from '../../graph/errors.ts';
import { fingerprintGraph } from '../../graph/fingerprint.ts';
import { testNeo4jConfig } from '../../test/neo4j-env.ts';
import type { ServerConfig } from '../config.ts';
import { errorMiddleware } from '../http/error-middleware.ts';
import { silentLogger } from '../logger.ts';
import { createCypherRouter } from './cypher-router.ts';
import { checkPlan, explainQuery, toDriverParams } from './guard.ts';
import { runReadOnly } from './run.ts';

const TIMEOUT_MS = 1_500;
const CONFIG: ServerConfig = {
  host: '127.0.0.1',
  port: 0,
  cypher: { timeoutMs: TIMEOUT_MS, maxRows: 1_000, maxQueryLength: 20_000 },
  dataDir: '.cache/test-data',
};

// A small graph of this test's own, labelled so that it cannot be confused with other tests' data.
const SEED = `
CREATE (p:CctPerson {id: 'person:cct-ada', name: 'Ada Example', evidenceDocumentIds: ['doc:cct-1'], evidenceQuotes: ['Ada Example, chief executive']})
CREATE (q:CctPerson {id: 'person:cct-bo', name: 'Bo Example'})
CREATE (post:CctPost {id: 'post:cct-chief-executive', title: 'Chief Executive', kind: 'executive'})
CREATE (doc:CctDocument {id: 'doc:cct-1', title: 'A press release', published: '2017-11-21'})
CREATE (p)-[:HOLDS {id: 'holds:cct-ada', from: '2017', qualifier: 'interim',
  evidenceDocumentIds: ['doc:cct-1', 'doc:cct-1'], evidenceQuotes: ['Ada Example, chief executive', 'interim chief executive']}]->(post)
CREATE (q)-[:HOLDS {id: 'holds:cct-bo', from: '2019', to: '2020'}]->(post)
CREATE (doc)-[:MENTIONS {id: 'mentions:cct-ada', evidenceDocumentIds: ['doc:cct-1'], evidenceQuotes: ['Ada Example']}]->(p)`;

let graph: Graph;
let server: Server;
let baseUrl: string;

async function post(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/api/cypher`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function sortedList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String).sort() : [];
}

/** What the test can see of the server besides the data: schema, users, databases. */
async function serverState(): Promise<string> {
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

beforeAll(async () => {
  const config = testNeo4jConfig();
  graph = openGraph({ ...config, external: !config.managed });
  await graph.write((tx) =>
    tx.run('MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH "Cct") DETACH DELETE n'),
  );
  await graph.write((tx) => tx.run(SEED));

  const app = express();
  app.use(express.json());
  app.use('/api/cypher', createCypherRouter({ graph, config: CONFIG, logger: silentLogger }));
  app.use(errorMiddleware(silentLogger));
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await graph?.write((tx) =>
    tx.run('MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH "Cct") DETACH DELETE n'),
  );
  await graph?.close();
});

type Expected = 'WRITE_NOT_ALLOWED' | 'FORBIDDEN_CLAUSE' | 'CYPHER_SYNTAX' | 'ROWS';
interface Attack {
  name: string;
  query: string;
  params?: Record<string, unknown>;
  expected: Expected;
  /** For reads with hostile params: the rows they must answer. */
  rows?: unknown[][];
}

const INJECTION = "x'}) DETACH DELETE n //";

const CORPUS: Attack[] = [
  // Every kind of write.
  {
    name: 'CREATE returning',
    query: "CREATE (n:CctHack {id: 'hack:1'}) RETURN n",
    expected: 'WRITE_NOT_ALLOWED',
  },
  { name: 'bare CREATE', query: 'CREATE (:CctHack)', expected: 'WRITE_NOT_ALLOWED' },
  {
    name: 'CREATE relationship',
    query: 'MATCH (a:CctPerson), (b:CctPost) CREATE (a)-[:HACK]->(b)',
    expected: 'WRITE_NOT_ALLOWED',
  },
  { name: 'GQL INSERT', query: 'INSERT (:CctHack)', expected: 'WRITE_NOT_ALLOWED' },
  { name: 'MERGE', query: "MERGE (n:CctHack {id: 'hack:2'})", expected: 'WRITE_NOT_ALLOWED' },
  {
    name: 'OPTIONAL MATCH then MERGE',
    query: 'OPTIONAL MATCH (n) WITH n LIMIT 1 MERGE (m:CctHack) RETURN m',
    expected: 'WRITE_NOT_ALLOWED',
  },
  { name: 'SET property', query: 'MATCH (n) SET n.x = 1 RETURN n', expected: 'WRITE_NOT_ALLOWED' },
  {
    name: 'SET from params',
    query: 'MATCH (n:CctPerson) SET n += $props RETURN n',
    params: { props: { name: 'Eve' } },
    expected: 'WRITE_NOT_ALLOWED',
  },
  { name: 'SET label', query: 'MATCH (n:CctPerson) SET n:CctHacked', expected: 'WRITE_NOT_ALLOWED' },
  { name: 'REMOVE property', query: 'MATCH (n:CctPerson) REMOVE n.name', expected: 'WRITE_NOT_ALLOWED' },
  {
    name: 'REMOVE label',
    query: 'MATCH (n:CctPerson) REMOVE n:CctPerson RETURN n',
    expected: 'WRITE_NOT_ALLOWED',
  },
  { name: 'DELETE relationships', query: 'MATCH ()-[r]->() DELETE r', expected: 'WRITE_NOT_ALLOWED' },
  { name: 'DELETE nodes', query: 'MATCH (n) DELETE n', expected: 'WRITE_NOT_ALLOWED' },
  { name: 'DETACH DELETE', query: 'MATCH (n) DETACH DELETE n', expected: 'WRITE_NOT_ALLOWED' },
  {
    name: 'FOREACH CREATE',
    query: 'FOREACH (x IN range(1, 3) | CREATE (:CctHack))',
    expected: 'WRITE_NOT_ALLOWED',
  },
  {
    name: 'FOREACH SET',
    query: 'MATCH (n) WITH collect(n) AS ns FOREACH (m IN ns | SET m.x = 1)',
    expected: 'WRITE_NOT_ALLOWED',
  },
  { name: 'subquery CREATE', query: 'CALL () { CREATE (n:CctHack) }', expected: 'WRITE_NOT_ALLOWED' },
  {
    name: 'correlated subquery CREATE',
    query: 'UNWIND range(1, 3) AS i CALL (i) { CREATE (:CctHack {i: i}) } RETURN count(*)',
    expected: 'WRITE_NOT_ALLOWED',
  },
  // Comments and odd whitespace hiding writes.
  {
    name: 'block comment before DETACH DELETE',
    query: 'MATCH (n) /* x */ DETACH DELETE n',
    expected: 'WRITE_NOT_ALLOWED',
  },
  {
    name: 'line comment before CREATE',
    query: '// just a comment\nCREATE ()',
    expected: 'WRITE_NOT_ALLOWED',
  },
  {
    name: 'comment swallowing a semicolon',
    query: 'MATCH (n) RETURN n /* ; */ UNION MATCH (n) SET n.x = 2 RETURN n',
    expected: 'WRITE_NOT_ALLOWED',
  },
  {
    name: 'no-break spaces around DETACH DELETE',
    query: 'MATCH (n)\u00A0DETACH\u00A0DELETE\u00A0n',
    expected: 'WRITE_NOT_ALLOWED',
  },
  {
    name: 'ideographic space before SET',
    query: 'MATCH (n)\u3000SET n.x = 1',
    expected: 'WRITE_NOT_ALLOWED',
  },
  { name: 'tabs and newlines', query: 'MATCH\t(n)\r\n\tDETACH\n\n DELETE\tn', expected: 'WRITE_NOT_ALLOWED' },
  { name: 'lower-case keywords', query: 'match (n) detach delete n', expected: 'WRITE_NOT_ALLOWED' },
  // Unicode look-alikes are not keywords to Neo4j: they do not parse.
  { name: 'fullwidth CREATE', query: '\uFF23\uFF32\uFF25\uFF21\uFF34\uFF25 (n)', expected: 'CYPHER_SYNTAX' },
  { name: 'zero-width space inside CREATE', query: 'CRE\u200BATE (n)', expected: 'CYPHER_SYNTAX' },
  {
    name: 'zero-width space before DETACH',
    query: 'MATCH (n)\u200BDETACH DELETE n',
    expected: 'CYPHER_SYNTAX',
  },
  { name: 'byte-order mark before CREATE', query: '\uFEFFCREATE (n)', expected: 'CYPHER_SYNTAX' },
  { name: 'Cyrillic look-alike in DELETE', query: 'MATCH (n) D\u0415LETE n', expected: 'CYPHER_SYNTAX' },
  // Outside the graph.
  {
    name: 'LOAD CSV from a file',
    query: "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    expected: 'FORBIDDEN_CLAUSE',
  },
  {
    name: 'LOAD CSV from http',
    query: "LOAD CSV FROM 'http://169.254.169.254/latest/meta-data/' AS line RETURN line",
    expected: 'FORBIDDEN_CLAUSE',
  },
  {
    name: 'LOAD CSV into CREATE',
    query: "LOAD CSV WITH HEADERS FROM 'https://example.com/x.csv' AS l CREATE (:CctHack {x: l.x})",
    expected: 'FORBIDDEN_CLAUSE',
  },
  // Procedures.
  { name: 'dbms.listConfig', query: 'CALL dbms.listConfig()', expected: 'FORBIDDEN_CLAUSE' },
  { name: 'dbms.killConnection', query: "CALL dbms.killConnection('bolt-1')", expected: 'FORBIDDEN_CLAUSE' },
  {
    name: 'dbms.listConnections',
    query: 'CALL dbms.listConnections() YIELD connectionId RETURN connectionId',
    expected: 'FORBIDDEN_CLAUSE',
  },
  {
    name: 'dbms.security.createUser (gone in 5)',
    query: "CALL dbms.security.createUser('eve', 'secret1234', false)",
    expected: 'FORBIDDEN_CLAUSE',
  },
  { name: 'db.createLabel', query: "CALL db.createLabel('CctHack')", expected: 'FORBIDDEN_CLAUSE' },
  {
    name: 'WITH then db.createLabel',
    query: "WITH 1 AS x CALL db.createLabel('CctHack')",
    expected: 'FORBIDDEN_CLAUSE',
  },
  { name: 'db.createProperty', query: "CALL db.createProperty('hack')", expected: 'FORBIDDEN_CLAUSE' },
  { name: 'db.clearQueryCaches', query: 'CALL db.clearQueryCaches()', expected: 'FORBIDDEN_CLAUSE' },
  { name: 'tx.setMetaData', query: 'CALL tx.setMetaData({a: 1})', expected: 'FORBIDDEN_CLAUSE' },
  {
    name: 'apoc (not installed)',
    query: "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    expected: 'FORBIDDEN_CLAUSE',
  },
  { name: 'apoc help', query: "CALL apoc.help('x')", expected: 'FORBIDDEN_CLAUSE' },
  { name: 'procedure that does not exist', query: 'CALL no.such.procedure()', expected: 'FORBIDDEN_CLAUSE' },
  {
    name: 'backtick-quoted procedure',
    query: "CALL `db`.`createLabel`('CctHack')",
    expected: 'FORBIDDEN_CLAUSE',
  },
  // Transactions of its own.
  {
    name: 'IN TRANSACTIONS read',
    query: 'CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1',
    expected: 'FORBIDDEN_CLAUSE',
  },
  {
    name: 'IN TRANSACTIONS delete',
    query: 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS',
    expected: 'FORBIDDEN_CLAUSE',
  },
  // Schema and administration.
  {
    name: 'CREATE INDEX',
    query: 'CREATE INDEX cct_hack FOR (n:CctHack) ON (n.id)',
    expected: 'FORBIDDEN_CLAUSE',
  },
  {
    name: 'CREATE CONSTRAINT',
    query: 'CREATE CONSTRAINT cct_hack FOR (n:CctHack) REQUIRE n.id IS UNIQUE',
    expected: 'FORBIDDEN_CLAUSE',
  },
  { name: 'DROP INDEX', query: 'DROP INDEX cct_any IF EXISTS', expected: 'FORBIDDEN_CLAUSE' },
  { name: 'DROP CONSTRAINT', query: 'DROP CONSTRAINT cct_any IF EXISTS', expected: 'FORBIDDEN_CLAUSE' },
  { name: 'CREATE USER', query: "CREATE USER eve SET PASSWORD 'secret1234'", expected: 'FORBIDDEN_CLAUSE' },
  { name: 'ALTER USER', query: "ALTER USER neo4j SET PASSWORD 'changed1234'", expected: 'FORBIDDEN_CLAUSE' },
  { name: 'CREATE DATABASE', query: 'CREATE DATABASE hack', expected: 'FORBIDDEN_CLAUSE' },
  { name: 'STOP DATABASE', query: 'STOP DATABASE neo4j', expected: 'FORBIDDEN_CLAUSE' },
  { name: 'GRANT', query: 'GRANT ROLE admin TO neo4j', expected: 'FORBIDDEN_CLAUSE' },
  { name: 'SHOW USERS', query: 'SHOW USERS', expected: 'FORBIDDEN_CLAUSE' },
  { name: 'SHOW TRANSACTIONS', query: 'SHOW TRANSACTIONS', expected: 'FORBIDDEN_CLAUSE' },
  {
    name: 'TERMINATE TRANSACTIONS',
    query: "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    expected: 'FORBIDDEN_CLAUSE',
  },
  {
    name: 'SHOW then TERMINATE',
    query: 'SHOW TRANSACTIONS YIELD transactionId AS id TERMINATE TRANSACTIONS id',
    expected: 'FORBIDDEN_CLAUSE',
  },
  { name: 'SHOW DATABASES', query: 'SHOW DATABASES', expected: 'FORBIDDEN_CLAUSE' },
  { name: 'USE system admin', query: 'USE system SHOW USERS', expected: 'FORBIDDEN_CLAUSE' },
  { name: 'USE system read', query: 'USE system MATCH (n) RETURN n', expected: 'FORBIDDEN_CLAUSE' },
  {
    name: 'USE in a UNION branch',
    query: 'MATCH (n) RETURN n UNION USE system MATCH (n) RETURN n',
    expected: 'FORBIDDEN_CLAUSE',
  },
  // Several statements, and the console's own modes.
  { name: 'two statements', query: 'RETURN 1; CREATE ()', expected: 'FORBIDDEN_CLAUSE' },
  {
    name: 'read then wipe',
    query: 'MATCH (n) RETURN n; MATCH (n) DETACH DELETE n',
    expected: 'FORBIDDEN_CLAUSE',
  },
  {
    name: 'semicolon with ideographic spaces',
    query: 'RETURN 1\u3000;\u3000CREATE ()',
    expected: 'FORBIDDEN_CLAUSE',
  },
  { name: 'EXPLAIN prefix', query: 'EXPLAIN CREATE ()', expected: 'FORBIDDEN_CLAUSE' },
  { name: 'PROFILE prefix', query: 'PROFILE MATCH (n) SET n.x = 1', expected: 'FORBIDDEN_CLAUSE' },
  { name: 'no-break space before EXPLAIN', query: '\u00A0EXPLAIN CREATE (n)', expected: 'FORBIDDEN_CLAUSE' },
  { name: 'Browser command', query: ':use system', expected: 'FORBIDDEN_CLAUSE' },
  // Strings smuggled through parameters stay strings.
  {
    name: 'injection in a WHERE parameter',
    query: 'MATCH (n:CctPerson) WHERE n.name = $q RETURN n.id',
    params: { q: INJECTION },
    expected: 'ROWS',
    rows: [],
  },
  {
    name: 'injection echoed back',
    query: 'RETURN $q AS q',
    params: { q: INJECTION },
    expected: 'ROWS',
    rows: [[INJECTION]],
  },
  {
    name: 'statements in a parameter',
    query: 'RETURN $q AS q',
    params: { q: "'; MATCH (n) DETACH DELETE n; //" },
    expected: 'ROWS',
    rows: [["'; MATCH (n) DETACH DELETE n; //"]],
  },
  {
    name: 'injection in a list parameter',
    query: 'MATCH (n:CctPerson) WHERE n.id IN $ids RETURN n.id',
    params: { ids: ['person:cct-ada', INJECTION] },
    expected: 'ROWS',
    rows: [['person:cct-ada']],
  },
  {
    name: 'map parameter with a query in it',
    query: 'RETURN $m.query AS q',
    params: { m: { query: 'CREATE (:CctHack)' } },
    expected: 'ROWS',
    rows: [['CREATE (:CctHack)']],
  },
  {
    name: 'parameter name that looks like code',
    query: 'RETURN 1 AS one',
    params: { 'x}) DETACH DELETE n //': 1 },
    expected: 'ROWS',
    rows: [[1]],
  },
  {
    name: 'write keywords inside a string literal',
    query: "RETURN 'CREATE (n); DETACH DELETE n' AS s // ; DELETE",
    expected: 'ROWS',
    rows: [['CREATE (n); DETACH DELETE n']],
  },
];

describe('POST /api/cypher against a real Neo4j', () => {
  it('rejects every hostile query with its reason, and the graph, schema and users do not change', async () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    const before = await fingerprintGraph(graph);
    const stateBefore = await serverState();
    const outcomes: string[] = [];
    for (const attack of CORPUS) {
      const { status, body } = await post({ query: attack.query, params: attack.params });
      const error = (body as ErrorBody).error;
      const got = status === 200 ? 'ROWS' : error?.code;
      outcomes.push(
        `${attack.name}: ${got} [${error?.message ?? ''}]${got === attack.expected ? '' : ` (expected ${attack.expected}: ${error?.message})`}`,
      );
      if (attack.expected === 'ROWS' && status === 200) {
        expect(CypherResponseSchema.parse(body).rows, attack.name).toEqual(attack.rows);
      } else if (status !== 200) {
        expect(status, attack.name).toBe(400);
        expect(error?.message.length, attack.name).toBeGreaterThan(10);
      }
    }
    if (process.env.CCT_DEBUG) console.log(outcomes.join('\n'));
    expect(outcomes.filter((line) => line.includes('(expected'))).toEqual([]);
    expect(await fingerprintGraph(graph)).toBe(before);
    expect(await serverState()).toBe(stateBefore);
  });

  it('says why in plain words', async () => {
    const write = await post({ query: 'CREATE (n) RETURN n' });
    expect(write.body).toMatchObject({
      error: { code: 'WRITE_NOT_ALLOWED', message: 'CREATE writes to the graph; the console is read-only.' },
    });
    const csv = await post({ query: "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l" });
    expect((csv.body as ErrorBody).error.message).toMatch(/^LOAD CSV/);
    const proc = await post({ query: "CALL db.createLabel('X')" });
    expect((proc.body as ErrorBody).error.message).toMatch(/db\.createLabel is not allowed/);
  });

  it('would reject every hostile query on the plan alone, without the text checks', async () => {
    // Defence in depth: EXPLAIN and the plan walk, skipping preflight, must refuse each attack too.
    const accepted: string[] = [];
    for (const attack of CORPUS.filter((a) => a.expected !== 'ROWS')) {
      try {
        const summary = await explainQuery(graph, attack.query, toDriverParams(attack.params), TIMEOUT_MS);
        checkPlan(summary, graph.database, attack.query);
        accepted.push(attack.name);
      } catch (error) {
        expect(error, attack.name).toBeInstanceOf(AppError);
        expect((error as AppError).status, attack.name).toBe(400);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('runs in a read session: a write that reaches the run step is refused', async () => {
    const before = await fingerprintGraph(graph);
    const attempt = runReadOnly(
      graph,
      "CREATE (:CctLeak {id: 'leak:1'}) RETURN 1 AS one",
      {},
      {
        timeoutMs: TIMEOUT_MS,
        maxRows: 10,
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'WRITE_NOT_ALLOWED' });
    expect(await fingerprintGraph(graph)).toBe(before);
  });

  it('rolls back even a write that runs, were the session to allow writes', async () => {
    // A Graph whose sessions ignore the READ access mode: only the rollback stands in the way.
    const writable: Graph = {
      ...graph,
      driver: Object.assign(Object.create(graph.driver) as Driver, {
        session: (config: Parameters<Driver['session']>[0]) =>
          graph.driver.session({ ...config, defaultAccessMode: neo4j.session.WRITE }),
      }),
    };
    const before = await fingerprintGraph(graph);
    const result = await runReadOnly(
      writable,
      "MATCH (n:CctPerson) SET n.name = 'Changed' CREATE (:CctLeak {id: 'leak:1'}) RETURN count(n) AS n",
      {},
      { timeoutMs: TIMEOUT_MS, maxRows: 10 },
    );
    expect(result.rows).toEqual([[2]]);
    expect(await fingerprintGraph(graph)).toBe(before);
  });

  it('answers reads with rows, columns, elements and a summary', async () => {
    const { status, body } = await post({
      query: 'MATCH p = (a:CctPerson)-[r:HOLDS]->(b:CctPost) RETURN p, a.name AS name ORDER BY name',
    });
    expect(status).toBe(200);
    const response = CypherResponseSchema.parse(body);
    expect(response.columns).toEqual(['p', 'name']);
    expect(response.rows.map((row) => row[1])).toEqual(['Ada Example', 'Bo Example']);
    expect(response.summary).toMatchObject({ rows: 2, truncated: false });
    expect(response.elements.nodes.map((n) => n.data.id).sort()).toEqual([
      'person:cct-ada',
      'person:cct-bo',
      'post:cct-chief-executive',
    ]);
    const ada = response.elements.edges.find((e) => e.data.id === 'holds:cct-ada');
    expect(ada?.data).toMatchObject({
      source: 'person:cct-ada',
      target: 'post:cct-chief-executive',
      type: 'HOLDS',
      from: '2017',
      to: null,
      qualifier: 'interim',
      evidence: [
        { documentId: 'doc:cct-1', quote: 'Ada Example, chief executive' },
        { documentId: 'doc:cct-1', quote: 'interim chief executive' },
      ],
    });
    const path = response.rows[0]?.[0] as Array<{ id: string; source?: string }>;
    expect(path.map((item) => item.id)).toEqual([
      'person:cct-ada',
      'holds:cct-ada',
      'post:cct-chief-executive',
    ]);
    expect(path[1]?.source).toBe('person:cct-ada');
  });

  it('converts temporal values, integers and integer params', async () => {
    const { body } = await post({
      query: 'RETURN date($day) AS day, $n + 1 AS next, range(1, $n) AS list LIMIT $n',
      params: { day: '2017-11-21', n: 3 },
    });
    expect(CypherResponseSchema.parse(body).rows).toEqual([['2017-11-21', 4, [1, 2, 3]]]);
  });

  it('lets the allowed procedures run', async () => {
    const labels = CypherResponseSchema.parse((await post({ query: 'CALL db.labels()' })).body);
    expect(labels.columns).toEqual(['label']);
    expect(labels.rows.flat()).toEqual(expect.arrayContaining(['CctPerson', 'CctPost']));
    const components = await post({ query: 'CALL dbms.components() YIELD edition RETURN edition' });
    expect(components.status).toBe(200);
    expect(CypherResponseSchema.parse(components.body).rows[0]?.[0]).toMatch(/community|enterprise/);
    const schema = await post({ query: 'CALL db.schema.visualization()' });
    expect(schema.status).toBe(200);
  });

  it('truncates at maxRows and says so', async () => {
    const { status, body } = await post({ query: 'UNWIND range(1, 5000) AS i RETURN i' });
    expect(status).toBe(200);
    const response = CypherResponseSchema.parse(body);
    expect(response.rows).toHaveLength(1_000);
    expect(response.rows[999]).toEqual([1000]);
    expect(response.summary).toMatchObject({ rows: 1_000, truncated: true });
    const exact = CypherResponseSchema.parse(
      (await post({ query: 'UNWIND range(1, 1000) AS i RETURN i' })).body,
    );
    expect(exact.summary).toMatchObject({ rows: 1_000, truncated: false });
  });

  it('ends a runaway query with QUERY_TIMEOUT while other reads still answer', async () => {
    const started = Date.now();
    const runaway = post({
      query: 'UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*) AS n',
    }).then((result) => ({ ...result, ms: Date.now() - started }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const quick = await post({ query: 'MATCH (n:CctPerson) RETURN n.id ORDER BY n.id' });
    const quickMs = Date.now() - started;
    expect(quick.status).toBe(200);
    expect(CypherResponseSchema.parse(quick.body).rows).toEqual([['person:cct-ada'], ['person:cct-bo']]);

    const slow = await runaway;
    expect(quickMs).toBeLessThan(slow.ms);
    expect(slow.status).toBe(408);
    expect((slow.body as ErrorBody).error.code).toBe('QUERY_TIMEOUT');
    expect(slow.ms).toBeLessThan(TIMEOUT_MS + 2_000);
  });

  it('reports a syntax error with Neo4j’s message and where it is', async () => {
    const { status, body } = await post({ query: 'MATCH (n:CctPerson)\nRETURN n.name +' });
    expect(status).toBe(400);
    const { error } = body as ErrorBody;
    expect(error.code).toBe('CYPHER_SYNTAX');
    expect(error.details).toMatchObject({ line: 2, column: 16, offset: 35 });
    expect(error.message).toContain('(line 2, column 16 (offset: 35))');
    expect(error.message).not.toContain('EXPLAIN');
  });

  it('sends JSON integers as Cypher integers', async () => {
    const { body } = await post({ query: 'RETURN valueType($n) AS t', params: { n: 2 } });
    expect(CypherResponseSchema.parse(body).rows[0]?.[0]).toMatch(/^INTEGER/);
  });

  it('validates the request', async () => {
    expect((await post({})).body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect((await post({ query: 'RETURN 1', params: [1, 2] })).body).toMatchObject({
      error: { code: 'BAD_REQUEST' },
    });
    const long = await post({ query: `RETURN '${'x'.repeat(20_001)}'` });
    expect(long.status).toBe(413);
    expect((long.body as ErrorBody).error.code).toBe('TOO_LARGE');
  });
});
