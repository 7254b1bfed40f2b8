import { describe, expect, it } from 'vitest';
import { AppError } from '../../graph/errors.ts';
import { checkPlan, type PlanNode, toDriverParams } from './guard.ts';
import { lexCypher } from './lexer.ts';
import { preflight } from './preflight.ts';

const options = { maxQueryLength: 200, database: 'neo4j' };

function rejection(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    throw error;
  }
  return { code: 'ACCEPTED', message: '' };
}

const pre = (query: string, params?: Record<string, unknown>) =>
  rejection(() => preflight(query, params, options));

describe('lexCypher', () => {
  it('keeps semicolons and keywords inside strings, backticks and comments out of the tokens', () => {
    const { tokens } = lexCypher(
      'RETURN \'a;b\', "c\\";d", `e;``f` AS x // ; CREATE ()\n/* ; DELETE */ LIMIT 1',
    );
    expect(tokens.map((t) => t.kind)).toEqual([
      'word',
      'string',
      'symbol',
      'string',
      'symbol',
      'backtick',
      'word',
      'word',
      'word',
      'number',
    ]);
    expect(tokens[1]?.value).toBe('a;b');
    expect(tokens[3]?.value).toBe('c";d');
    expect(tokens[5]?.value).toBe('e;`f');
    expect(tokens.some((t) => t.value === ';')).toBe(false);
  });

  it('treats Unicode spaces as whitespace and zero-width characters as symbols', () => {
    const { tokens } = lexCypher('MATCH\u00A0(n)\u3000RETURN\u200Bn');
    expect(tokens.map((t) => t.text)).toEqual(['MATCH', '(', 'n', ')', 'RETURN', '\u200B', 'n']);
  });

  it('reports a string or comment that never ends', () => {
    expect(lexCypher("RETURN 'abc; DELETE").unterminated).toBe('string');
    expect(lexCypher('RETURN 1 /* ; CREATE ()').unterminated).toBe('comment');
  });

  it('reads ranges after numbers and parameters', () => {
    const { tokens } = lexCypher('MATCH p=()-[*1..3]-() WHERE $min < 2 RETURN p');
    expect(tokens.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual(['1', '3', '2']);
    expect(tokens.find((t) => t.kind === 'parameter')?.text).toBe('$min');
  });
});

describe('preflight', () => {
  it('lets ordinary reads through, with a trailing semicolon and comments', () => {
    for (const query of [
      'MATCH (n) RETURN n LIMIT 5',
      'MATCH (n) RETURN n;',
      "MATCH (n) WHERE n.name = 'a;b' RETURN n // ; CREATE ()",
      'CALL db.labels()',
      'CALL db.labels() YIELD label RETURN label',
      'CALL `db`.`labels`()',
      'CALL db.schema.visualization',
      'USE neo4j MATCH (n) RETURN n',
      'MATCH (call) RETURN call',
      'WITH 1 AS call RETURN call',
      'CALL (n) { RETURN 1 AS x } RETURN x',
      'CYPHER runtime=slotted MATCH (n) RETURN n',
      'RETURN 1 IN [1] AS one',
    ]) {
      expect(pre(query), query).toEqual({ code: 'ACCEPTED', message: '' });
    }
  });

  it.each([
    ['RETURN 1; RETURN 2', 'FORBIDDEN_CLAUSE', /more than one statement/],
    ['MATCH (n) RETURN n\u3000;\u3000CREATE ()', 'FORBIDDEN_CLAUSE', /more than one statement/],
    ['EXPLAIN MATCH (n) RETURN n', 'FORBIDDEN_CLAUSE', /EXPLAIN/],
    ['  profile CREATE ()', 'FORBIDDEN_CLAUSE', /PROFILE/],
    ['CYPHER 5 PROFILE CREATE ()', 'FORBIDDEN_CLAUSE', /PROFILE/],
    [':use system', 'FORBIDDEN_CLAUSE', /Browser command/],
    ['SHOW USERS', 'FORBIDDEN_CLAUSE', /administration/],
    ['TERMINATE TRANSACTIONS "x"', 'FORBIDDEN_CLAUSE', /administration/],
    ['CREATE INDEX i FOR (n:X) ON (n.y)', 'FORBIDDEN_CLAUSE', /CREATE INDEX/],
    ['create or replace database foo', 'FORBIDDEN_CLAUSE', /CREATE OR/],
    ['DROP CONSTRAINT c', 'FORBIDDEN_CLAUSE', /DROP/],
    ['USE system SHOW USERS', 'FORBIDDEN_CLAUSE', /USE system/],
    ['CALL { USE `system` MATCH (n) RETURN n } RETURN 1', 'FORBIDDEN_CLAUSE', /USE system/],
    ['USE graph.byName("system") MATCH (n) RETURN n', 'FORBIDDEN_CLAUSE', /USE/],
    ['LOAD CSV FROM "file:///etc/passwd" AS l RETURN l', 'FORBIDDEN_CLAUSE', /LOAD CSV/],
    ['CALL db.createLabel("X")', 'FORBIDDEN_CLAUSE', /db\.createLabel/],
    ['WITH 1 AS x CALL db . createLabel("X")', 'FORBIDDEN_CLAUSE', /db\.createLabel/],
    ['CALL apoc.help("x")', 'FORBIDDEN_CLAUSE', /apoc\.help/],
    ['CALL dbms.listConfig', 'FORBIDDEN_CLAUSE', /dbms\.listConfig/],
    ['CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1', 'FORBIDDEN_CLAUSE', /IN TRANSACTIONS/],
    ['CALL (n) { DELETE n } IN 3 CONCURRENT TRANSACTIONS', 'FORBIDDEN_CLAUSE', /IN TRANSACTIONS/],
    ['', 'BAD_REQUEST', /empty/],
    ['// only a comment', 'BAD_REQUEST', /empty/],
    [`RETURN '${'x'.repeat(300)}'`, 'TOO_LARGE', /at most 200/],
  ])('rejects %j with %s', (query, code, message) => {
    const result = pre(query);
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
  });

  it('checks that params are small, shallow, plain JSON', () => {
    expect(pre('RETURN $q', { q: "x'}) DETACH DELETE n //" }).code).toBe('ACCEPTED');
    expect(pre('RETURN $q', { q: 'x'.repeat(70_000) }).code).toBe('TOO_LARGE');
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 12; i += 1) {
      cursor.a = {};
      cursor = cursor.a as Record<string, unknown>;
    }
    expect(pre('RETURN $a', deep).code).toBe('BAD_REQUEST');
    expect(pre('RETURN $d', { d: new Date() }).code).toBe('BAD_REQUEST');
  });
});

const op = (operatorType: string, children: PlanNode[] = [], Details?: string): PlanNode => ({
  operatorType,
  arguments: Details ? { Details } : {},
  children,
});
const summary = (queryType: string, plan: PlanNode, database = 'neo4j') => ({ queryType, database, plan });
const check = (s: ReturnType<typeof summary>) => rejection(() => checkPlan(s, 'neo4j'));

describe('checkPlan', () => {
  it('accepts a read plan and allowed procedures', () => {
    expect(check(summary('r', op('ProduceResults@neo4j', [op('AllNodesScan@neo4j')]))).code).toBe('ACCEPTED');
    const components = op('ProduceResults@neo4j', [
      op('ProcedureCall@neo4j', [], 'dbms.components() :: (x)'),
    ]);
    expect(check(summary('s', components)).code).toBe('ACCEPTED');
  });

  it('names the clause of an updating operator', () => {
    const plan = op('ProduceResults@neo4j', [op('SetProperty@neo4j', [op('AllNodesScan@neo4j')])]);
    expect(check(summary('rw', plan))).toEqual({
      code: 'WRITE_NOT_ALLOWED',
      message: 'SET changes the graph; the console is read-only.',
    });
    const detach = op('EmptyResult@neo4j', [op('DetachDelete@neo4j')]);
    expect(check(summary('w', detach)).message).toBe(
      'DETACH DELETE deletes from the graph; the console is read-only.',
    );
    expect(check(summary('w', op('Merge@neo4j'))).message).toMatch(/^MERGE/);
    // Neo4j plans `REMOVE n.p` as SetProperty: the message names the clause the query used.
    const remove = rejection(() =>
      checkPlan(summary('w', op('SetProperty@neo4j')), 'neo4j', 'MATCH (n) REMOVE n.p'),
    );
    expect(remove.message).toBe('REMOVE changes the graph; the console is read-only.');
  });

  it('rejects LOAD CSV, IN TRANSACTIONS, procedures and admin operators even in read plans', () => {
    expect(check(summary('r', op('ProduceResults@neo4j', [op('LoadCSV@neo4j')]))).code).toBe(
      'FORBIDDEN_CLAUSE',
    );
    expect(check(summary('r', op('TransactionApply@neo4j'))).message).toMatch(/IN TRANSACTIONS/);
    expect(check(summary('r', op('ShowTransactions@neo4j'))).code).toBe('FORBIDDEN_CLAUSE');
    expect(check(summary('r', op('TerminateTransactions@neo4j'))).code).toBe('FORBIDDEN_CLAUSE');
    expect(check(summary('s', op('CreateIndex@neo4j'))).code).toBe('FORBIDDEN_CLAUSE');
    expect(check(summary('s', op('AdministrationCommand@system'))).message).toMatch(/system database/);
    const proc = op('ProcedureCall@neo4j', [], 'db.index.fulltext.queryNodes($a, $b) :: (node :: NODE)');
    expect(check(summary('r', proc)).message).toMatch(/db\.index\.fulltext\.queryNodes/);
  });

  it('prefers the forbidden clause over the write it also is', () => {
    const plan = op('EmptyResult@neo4j', [op('Create@neo4j', [op('LoadCSV@neo4j')])]);
    expect(check(summary('w', plan)).code).toBe('FORBIDDEN_CLAUSE');
  });

  it('falls back on the query type and the database', () => {
    expect(check(summary('w', op('Mystery@neo4j'))).code).toBe('WRITE_NOT_ALLOWED');
    expect(check(summary('s', op('Mystery@neo4j'))).code).toBe('FORBIDDEN_CLAUSE');
    expect(check(summary('r', op('AllNodesScan'), 'system')).code).toBe('FORBIDDEN_CLAUSE');
  });
});

describe('toDriverParams', () => {
  it('sends safe integers as Cypher integers, deep inside lists and maps', () => {
    const params = toDriverParams({ n: 5, f: 1.5, list: [1, { m: 2 }], s: '3' }) as {
      n: { toNumber(): number };
      f: number;
      list: [{ toNumber(): number }, { m: { toNumber(): number } }];
      s: string;
    };
    expect(params.n.toNumber()).toBe(5);
    expect(params.f).toBe(1.5);
    expect(params.list[1].m.toNumber()).toBe(2);
    expect(params.s).toBe('3');
  });
});
