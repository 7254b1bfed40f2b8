// The launcher as an operating-system process: spawning it detached, its pid file, whether it is
// alive, signalling it, and whether its port is free.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { LAUNCHER_JAR, LAUNCHER_LIB_DIR, LAUNCHER_MAIN_CLASS, pidFilePath } from './paths.ts';
import { JVM_OPTIONS, PortSchema } from './settings.ts';

export const PidFileSchema = z.object({
  pid: z.number().int().positive(),
  boltPort: PortSchema,
  startedAt: z.string(),
  // Size of launcher.log before this start, so only this run's READY line counts.
  logOffset: z.number().int().nonnegative(),
});
export type PidFile = z.infer<typeof PidFileSchema>;

export async function readPidFile(name: string): Promise<PidFile | null> {
  let text: string;
  try {
    text = await readFile(pidFilePath(name), 'utf8');
  } catch {
    return null;
  }
  const parsed = PidFileSchema.safeParse(safeJson(text));
  return parsed.success ? parsed.data : null;
}

export async function writePidFile(name: string, pidFile: PidFile): Promise<void> {
  await writeFile(pidFilePath(name), `${JSON.stringify(pidFile)}\n`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Spawns the launcher detached, its output appended to the log, and returns its pid. The settings
 * go in the environment, so the password never shows in a process listing.
 */
export function spawnLauncher(args: {
  name: string;
  home: string;
  logPath: string;
  env: Record<string, string>;
}): number {
  const logFd = openSync(args.logPath, 'a');
  try {
    const child = spawn(javaExecutable(), [...JVM_OPTIONS, '-cp', launcherClasspath(), LAUNCHER_MAIN_CLASS], {
      cwd: args.home,
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: { ...process.env, ...args.env },
    });
    // Without a listener a failed spawn (no java) would be an uncaught 'error' event.
    child.once('error', () => {});
    if (child.pid === undefined) {
      throw new Error(
        `Could not run '${javaExecutable()}' for Neo4j instance '${args.name}'; is a JDK 17+ on PATH (or JAVA_HOME set)?`,
      );
    }
    child.unref();
    return child.pid;
  } finally {
    closeSync(logFd);
  }
}

/**
 * True when the pid belongs to a live launcher. Where /proc exists the command line is checked too, so
 * a pid recycled by an unrelated process after a crash is never signalled, and zombies count as gone.
 */
export function isLauncherAlive(pid: number): boolean {
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

export function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone between the liveness check and the signal.
  }
}

export function portInUse(port: number): Promise<boolean> {
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
