// @neo4j-cypher/codemirror ships its types at src/codemirror.d.ts but its package.json "exports"
// does not point TypeScript at them for the package's main entry; this does.
declare module '@neo4j-cypher/codemirror' {
  export * from '@neo4j-cypher/codemirror/src/codemirror.js';
}
