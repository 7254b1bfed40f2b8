import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RunningApp {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the app on a free loopback port, for the tests, the export CLI and the benchmarks,
 * which run it in-process. `close` also ends kept-alive connections so it returns at once.
 */
export async function listenOnFreePort(app: Express): Promise<RunningApp> {
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Stops a server the way SIGTERM should: no new connections, in-flight requests answered, idle
 * kept-alive connections closed, and after `timeoutMs` whatever is left is cut. Resolves `clean` when
 * every request finished in time, `forced` when some had to be cut.
 */
export function closeGracefully(server: Server, timeoutMs: number): Promise<'clean' | 'forced'> {
  return new Promise((resolve) => {
    let outcome: 'clean' | 'forced' = 'clean';
    // Connections that finish their request while we wait must not sit idle until the deadline.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      outcome = 'forced';
      server.closeAllConnections();
    }, timeoutMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve(outcome);
    });
    server.closeIdleConnections();
  });
}
