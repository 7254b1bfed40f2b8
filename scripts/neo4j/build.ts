// Builds the Java launcher with Maven, only when its sources changed since the last successful build.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lastLines, listFiles, mtimeMs } from './files.ts';
import {
  LAUNCHER_BUILD_DIR,
  LAUNCHER_JAR,
  LAUNCHER_LIB_DIR,
  LAUNCHER_POM,
  LAUNCHER_SOURCE_DIR,
  LAUNCHER_STAMP,
  REPO_ROOT,
} from './paths.ts';

export type LauncherBuild = { built: boolean; durationMs: number };

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
