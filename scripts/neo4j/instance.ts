// Starts and stops a local Neo4j Community 5.26 for development and tests, with nothing to install but
// a JDK and Maven: the standalone server is not on Maven Central, so a tiny Java launcher
// (scripts/neo4j/launcher) runs the embedded `org.neo4j:neo4j` artifact with Bolt on 127.0.0.1 only.
//
// Layout: the launcher is built into .cache/neo4j-launcher/, each instance lives in .neo4j/<name>/
// (Neo4j data/ and logs/, plus launcher.pid and launcher.log). Both folders are git-ignored.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { z } from 'zod';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LAUNCHER_SOURCE_DIR = path.join(REPO_ROOT, 'scripts', 'neo4j', 'launcher');
const LAUNCHER_POM = path.join(LAUNCHER_SOURCE_DIR, 'pom.xml');
const LAUNCHER_BUILD_DIR = path.join(REPO_ROOT, '.cache', 'neo4j-launcher');
const LAUNCHER_JAR = path.join(LAUNCHER_BUILD_DIR, 'target', 'neo4j-launcher.jar');
const LAUNCHER_LIB_DIR = path.join(LAUNCHER_BUILD_DIR, 'lib');
// Written only after a successful build, so an interrupted build is never mistaken for a finished one.
const LAUNCHER_STAMP = path.join(LAUNCHER_BUILD_DIR, 'build.stamp');
const LAUNCHER_MAIN_CLASS = 'accountabilitygraph.launcher.Launcher';
const INSTANCES_DIR = path.join(REPO_ROOT, '.neo4j');

// Heap for a 2-core, 24 GiB machine; the page cache (512m) is set by the launcher and lives off-heap.
// The --add-opens flags are the ones Neo4j's own server scripts pass, so Netty can use direct buffers.
const JVM_OPTIONS = [
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

export const NEO4J_LOCAL_USER = 'neo4j';
/** Password of the loopback-only local databases; committed on purpose, override with NEO4J_LOCAL_PASSWORD. */
export const DEFAULT_LOCAL_PASSWORD = 'accountability-graph-local';
export const DEV_INSTANCE = { name: 'dev', boltPort: 7687 } as const;
/**
 * The instance tests start. NEO4J_TEST_INSTANCE and NEO4J_TEST_BOLT_PORT give a second one, so two
 * test runs on one machine (say, two working copies) do not stop each other's database.
 */
export const TEST_INSTANCE = {
  name: process.env.NEO4J_TEST_INSTANCE || 'test',
  boltPort: Number(process.env.NEO4J_TEST_BOLT_PORT || 7688),
} as const;

const DEFAULT_START_TIMEOUT_MS = 120_000;
const DEFAULT_STOP_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 500;
const LOG_TAIL_LINES = 40;

const InstanceNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'instance names are lowercase letters, digits and dashes');
const PortSchema = z.number().int().min(1024).max(65_535);

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

const PidFileSchema = z.object({
  pid: z.number().int().positive(),
  boltPort: PortSchema,
  startedAt: z.string(),
  // Size of launcher.log before this start, so only this run's READY line counts.
  logOffset: z.number().int().nonnegative(),
});
type PidFile = z.infer<typeof PidFileSchema>;

export type LauncherBuild = { built: boolean; durationMs: number };
export type StartResult = {
  status: 'started' | 'already-running';
  name: string;
  pid: number;
  boltPort: number;
  uri: string;
  durationMs: number;
};
export type StopResult = { status: 'stopped' | 'killed' | 'not-running'; name: string; pid: number | null };
export type InstanceStatus = {
  name: string;
  running: boolean;
  pid: number | null;
  boltPort: number | null;
  uri: string | null;
};

/** The password for local instances: NEO4J_LOCAL_PASSWORD when set, otherwise the committed default. */
export function localPassword(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.NEO4J_LOCAL_PASSWORD;
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : DEFAULT_LOCAL_PASSWORD;
}

export function boltUri(boltPort: number): string {
  return `bolt://127.0.0.1:${boltPort}`;
}

export function instanceDir(name: string): string {
  return path.join(INSTANCES_DIR, InstanceNameSchema.parse(name));
}

function pidFilePath(name: string): string {
  return path.join(instanceDir(name), 'launcher.pid');
}

export function instanceLogPath(name: string): string {
  return path.join(instanceDir(name), 'launcher.log');
}

/**
 * Builds the launcher with Maven unless the last successful build is newer than every source file.
 * A warm call touches neither Maven nor the network.
 */
export async function ensureLauncherBuilt(): Promise<LauncherBuild> {
  const started = Date.now();
  if (await launcherIsUpToDate()) {
    return { built: false, durationMs: Date.now() - started };
  }
  await runMaven(['-B', '-q', '-f', LAUNCHER_POM, `-Dlauncher.buildDir=${LAUNCHER_BUILD_DIR}`, 'package']);
  await writeFile(LAUNCHER_STAMP, `${new Date().toISOString()}\n`);
  return { built: true, durationMs: Date.now() - started };
}

async function launcherIsUpToDate(): Promise<boolean> {
  const stampTime = await mtimeMs(LAUNCHER_STAMP);
  if (stampTime === null || !existsSync(LAUNCHER_JAR) || !existsSync(LAUNCHER_LIB_DIR)) {
    return false;
  }
  const sources = [LAUNCHER_POM, ...(await listFiles(path.join(LAUNCHER_SOURCE_DIR, 'src')))];
  for (const source of sources) {
    const sourceTime = await mtimeMs(source);
    if (sourceTime === null || sourceTime > stampTime) {
      return false;
    }
  }
  return true;
}

function runMaven(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) =>
      reject(new Error(`Could not run Maven ('mvn'), is it installed and on PATH? ${error.message}`)),
    );
    child.on('close', (code) => {
      if (code === 0) {
        resolve();
      } else {
        reject(new Error(`Building the Neo4j launcher failed (mvn exit ${code}):\n${lastLines(output, 60)}`));
      }
    });
  });
}

/**
 * Starts the named instance in the background and resolves once Bolt accepts the password. When the
 * instance is already running and answering, it does nothing and says so.
 */
export async function startInstance(options: StartOptions): Promise<StartResult> {
  const { name, boltPort, password, timeoutMs, transactionTimeout } = StartOptionsSchema.parse(options);
  const started = Date.now();
  const uri = boltUri(boltPort);
  const result = (status: StartResult['status'], pid: number): StartResult => ({
    status,
    name,
    pid,
    boltPort,
    uri,
    durationMs: Date.now() - started,
  });

  const existing = await readPidFile(name);
  if (existing !== null && isLauncherAlive(existing.pid)) {
    if (existing.boltPort !== boltPort) {
      throw new Error(
        `Neo4j instance '${name}' is already running on port ${existing.boltPort} (pid ${existing.pid}), not ${boltPort}; stop it first`,
      );
    }
    // It may still be starting (another caller launched it a moment ago): wait for it like our own.
    await waitForReady({ name, pidFile: existing, uri, password, deadline: started + timeoutMs });
    return result('already-running', existing.pid);
  }

  await ensureLauncherBuilt();
  if (await portInUse(boltPort)) {
    throw new Error(
      `Port ${boltPort} on 127.0.0.1 is already in use by another process, so Neo4j instance '${name}' cannot start there`,
    );
  }

  const home = instanceDir(name);
  await mkdir(home, { recursive: true });
  const logPath = instanceLogPath(name);
  await appendFile(logPath, `--- ${new Date().toISOString()} starting on ${uri}\n`);
  const logOffset = (await fileSize(logPath)) ?? 0;
  const logFd = openSync(logPath, 'a');
  let pid: number;
  try {
    const child = spawn(javaExecutable(), [...JVM_OPTIONS, '-cp', launcherClasspath(), LAUNCHER_MAIN_CLASS], {
      cwd: home,
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: {
        ...process.env,
        NEO4J_LAUNCHER_HOME: home,
        NEO4J_LAUNCHER_BOLT_PORT: String(boltPort),
        NEO4J_LAUNCHER_PASSWORD: password,
        NEO4J_LAUNCHER_TX_TIMEOUT: transactionTimeout,
      },
    });
    // Without a listener a failed spawn (no java) would be an uncaught 'error' event.
    child.once('error', () => {});
    if (child.pid === undefined) {
      throw new Error(
        `Could not run '${javaExecutable()}' for Neo4j instance '${name}'; is a JDK 17+ on PATH (or JAVA_HOME set)?`,
      );
    }
    pid = child.pid;
    child.unref();
  } finally {
    closeSync(logFd);
  }
  const pidFile: PidFile = { pid, boltPort, startedAt: new Date().toISOString(), logOffset };
  await writeFile(pidFilePath(name), `${JSON.stringify(pidFile)}\n`);

  try {
    await waitForReady({ name, pidFile, uri, password, deadline: started + timeoutMs });
  } catch (error) {
    // Never leave a half-started launcher behind (it would hold the port and the store lock).
    await stopInstance(name);
    throw error;
  }
  return result('started', pid);
}

/** Sends SIGTERM (the launcher shuts Neo4j down cleanly), waits, and falls back to SIGKILL after a bound. */
export async function stopInstance(
  name: string,
  { timeoutMs = DEFAULT_STOP_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<StopResult> {
  const existing = await readPidFile(name);
  if (existing === null || !isLauncherAlive(existing.pid)) {
    await rm(pidFilePath(name), { force: true });
    return { status: 'not-running', name, pid: null };
  }
  const { pid } = existing;
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isLauncherAlive(pid)) {
      await rm(pidFilePath(name), { force: true });
      return { status: 'stopped', name, pid };
    }
    await sleep(200);
  }
  signal(pid, 'SIGKILL');
  while (isLauncherAlive(pid)) {
    await sleep(100);
  }
  await rm(pidFilePath(name), { force: true });
  return { status: 'killed', name, pid };
}

export async function instanceStatus(name: string): Promise<InstanceStatus> {
  const existing = await readPidFile(name);
  if (existing === null || !isLauncherAlive(existing.pid)) {
    return { name, running: false, pid: null, boltPort: existing?.boltPort ?? null, uri: null };
  }
  return {
    name,
    running: true,
    pid: existing.pid,
    boltPort: existing.boltPort,
    uri: boltUri(existing.boltPort),
  };
}

/** Deletes the instance folder (data, logs, pid file). Refuses while the instance is running. */
export async function wipeInstance(name: string): Promise<void> {
  const status = await instanceStatus(name);
  if (status.running) {
    throw new Error(`Neo4j instance '${name}' is running (pid ${status.pid}); stop it before wiping it`);
  }
  await rm(instanceDir(name), { recursive: true, force: true });
}

/**
 * Waits for the launcher's READY line (Bolt opens before the password is set, so an early
 * "unauthorized" means "not yet"), then confirms with neo4j-driver that Bolt accepts the password.
 * Fails early, with the end of the log, if the launcher exits.
 */
async function waitForReady(args: {
  name: string;
  pidFile: PidFile;
  uri: string;
  password: string;
  deadline: number;
}): Promise<void> {
  const { name, pidFile, uri, password, deadline } = args;
  let lastError = 'the launcher has not printed READY yet';
  while (Date.now() < deadline) {
    if (!isLauncherAlive(pidFile.pid)) {
      throw new Error(
        `Neo4j instance '${name}' exited during start-up (pid ${pidFile.pid}). Last lines of ${instanceLogPath(name)}:\n${await logTail(name)}`,
      );
    }
    if (await launcherPrintedReady(name, pidFile.logOffset)) {
      const outcome = await tryConnect(uri, password);
      if (outcome === 'ok') {
        return;
      }
      if (outcome instanceof Neo4jError && outcome.code === 'Neo.ClientError.Security.Unauthorized') {
        throw new Error(
          `Neo4j instance '${name}' at ${uri} rejects the configured password; set NEO4J_LOCAL_PASSWORD to the password it was started with, or restart it`,
        );
      }
      lastError = outcome.message;
    }
    await sleep(POLL_INTERVAL_MS);
  }
  throw new Error(
    `Neo4j instance '${name}' did not answer on ${uri} in time (last error: ${lastError}). Last lines of ${instanceLogPath(name)}:\n${await logTail(name)}`,
  );
}

async function launcherPrintedReady(name: string, fromOffset: number): Promise<boolean> {
  try {
    const log = await readFile(instanceLogPath(name));
    return /^READY bolt:/m.test(log.subarray(fromOffset).toString('utf8'));
  } catch {
    return false;
  }
}

async function tryConnect(uri: string, password: string): Promise<'ok' | Error> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(NEO4J_LOCAL_USER, password), {
    connectionTimeout: 2_000,
    maxConnectionPoolSize: 1,
  });
  try {
    await driver.verifyConnectivity();
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    await driver.close();
  }
}

async function readPidFile(name: string): Promise<PidFile | null> {
  let text: string;
  try {
    text = await readFile(pidFilePath(name), 'utf8');
  } catch {
    return null;
  }
  const parsed = PidFileSchema.safeParse(safeJson(text));
  return parsed.success ? parsed.data : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * True when the pid belongs to a live launcher. Where /proc exists the command line is checked too, so
 * a pid recycled by an unrelated process after a crash is never signalled, and zombies count as gone.
 */
function isLauncherAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    // ESRCH: gone. EPERM: a process of another user, so not a launcher we started.
    return false;
  }
  if (!existsSync('/proc/self')) {
    return true;
  }
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const procStat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = procStat.slice(procStat.lastIndexOf(')') + 2).charAt(0);
    return cmdline.includes(LAUNCHER_MAIN_CLASS) && state !== 'Z';
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone between the liveness check and the signal.
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function javaExecutable(): string {
  const javaHome = process.env.JAVA_HOME;
  return javaHome !== undefined && javaHome !== '' ? path.join(javaHome, 'bin', 'java') : 'java';
}

function launcherClasspath(): string {
  return [LAUNCHER_JAR, path.join(LAUNCHER_LIB_DIR, '*')].join(path.delimiter);
}

async function logTail(name: string): Promise<string> {
  try {
    return lastLines(await readFile(instanceLogPath(name), 'utf8'), LOG_TAIL_LINES);
  } catch {
    return '(no log written)';
  }
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

async function fileSize(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

async function mtimeMs(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
