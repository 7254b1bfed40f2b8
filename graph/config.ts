import path from 'node:path';
import { z } from 'zod';

/** The password of the project's own loopback-only Neo4j, overridable by NEO4J_LOCAL_PASSWORD. */
export const LOCAL_NEO4J_PASSWORD_DEFAULT = 'accountability-graph-local';

/**
 * The one rule for the local password: NEO4J_LOCAL_PASSWORD when set, otherwise the committed default.
 * The launcher starts Neo4j with it and the app connects with it, so both must read it from here.
 */
export function localNeo4jPassword(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.NEO4J_LOCAL_PASSWORD;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : LOCAL_NEO4J_PASSWORD_DEFAULT;
}

export const Neo4jConfigSchema = z.object({
  uri: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'expected a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI'),
  username: z.string().min(1),
  password: z.string().min(1),
  database: z.string().min(1),
  /** True when the URI was given in the environment: the project then starts no Neo4j of its own. */
  external: z.boolean(),
});
export type Neo4jConfig = z.infer<typeof Neo4jConfigSchema>;

const Neo4jEnvSchema = z.object({
  NEO4J_URI: z.string().optional(),
  NEO4J_USERNAME: z.string().optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  NEO4J_LOCAL_PASSWORD: z.string().optional(),
});

/** Where the graph lives: the project's own Neo4j on loopback, unless NEO4J_URI names another. */
export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env, localPort = 7687): Neo4jConfig {
  const e = Neo4jEnvSchema.parse(env);
  const external = Boolean(e.NEO4J_URI);
  const candidate = {
    uri: e.NEO4J_URI || `bolt://127.0.0.1:${localPort}`,
    username: e.NEO4J_USERNAME || 'neo4j',
    password: e.NEO4J_PASSWORD || localNeo4jPassword(env),
    database: e.NEO4J_DATABASE || 'neo4j',
    external,
  };
  const parsed = Neo4jConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = {
      uri: 'NEO4J_URI',
      username: 'NEO4J_USERNAME',
      password: 'NEO4J_PASSWORD',
      database: 'NEO4J_DATABASE',
    }[String(issue?.path[0]) as 'uri'];
    throw new Error(`${variable ?? 'Neo4j configuration'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/**
 * The seeds folder (`SEEDS_DIR`, default `seeds`), as an absolute path: a user's own case can live
 * in its own folder or repository, apart from the example. Relative paths are taken from `base`
 * (the project root for the scripts, which npm runs there).
 */
export function seedsDirFromEnv(env: NodeJS.ProcessEnv = process.env, base = process.cwd()): string {
  const value = z.string().trim().min(1, 'SEEDS_DIR may not be empty').optional().parse(env.SEEDS_DIR);
  return path.resolve(base, value ?? 'seeds');
}
