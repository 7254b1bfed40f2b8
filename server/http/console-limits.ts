import type { RequestHandler } from 'express';
import { AppError } from '../../graph/errors.ts';
import type { LimitsConfig } from '../config.ts';

interface Bucket {
  tokens: number;
  updated: number;
  running: number;
}

// Beyond this many clients, idle ones (full bucket, nothing running) are forgotten.
const MAX_TRACKED_CLIENTS = 10_000;

function tooMany(retryAfterSeconds: number, message: string): AppError {
  return new AppError('TOO_MANY_REQUESTS', message, { retryAfterSeconds });
}

/**
 * Per-client limits of the Cypher console: at most `consoleConcurrentPerClient` queries running at
 * once, and a token bucket of `consoleBurst` refilled at `consoleRatePerMinute`. Over either, the
 * answer is 429 with `Retry-After`. Clients are told apart by address (`req.ip`, which honours
 * TRUST_PROXY), so behind a proxy the limits apply per person, not to the proxy.
 */
export function consoleLimits(limits: LimitsConfig, now: () => number = Date.now): RequestHandler {
  const buckets = new Map<string, Bucket>();
  const perMs = limits.consoleRatePerMinute / 60_000;

  function bucketOf(client: string, at: number): Bucket {
    let bucket = buckets.get(client);
    if (!bucket) {
      if (buckets.size >= MAX_TRACKED_CLIENTS) forgetIdle(at);
      bucket = { tokens: limits.consoleBurst, updated: at, running: 0 };
      buckets.set(client, bucket);
    }
    bucket.tokens = Math.min(limits.consoleBurst, bucket.tokens + (at - bucket.updated) * perMs);
    bucket.updated = at;
    return bucket;
  }

  function forgetIdle(at: number): void {
    for (const [client, bucket] of buckets) {
      const refilled = bucket.tokens + (at - bucket.updated) * perMs >= limits.consoleBurst;
      if (bucket.running === 0 && refilled) buckets.delete(client);
    }
  }

  return (req, res, next) => {
    const at = now();
    const bucket = bucketOf(req.ip ?? '', at);
    if (bucket.running >= limits.consoleConcurrentPerClient) {
      res.setHeader('Retry-After', '1');
      throw tooMany(1, `You already have ${bucket.running} console queries running; wait for one to finish.`);
    }
    if (bucket.tokens < 1) {
      const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      res.setHeader('Retry-After', String(seconds));
      throw tooMany(
        seconds,
        `Too many console queries: at most ${limits.consoleRatePerMinute} a minute. Try again in ${seconds} s.`,
      );
    }
    bucket.tokens -= 1;
    bucket.running += 1;
    res.once('close', () => {
      bucket.running -= 1;
    });
    next();
  };
}
