import type { NextFunction, RequestHandler, Response } from 'express';
import { AppError } from '../../graph/errors.ts';

interface Waiter {
  grant: (release: () => void) => void;
  refuse: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
}

export function busy(): AppError {
  return new AppError('DATABASE_UNAVAILABLE', 'The server is busy; try again in a moment.', {
    reason: 'busy',
    retryAfterSeconds: 1,
  });
}

/**
 * A counting semaphore whose queue is served round-robin by client: when a permit frees, the client
 * that has waited longest without one goes next, so one client with many requests queued cannot keep
 * the others waiting behind all of them.
 */
export class FairGate {
  readonly #capacity: number;
  readonly #maxQueuedPerClient: number;
  #active = 0;
  // A Map iterates in insertion order; a client is moved to the end each time it is served.
  readonly #queues = new Map<string, Waiter[]>();

  constructor(capacity: number, maxQueuedPerClient = 256) {
    this.#capacity = capacity;
    this.#maxQueuedPerClient = maxQueuedPerClient;
  }

  get active(): number {
    return this.#active;
  }

  get waiting(): number {
    let count = 0;
    for (const queue of this.#queues.values()) count += queue.length;
    return count;
  }

  /** A permit at once if one is free and nobody waits for one (their turn comes first), else undefined. */
  tryAcquire(): (() => void) | undefined {
    if (this.#active >= this.#capacity || this.#queues.size > 0) return undefined;
    this.#active += 1;
    return this.#releaser();
  }

  /** Resolves with a release function once a permit is free; refuses with `busy()` after `waitMs`. */
  acquire(client: string, waitMs: number, signal?: AbortSignal): Promise<() => void> {
    const free = this.tryAcquire();
    if (free) return Promise.resolve(free);
    const queue = this.#queues.get(client) ?? [];
    if (queue.length >= this.#maxQueuedPerClient) return Promise.reject(busy());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        refuse: reject,
        timer: setTimeout(() => this.#drop(client, waiter, busy()), waitMs),
      };
      signal?.addEventListener('abort', () => this.#drop(client, waiter, busy()), { once: true });
      queue.push(waiter);
      this.#queues.set(client, queue);
    });
  }

  #drop(client: string, waiter: Waiter, error: Error): void {
    const queue = this.#queues.get(client);
    const at = queue?.indexOf(waiter) ?? -1;
    if (!queue || at < 0) return;
    queue.splice(at, 1);
    if (queue.length === 0) this.#queues.delete(client);
    clearTimeout(waiter.timer);
    waiter.refuse(error);
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active -= 1;
      this.#next();
    };
  }

  #next(): void {
    while (this.#active < this.#capacity) {
      const first = this.#queues.entries().next();
      if (first.done) return;
      const [client, queue] = first.value;
      const waiter = queue.shift();
      this.#queues.delete(client);
      if (queue.length > 0) this.#queues.set(client, queue);
      if (!waiter) continue;
      clearTimeout(waiter.timer);
      this.#active += 1;
      waiter.grant(this.#releaser());
    }
  }
}

/**
 * Holds a permit of the server-wide gate for the whole of each request that may use Neo4j (each
 * holds at most one session at a time), released when the response closes. A request that waits
 * past `waitMs` is answered 503 with `Retry-After`, the same as a database that is away.
 *
 * A request that finds a permit free takes it without waiting, so it pays for no abort signal, no
 * listeners beyond the release and no promise: that is every request while the server keeps up.
 */
export function neo4jGate(gate: FairGate, waitMs: number): RequestHandler {
  return async (req, res, next) => {
    const free = gate.tryAcquire();
    if (free) return holdUntilClosed(res, free, next);
    const aborted = new AbortController();
    const onClose = () => aborted.abort();
    res.once('close', onClose);
    let release: () => void;
    try {
      release = await gate.acquire(req.ip ?? '', waitMs, aborted.signal);
    } catch (error) {
      res.setHeader('Retry-After', '1');
      throw error;
    } finally {
      res.off('close', onClose);
    }
    holdUntilClosed(res, release, next);
  };
}

/** Keeps the permit until the response closes; a client gone already gets no answer and frees it now. */
function holdUntilClosed(res: Response, release: () => void, next: NextFunction): void {
  if (res.destroyed || res.writableEnded) {
    release();
    return;
  }
  res.once('close', release);
  next();
}
