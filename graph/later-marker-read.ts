import type { SwitchState } from './switch-guard.ts';

/**
 * Marker reads shared by the reads that need one (see switch-guard.ts, 4.): `next()` gives the
 * answer of a marker read begun after it was called. A read already under way may have begun
 * before, so it is never joined; a caller waits instead for the next one, which starts as soon as
 * the one under way ends, and which every caller meanwhile shares. With many reads in flight, one
 * marker read certifies a whole batch of them instead of one statement being run for each.
 *
 * One marker read that hangs (a connection lost without a word, a Neo4j just restarted) must not
 * hold every read in the app behind it: the next one starts when the one under way ends or when
 * `patienceMs` have passed, whichever comes first.
 */
export class LaterMarkerRead {
  readonly #read: () => Promise<SwitchState>;
  readonly #patienceMs: number;
  #underWay: Promise<SwitchState> | undefined;
  #queued: Promise<SwitchState> | undefined;

  constructor(read: () => Promise<SwitchState>, patienceMs = 250) {
    this.#read = read;
    this.#patienceMs = patienceMs;
  }

  next(): Promise<SwitchState> {
    if (this.#queued) return this.#queued;
    const underWay = this.#underWay;
    if (!underWay) return this.#start();
    const ready = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.#patienceMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      underWay.then(done, done);
    });
    const queued = ready.then(() => this.#startQueued());
    this.#queued = queued;
    return queued;
  }

  #startQueued(): Promise<SwitchState> {
    // From here a caller can no longer count on it having begun after them: the next one is theirs.
    this.#queued = undefined;
    return this.#start();
  }

  #start(): Promise<SwitchState> {
    const read = this.#read();
    this.#underWay = read;
    const settled = () => {
      if (this.#underWay === read) this.#underWay = undefined;
    };
    read.then(settled, settled);
    return read;
  }
}
