/**
 * Every error the app reports has one of these codes, and each code one HTTP status. The server
 * sends `{error:{code, message, details}}` with that status; the client reads the same codes.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  WRITE_NOT_ALLOWED: 400,
  FORBIDDEN_CLAUSE: 400,
  CYPHER_SYNTAX: 400,
  QUERY_TIMEOUT: 408,
  TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];
