import { z } from 'zod';
import { type Neo4jConfig, neo4jConfigFromEnv, seedsDirFromEnv } from '../graph/config.ts';

const optionalToken = (name: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value === '' ? undefined : value))
    .refine((value) => value === undefined || value.length >= 16, `${name} must be at least 16 characters`);

const ServerEnvSchema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Limits of the Cypher console. */
  CYPHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
  CYPHER_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1_000),
  CYPHER_MAX_QUERY_LENGTH: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  /** Where saved views are kept. */
  DATA_DIR: z.string().default('.data'),
  /** Behind nginx or Caddy: which proxies to believe about the client's address (Express's `trust proxy`). */
  TRUST_PROXY: z.string().default(''),
  WRITE_TOKEN: optionalToken('WRITE_TOKEN'),
  READ_TOKEN: optionalToken('READ_TOKEN'),
  CONSOLE_CONCURRENT_PER_CLIENT: z.coerce.number().int().min(1).max(100).default(2),
  CONSOLE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  CONSOLE_BURST: z.coerce.number().int().min(1).max(10_000).default(10),
  NEO4J_MAX_SESSIONS: z.coerce.number().int().min(1).max(1_000).default(16),
  NEO4J_SESSION_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(5_000),
  API_READ_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
});

/** Express's `trust proxy`: off, a number of hops, or addresses and subnets (`loopback`, `10.0.0.0/8`). */
export const TrustProxySchema = z.union([z.literal(false), z.number().int().min(1), z.array(z.string())]);
export type TrustProxy = z.infer<typeof TrustProxySchema>;

export const AccessConfigSchema = z.object({
  /** Every write needs it when set; when unset only loopback clients may write. */
  writeToken: z.string().optional(),
  /** When set, every request needs it (or the write token). */
  readToken: z.string().optional(),
  trustProxy: TrustProxySchema,
});
export type AccessConfig = z.infer<typeof AccessConfigSchema>;

export const LimitsConfigSchema = z.object({
  /** Console queries one client may have running at once. */
  consoleConcurrentPerClient: z.number(),
  /** Console queries one client may start per minute, after a burst of `consoleBurst`. */
  consoleRatePerMinute: z.number(),
  consoleBurst: z.number(),
  /** Requests that use Neo4j at once, across all clients (each holds at most one session at a time). */
  neo4jSessions: z.number(),
  /** How long a request waits for one of those before it is answered 503. */
  neo4jWaitMs: z.number(),
  /** The time limit of an API read (not the console's, which has its own); past it the answer is 503. */
  readTimeoutMs: z.number(),
});
export type LimitsConfig = z.infer<typeof LimitsConfigSchema>;

export const ServerConfigSchema = z.object({
  host: z.string(),
  port: z.number(),
  cypher: z.object({ timeoutMs: z.number(), maxRows: z.number(), maxQueryLength: z.number() }),
  dataDir: z.string(),
  /**
   * Adding sources: the seeds folder the app writes (SEEDS_DIR, absolute). Writing it needs the write
   * token of `access` when the server listens beyond loopback. Absent in a hand-built config (tests):
   * then SEEDS_DIR or `seeds/`.
   */
  sources: z.object({ seedsDir: z.string() }).optional(),
  // Optional so a config built by hand (tests, the export CLI) keeps the single-person defaults below.
  access: AccessConfigSchema.optional(),
  limits: LimitsConfigSchema.optional(),
  shutdownTimeoutMs: z.number().optional(),
});
export type ServerConfig = z.infer<typeof ServerConfigSchema>;

/** Loopback only, no tokens: the settings of one person running the app on their own machine. */
export const DEFAULT_ACCESS: AccessConfig = { trustProxy: false };
export const DEFAULT_LIMITS: LimitsConfig = {
  consoleConcurrentPerClient: 2,
  consoleRatePerMinute: 60,
  consoleBurst: 10,
  neo4jSessions: 16,
  neo4jWaitMs: 5_000,
  readTimeoutMs: 15_000,
};
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

export function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text);
  // `true` would believe any X-Forwarded-For, so anyone could pick the address the limits count by.
  if (text === 'true')
    throw new Error("TRUST_PROXY: name the proxy ('loopback', an address) or a hop count, not 'true'");
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Parses the server's settings from the environment once, failing with the variable's name. */
export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = ServerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue?.message ?? 'invalid';
    const variable = String(issue?.path[0]);
    throw new Error(message.startsWith(variable) ? message : `${variable}: ${message}`);
  }
  const e = parsed.data;
  if (e.READ_TOKEN !== undefined && e.READ_TOKEN === e.WRITE_TOKEN)
    throw new Error('READ_TOKEN: must differ from WRITE_TOKEN, or readers could write');
  return {
    host: e.HOST,
    port: e.PORT,
    cypher: {
      timeoutMs: e.CYPHER_TIMEOUT_MS,
      maxRows: e.CYPHER_MAX_ROWS,
      maxQueryLength: e.CYPHER_MAX_QUERY_LENGTH,
    },
    dataDir: e.DATA_DIR,
    sources: { seedsDir: seedsDirFromEnv(env) },
    access: {
      writeToken: e.WRITE_TOKEN,
      readToken: e.READ_TOKEN,
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
    },
    limits: {
      consoleConcurrentPerClient: e.CONSOLE_CONCURRENT_PER_CLIENT,
      consoleRatePerMinute: e.CONSOLE_RATE_PER_MINUTE,
      consoleBurst: e.CONSOLE_BURST,
      neo4jSessions: e.NEO4J_MAX_SESSIONS,
      neo4jWaitMs: e.NEO4J_SESSION_WAIT_MS,
      readTimeoutMs: e.API_READ_TIMEOUT_MS,
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): {
  server: ServerConfig;
  neo4j: Neo4jConfig;
} {
  return { server: serverConfigFromEnv(env), neo4j: neo4jConfigFromEnv(env) };
}
