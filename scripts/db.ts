// Starts, stops and reports on the local Neo4j: `tsx scripts/db.ts start|stop|status [--instance dev|test]`.
// When NEO4J_URI is set the app talks to that external database instead, so nothing is started or stopped.
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import {
  DEV_INSTANCE,
  ensureLauncherBuilt,
  instanceLogPath,
  instanceStatus,
  localPassword,
  startInstance,
  stopInstance,
  TEST_INSTANCE,
} from './neo4j/instance.ts';

const INSTANCES = { dev: DEV_INSTANCE, test: TEST_INSTANCE } as const;

const CliSchema = z.object({
  command: z.enum(['start', 'stop', 'status']),
  instance: z.enum(['dev', 'test']).default('dev'),
});
type Cli = z.infer<typeof CliSchema>;

const ExternalEnvSchema = z.object({
  NEO4J_URI: z.string().min(1),
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).optional(),
});
type ExternalEnv = z.infer<typeof ExternalEnvSchema>;

const USAGE = 'usage: tsx scripts/db.ts start|stop|status [--instance dev|test]';

function parseCli(argv: string[]): Cli {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { instance: { type: 'string' } },
  });
  const parsed = CliSchema.safeParse({ command: positionals[0], instance: values.instance });
  if (!parsed.success || positionals.length !== 1) {
    throw new UsageError(
      parsed.success ? USAGE : `${parsed.error.issues.map((i) => i.message).join('; ')}\n${USAGE}`,
    );
  }
  return parsed.data;
}

class UsageError extends Error {}

/** The URI for display: any user:password@ part is dropped so credentials never reach the terminal. */
function redactUri(uri: string): string {
  try {
    const url = new URL(uri);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(unparseable NEO4J_URI)';
  }
}

async function runExternal(command: Cli['command'], env: ExternalEnv): Promise<number> {
  const shown = redactUri(env.NEO4J_URI);
  if (command !== 'status') {
    console.log(
      `NEO4J_URI is set: the app points at an external Neo4j (${shown}); nothing to ${command} locally.`,
    );
    return 0;
  }
  const driver = neo4j.driver(env.NEO4J_URI, neo4j.auth.basic(env.NEO4J_USERNAME, env.NEO4J_PASSWORD), {
    connectionTimeout: 5_000,
  });
  try {
    const info = await driver.getServerInfo(env.NEO4J_DATABASE ? { database: env.NEO4J_DATABASE } : {});
    console.log(`External Neo4j at ${shown} is reachable (${info.agent ?? 'unknown server'}).`);
    return 0;
  } catch (error) {
    const code = error instanceof neo4j.Neo4jError ? ` [${error.code}]` : '';
    const message = error instanceof Error ? error.message : String(error);
    console.error(`External Neo4j at ${shown} is not reachable${code}: ${message}`);
    return 1;
  } finally {
    await driver.close();
  }
}

async function runLocal(command: Cli['command'], instanceName: Cli['instance']): Promise<number> {
  const instance = INSTANCES[instanceName];
  switch (command) {
    case 'start': {
      const build = await ensureLauncherBuilt();
      if (build.built) {
        console.log(`Built the Neo4j launcher in ${(build.durationMs / 1000).toFixed(1)} s.`);
      }
      const result = await startInstance({ ...instance, password: localPassword() });
      const seconds = (result.durationMs / 1000).toFixed(1);
      console.log(
        result.status === 'started'
          ? `Neo4j '${result.name}' started at ${result.uri} (pid ${result.pid}, ${seconds} s). User: neo4j. Log: ${instanceLogPath(result.name)}`
          : `Neo4j '${result.name}' is already running at ${result.uri} (pid ${result.pid}); nothing to do.`,
      );
      return 0;
    }
    case 'stop': {
      const result = await stopInstance(instance.name);
      if (result.status === 'not-running') {
        console.log(`Neo4j '${instance.name}' is not running.`);
      } else if (result.status === 'killed') {
        console.log(`Neo4j '${instance.name}' (pid ${result.pid}) did not stop in time and was killed.`);
      } else {
        console.log(`Neo4j '${instance.name}' (pid ${result.pid}) stopped.`);
      }
      return 0;
    }
    case 'status': {
      const status = await instanceStatus(instance.name);
      if (status.running) {
        console.log(`Neo4j '${status.name}' is running at ${status.uri} (pid ${status.pid}).`);
        return 0;
      }
      console.log(`Neo4j '${status.name}' is not running. Start it with: npm run db:start`);
      // Non-zero so scripts can use `db:status` as a check.
      return 3;
    }
  }
}

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  if (process.env.NEO4J_URI) {
    return runExternal(cli.command, ExternalEnvSchema.parse(process.env));
  }
  return runLocal(cli.command, cli.instance);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
