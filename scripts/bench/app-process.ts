/**
 * The app under test in a process of its own, as it is deployed: its own event loop and its own
 * driver pool. Run in-process, the benchmark's HTTP client (fetch, its parsing and its timers) shares
 * the app's one JavaScript thread and is charged to the app, while the bare driver script it is
 * compared with carries no such client; measured that way, the app/bare ratio says as much about
 * the load generator as about the app.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Neo4jConfig } from '../../graph/config.ts';
import { openGraph } from '../../graph/driver.ts';
import { createApp } from '../../server/app.ts';
import type { ServerConfig } from '../../server/config.ts';
import { listenOnFreePort } from '../../server/listen.ts';
import { silentLogger } from '../../server/logger.ts';

interface StartMessage {
  neo4j: Neo4jConfig;
  server: ServerConfig;
}

export interface AppProcess {
  url: string;
  /** The app's process, to measure the CPU it spends. */
  pid: number;
  close(): Promise<void>;
}

const STARTUP_MS = 60_000;

/** Starts this module as a child process serving the app; resolves once it listens. */
export async function startAppProcess(message: StartMessage): Promise<AppProcess> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the app process did not start in time')), STARTUP_MS);
    child.once('message', (reply: { url?: string; error?: string }) => {
      clearTimeout(timer);
      if (reply.url) resolve(reply.url);
      else reject(new Error(`the app process failed to start: ${reply.error}`));
    });
    child.once('exit', (code) => reject(new Error(`the app process exited with ${code}`)));
    child.send(message);
  }).catch(async (error) => {
    child.kill();
    await exited;
    throw error;
  });
  return {
    url,
    pid: child.pid as number,
    async close() {
      if (child.connected) child.send('close');
      await exited;
    },
  };
}

async function serve(message: StartMessage): Promise<void> {
  const graph = openGraph(message.neo4j);
  const server = await listenOnFreePort(createApp({ graph, config: message.server, logger: silentLogger }));
  process.on('message', async (next) => {
    if (next !== 'close') return;
    await server.close();
    await graph.close();
    process.disconnect();
  });
  process.send?.({ url: server.url });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.send) {
  process.once('message', (message: StartMessage) => {
    serve(message).catch((error: unknown) => {
      process.send?.({ error: error instanceof Error ? error.message : String(error) });
      process.exitCode = 1;
      process.disconnect();
    });
  });
}
