// What an instance is started with: its name and port, the password (defined once, in graph/config.ts,
// because the app connects with the same one), the transaction timeout and the JVM's options.
import { z } from 'zod';
import { localNeo4jPassword } from '../../graph/config.ts';
import { InstanceNameSchema } from './paths.ts';

export const NEO4J_LOCAL_USER = 'neo4j';
/** The password for local instances: NEO4J_LOCAL_PASSWORD when set, otherwise the committed default. */
export const localPassword = localNeo4jPassword;

export const DEV_INSTANCE = { name: 'dev', boltPort: 7687 } as const;
/**
 * The instance tests start. NEO4J_TEST_INSTANCE and NEO4J_TEST_BOLT_PORT give a second one, so two
 * test runs on one machine (say, two working copies) do not stop each other's database.
 */
export const TEST_INSTANCE = {
  name: process.env.NEO4J_TEST_INSTANCE || 'test',
  boltPort: Number(process.env.NEO4J_TEST_BOLT_PORT || 7688),
} as const;

// Heap for a 2-core, 24 GiB machine; the page cache (512m) is set by the launcher and lives off-heap.
// The --add-opens flags are the ones Neo4j's own server scripts pass, so Netty can use direct buffers.
export const JVM_OPTIONS = [
  '-Xms512m',
  '-Xmx2g',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
];

export const DEFAULT_START_TIMEOUT_MS = 120_000;
export const DEFAULT_STOP_TIMEOUT_MS = 30_000;

export const PortSchema = z.number().int().min(1024).max(65_535);

export const StartOptionsSchema = z.object({
  name: InstanceNameSchema,
  boltPort: PortSchema,
  password: z.string().min(8, 'Neo4j requires passwords of at least 8 characters'),
  timeoutMs: z.number().int().positive().default(DEFAULT_START_TIMEOUT_MS),
  // Neo4j duration syntax, e.g. '30s' or '2m'; queries running longer are terminated.
  transactionTimeout: z
    .string()
    .regex(/^\d+(ms|s|m|h)$/, "a duration such as '30s'")
    .default('30s'),
});
export type StartOptions = z.input<typeof StartOptionsSchema>;

export function boltUri(boltPort: number): string {
  return `bolt://127.0.0.1:${boltPort}`;
}
