// When a started launcher is ready: its READY line in the log, then a driver that logs in.
import { readFile } from 'node:fs/promises';
import neo4j, { Neo4jError } from 'neo4j-driver';
import { logTail, sleep } from './files.ts';
import { instanceLogPath } from './paths.ts';
import { isLauncherAlive, type PidFile } from './process.ts';
import { NEO4J_LOCAL_USER } from './settings.ts';

const POLL_INTERVAL_MS = 500;

/**
 * Waits for the launcher's READY line (Bolt opens before the password is set, so an early
 * "unauthorized" means "not yet"), then confirms with neo4j-driver that Bolt accepts the password.
 * Fails early, with the end of the log, if the launcher exits.
 */
export async function waitForReady(args: {
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
