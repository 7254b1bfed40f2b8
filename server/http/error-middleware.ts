import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorBody } from '../../graph/contract/api.ts';
import { AppError } from '../../graph/errors.ts';
import type { Logger } from '../logger.ts';

/** Unknown API paths get the uniform 404 body rather than Express's HTML page. */
export function apiNotFound(): RequestHandler {
  return (req, _res, next) => next(new AppError('NOT_FOUND', `No API endpoint ${req.method} ${req.path}`));
}

/** Sends every error as `{error:{code,message,details}}`; internal errors are logged, never echoed. */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (error && typeof error === 'object' && 'type' in error && error.type === 'entity.too.large') {
      appError = new AppError('TOO_LARGE', 'The request body is too large.');
    } else if (
      error &&
      typeof error === 'object' &&
      'type' in error &&
      error.type === 'entity.parse.failed'
    ) {
      appError = new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
    } else appError = new AppError('INTERNAL', 'An unexpected error occurred.', {}, { cause: error });
    if (appError.code === 'INTERNAL')
      logger.error(`${req.method} ${req.originalUrl} failed`, appError.cause ?? error);
    // Both "slow down" answers say when to come back; limits set it already, a database outage gets 1 s.
    if ((appError.status === 429 || appError.status === 503) && !res.headersSent && !res.get('Retry-After'))
      res.setHeader('Retry-After', String(appError.details.retryAfterSeconds ?? 1));
    const body: ErrorBody = {
      error: { code: appError.code, message: appError.message, details: appError.details },
    };
    if (res.headersSent) return;
    res.status(appError.status).json(body);
  };
}
