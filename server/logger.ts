/**
 * What the server says, as one JSON object a line, so a log shipper (or `jq`) can read it without
 * parsing prose. Tests pass the silent one; a test that wants to read the lines passes its own.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, cause?: unknown): void;
  /** One line per finished request: id, method, path, status, time, Neo4j time. */
  request?(entry: RequestLogEntry): void;
}

export interface RequestLogEntry {
  id: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  neo4jMs: number;
  neo4jSessions: number;
  client: string;
  /** True when the client went away before the answer was sent. */
  aborted: boolean;
}

/** A logger writing JSON lines through `write` (stdout by default). */
export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const emit = (level: string, msg: string, fields: Record<string, unknown> = {}) =>
    write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
  return {
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, cause) =>
      emit('error', message, {
        error:
          cause instanceof Error
            ? (cause.stack ?? cause.message)
            : cause === undefined
              ? undefined
              : String(cause),
      }),
    request: (entry) => emit('info', 'request', { ...entry }),
  };
}

export const consoleLogger: Logger = jsonLogger();

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
