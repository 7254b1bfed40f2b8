import { z } from 'zod';
import { type Neo4jConfig, neo4jConfigFromEnv, seedsDirFromEnv } from '../graph/config.ts';

const ServerEnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Limits of the Cypher console. */
  CYPHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  CYPHER_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1_000),
  CYPHER_MAX_QUERY_LENGTH: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  /** Where saved views are kept. */
  DATA_DIR: z.string().default('.data'),
  /** Sources (adding documents and facts): see `sources` below. */
  WRITE_TOKEN: z.string().min(16, 'WRITE_TOKEN needs at least 16 characters').optional(),
});

export const ServerConfigSchema = z.object({
  host: z.string(),
  port: z.number(),
  cypher: z.object({ timeoutMs: z.number(), maxRows: z.number(), maxQueryLength: z.number() }),
  dataDir: z.string(),
  /**
   * Adding sources: the seeds folder the app writes (SEEDS_DIR, absolute) and the token that opens
   * writing when the server listens on an address other than loopback (WRITE_TOKEN). Absent in a
   * hand-built config (tests): then SEEDS_DIR or `seeds/`, and no token.
   */
  sources: z.object({ seedsDir: z.string(), writeToken: z.string().nullable() }).optional(),
});
export type ServerConfig = z.infer<typeof ServerConfigSchema>;

/** Parses the server's settings from the environment once, failing with the variable's name. */
export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = ServerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    cypher: {
      timeoutMs: e.CYPHER_TIMEOUT_MS,
      maxRows: e.CYPHER_MAX_ROWS,
      maxQueryLength: e.CYPHER_MAX_QUERY_LENGTH,
    },
    dataDir: e.DATA_DIR,
    sources: { seedsDir: seedsDirFromEnv(env), writeToken: e.WRITE_TOKEN ?? null },
  };
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): {
  server: ServerConfig;
  neo4j: Neo4jConfig;
} {
  return { server: serverConfigFromEnv(env), neo4j: neo4jConfigFromEnv(env) };
}
