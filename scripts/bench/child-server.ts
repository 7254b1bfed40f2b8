/**
 * A server under test in a process of its own (the app, app-process.ts; the HTTP floor,
 * floor-process.ts): the parent forks the server's module and sends it a start message; the child
 * answers with its URL once it listens, or with the error that stopped it, and closes on 'close'.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ChildServer {
  url: string;
  /** The child's process, to measure the CPU it spends. */
  pid: number;
  close(): Promise<void>;
}

const STARTUP_MS = 60_000;

/** Forks the module at `moduleUrl` (its `import.meta.url`), starts it with `message`, resolves once it listens. */
export async function startChildServer(
  moduleUrl: string,
  what: string,
  message: unknown,
): Promise<ChildServer> {
  const child = fork(fileURLToPath(moduleUrl), [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the ${what} process did not start in time`)),
      STARTUP_MS,
    );
    child.once('message', (reply: { url?: string; error?: string }) => {
      clearTimeout(timer);
      if (reply.url) resolve(reply.url);
      else reject(new Error(`the ${what} process failed to start: ${reply.error}`));
    });
    child.once('exit', (code) => reject(new Error(`the ${what} process exited with ${code}`)));
    child.send(message as object);
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

/**
 * The child's side, run from the server module when it is the process's entry point: `serve` starts
 * the server from the parent's message and gives its URL and how to close it.
 */
export function serveInChild<M>(
  moduleUrl: string,
  serve: (message: M) => Promise<{ url: string; close(): Promise<void> }>,
): void {
  const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl);
  if (!isMain || !process.send) return;
  process.once('message', async (message: M) => {
    try {
      const server = await serve(message);
      process.on('message', async (next) => {
        if (next !== 'close') return;
        await server.close();
        process.disconnect();
      });
      process.send?.({ url: server.url });
    } catch (error) {
      process.send?.({ error: error instanceof Error ? error.message : String(error) });
      process.exitCode = 1;
      process.disconnect();
    }
  });
}
