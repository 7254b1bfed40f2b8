import { Neo4jError } from 'neo4j-driver';
import {
  type FirstLoad,
  LEASE_MS,
  type ReadStatements,
  readSwitch,
  readWasWhole,
  type SwitchState,
  servable,
} from './switch-guard.ts';

/**
 * A reader's licence to skip marker reads (switch-guard.ts, 4.): a marker read sent LEASE_MS before
 * `until` found the graph servable at `generation`, so a read whose statements were all answered
 * before `until` saw that generation whole.
 */
export interface Lease {
  generation: number;
  /** On the monotonic clock (ms). */
  until: number;
  /** On the wall clock (ms since the epoch). */
  untilWall: number;
}

/**
 * A lease is timed on two clocks because neither alone can be trusted with it: the monotonic clock
 * stops while the machine sleeps (a read begun before a laptop's lid closed would still look
 * quick after it opened), and the wall clock can be set back. It holds only while both say so.
 */
export interface LeaseClock {
  monotonic(): number;
  wall(): number;
}

export const systemClock: LeaseClock = { monotonic: () => performance.now(), wall: () => Date.now() };

export const leaseHolds = (lease: Lease, clock: LeaseClock) =>
  clock.monotonic() < lease.until && clock.wall() < lease.untilWall;

/**
 * `whole`: the read may be trusted. `firstLoad`: the marker said a first load was writing the graph
 * (or had stopped part-way). `lease`: a lease one of this read's marker reads granted, for the next
 * reads.
 */
export type FencedOutcome<T> = { whole: boolean; firstLoad?: FirstLoad; lease?: Lease } & (
  | { value: T }
  | { error: unknown }
);

/**
 * Runs `work` fenced against a load's switch (switch-guard.ts). With a lease still current, the
 * work runs alone, and if its last answer came before the lease ran out the read is whole with no
 * marker read at all. With a lease that has run out, the work goes first and a marker read after
 * it judges it as in 3.: whole if the marker is inactive with the lease's generation. Only a reader
 * that has never had a lease reads the marker before its work too (2.). Every marker read that
 * finds the graph servable grants a new lease; `renew` asks for one even while the lease holds.
 *
 * A work that throws on what it read (a node that a half-applied switch had retired, say) is judged
 * the same way: if the read was not whole the error is discarded and the read retried. An error of
 * Neo4j itself is passed on as is, with no marker read after it.
 */
export async function fencedWork<T>(
  statements: ReadStatements,
  work: (statements: ReadStatements) => Promise<T>,
  held?: Lease,
  { clock = systemClock, renew = false }: { clock?: LeaseClock; renew?: boolean } = {},
): Promise<FencedOutcome<T>> {
  let granted: Lease | undefined;
  const markerRead = async (): Promise<SwitchState> => {
    const sent = { monotonic: clock.monotonic(), wall: clock.wall() };
    const state = await readSwitch(statements);
    if (servable(state)) {
      granted = {
        generation: state.generation,
        until: sent.monotonic + LEASE_MS,
        untilWall: sent.wall + LEASE_MS,
      };
    }
    return state;
  };
  const first: SwitchState = held ? { generation: held.generation, active: false } : await markerRead();
  const lease = held && leaseHolds(held, clock) ? held : granted;
  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: await work(statements) };
  } catch (error) {
    if (error instanceof Neo4jError) throw error;
    outcome = { error };
  }
  const leased = lease !== undefined && leaseHolds(lease, clock);
  if (leased && !renew) return { whole: true, ...(granted ? { lease: granted } : {}), ...outcome };
  const last = await markerRead();
  const firstLoad = last.firstLoad ?? first.firstLoad;
  return {
    whole: leased || readWasWhole(first, last),
    ...(granted ? { lease: granted } : {}),
    ...(firstLoad ? { firstLoad } : {}),
    ...outcome,
  };
}
