/** The little the server needs to say; tests pass a silent one. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, cause?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(message),
  error: (message, cause) => console.error(message, cause instanceof Error ? cause.stack : (cause ?? '')),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
