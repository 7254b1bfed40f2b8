// Starts and stops a local Neo4j Community 5.26 for development and tests, with nothing to install but
// a JDK and Maven: the standalone server is not on Maven Central, so a tiny Java launcher
// (scripts/neo4j/launcher) runs the embedded `org.neo4j:neo4j` artifact with Bolt on 127.0.0.1 only.
//
// This module is the lifecycle (start, stop, status, wipe); the pieces it uses each do one job:
// paths.ts (where things live), settings.ts (names, ports, password, JVM), build.ts (Maven),
// process.ts (spawn, pid file, signals), readiness.ts (READY line and login), files.ts (helpers).
import { appendFile, mkdir, rm } from 'node:fs/promises';
import { ensureLauncherBuilt } from './build.ts';
import { fileSize, sleep } from './files.ts';
import { instanceDir, instanceLogPath, pidFilePath } from './paths.ts';
import {
  isLauncherAlive,
  type PidFile,
  portInUse,
  readPidFile,
  signal,
  spawnLauncher,
  writePidFile,
} from './process.ts';
import { waitForReady } from './readiness.ts';
import { boltUri, DEFAULT_STOP_TIMEOUT_MS, type StartOptions, StartOptionsSchema } from './settings.ts';

export { ensureLauncherBuilt, type LauncherBuild } from './build.ts';
export { instanceDir, instanceLogPath } from './paths.ts';
export {
  boltUri,
  DEV_INSTANCE,
  localPassword,
  NEO4J_LOCAL_USER,
  type StartOptions,
  StartOptionsSchema,
  TEST_INSTANCE,
} from './settings.ts';

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
  const pid = spawnLauncher({
    name,
    home,
    logPath,
    env: {
      NEO4J_LAUNCHER_HOME: home,
      NEO4J_LAUNCHER_BOLT_PORT: String(boltPort),
      NEO4J_LAUNCHER_PASSWORD: password,
      NEO4J_LAUNCHER_TX_TIMEOUT: transactionTimeout,
    },
  });
  const pidFile: PidFile = { pid, boltPort, startedAt: new Date().toISOString(), logOffset };
  await writePidFile(name, pidFile);

  try {
    await waitForReady({ name, pidFile, uri, password, deadline: started + timeoutMs });
  } catch (error) {
    // Never leave a half-started launcher behind (it would hold the port and the store lock).
    await stopInstance(name);
    throw error;
  }
  return result('started', pid);
}

/**
 * Sends SIGTERM (the launcher shuts Neo4j down cleanly), waits, and falls back to SIGKILL after a
 * bound. `{ kill: true }` sends SIGKILL at once, as a crash would (the fault tests use it).
 */
export async function stopInstance(
  name: string,
  { timeoutMs = DEFAULT_STOP_TIMEOUT_MS, kill = false }: { timeoutMs?: number; kill?: boolean } = {},
): Promise<StopResult> {
  const existing = await readPidFile(name);
  if (existing === null || !isLauncherAlive(existing.pid)) {
    await rm(pidFilePath(name), { force: true });
    return { status: 'not-running', name, pid: null };
  }
  const { pid } = existing;
  if (!kill) {
    signal(pid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!isLauncherAlive(pid)) {
        await rm(pidFilePath(name), { force: true });
        return { status: 'stopped', name, pid };
      }
      await sleep(200);
    }
  }
  signal(pid, 'SIGKILL');
  while (isLauncherAlive(pid)) {
    await sleep(100);
  }
  await rm(pidFilePath(name), { force: true });
  // A killed process can look gone (its /proc entry emptied) a moment before the kernel has closed
  // its sockets; a restart straight away would find the port still taken.
  for (let waited = 0; waited < 10_000 && (await portInUse(existing.boltPort)); waited += 100)
    await sleep(100);
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
