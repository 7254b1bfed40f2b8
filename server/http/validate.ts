import type { z } from 'zod';
import { AppError } from '../../graph/errors.ts';

/** Parses a query string or body with its schema; a mismatch is a 400 that says which field and why. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const message = first?.path
    ? `${first.path}: ${first.message}`
    : `Invalid ${what}: ${first?.message ?? 'bad input'}`;
  throw new AppError('BAD_REQUEST', message, { issues });
}
