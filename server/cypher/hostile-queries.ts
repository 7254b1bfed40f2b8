/**
 * The hostile queries the console is tested against (hostile.int.test.ts): every kind of write,
 * writes hidden by comments, odd spaces and look-alike letters, reads outside the graph,
 * procedures, transactions of their own, administration, several statements, and strings smuggled
 * through parameters. A pure table: each entry says what the console must answer.
 */

export type Expected = 'WRITE_NOT_ALLOWED' | 'FORBIDDEN_CLAUSE' | 'CYPHER_SYNTAX' | 'ROWS';
export interface Attack {
  name: string;
  query: string;
  params?: Record<string, unknown>;
  expected: Expected;
  /** For reads with hostile params: the rows they must answer. */
  rows?: unknown[][];
}

const INJECTION = "x'}) DETACH DELETE n //";

export const CORPUS: Attack[] = [
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
