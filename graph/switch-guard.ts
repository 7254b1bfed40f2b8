import type { QueryResult } from 'neo4j-driver';

/**
 * Neo4j reads are read-committed, not snapshots: while a large transaction is being applied, a
 * concurrent read can see part of it (measured: a reader counted 357 of 400 people during a
 * generation switch). So the switch is fenced by one marker node that every read checks before and
 * after its work, on the same connection, with the work's statements between them in turn:
 *
 * 1. the loader commits `(:LoadSwitch).active = true` (with `until`, when the switch's own time
 *    limit runs out), then commits the switch, then commits `active = false` and, if the switch
 *    succeeded, `generation + 1`;
 * 2. a read that saw the marker inactive and unchanged before and after its work ran while no
 *    switch was being applied, so it saw the old graph or the new one whole; otherwise it retries
 *    (fenced-read.ts). That holds whether the statements share a transaction or each commits on its
 *    own: it rests only on the order in which they ran, and each is sent once the one before it
 *    has been answered.
 * 3. the read before the work may be left out when the reader already knows the generation from a
 *    marker read that finished before its own began: if the read after the work sees the
 *    marker inactive with that same generation, no switch can have been applied while the work ran
 *    (it would have been begun, visibly, before it was applied, and ended only by raising the
 *    generation).
 * 4. a load that has marked a switch or a first load begun waits SWITCH_GRACE_MS before it changes
 *    the graph. So a reader that sent a marker read at time t and found it at rest (no switch, no
 *    first load) knows that nothing a load writes can become visible before t + SWITCH_GRACE_MS:
 *    the load marked itself after that read ran, and then waited. A read whose statements were all
 *    answered before then needs no marker read of its own, before or after its work: it holds a
 *    lease (fenced-read.ts), and one marker read every second or so serves every read in between
 *    instead of one each. On a small read the marker read is as much of Neo4j's work as the read
 *    itself (measured by `npm run bench -- api-scale`). The lease is measured on the reader's
 *    clock and the wait on the loader's, so the lease is kept well short of the wait (LEASE_MS).
 *
 * `until` makes a marker left by a killed loader harmless: its switch transaction was rolled back,
 * and readers stop waiting once the switch could no longer be running.
 *
 * `version` is a fresh random token at every change of the marker (each begin and end of a switch,
 * of an in-place edit, of a first load). A reader that saw the marker at rest (neither active nor
 * editing) with version V before its work knows the graph it read is the one every later reader sees
 * for as long as the marker still says V: any write that could change it begins by replacing V, and
 * ends by replacing it again once its data has committed. So an answer worked out from
 * the whole graph may be kept under V and served again while V stands (server/opening/). A marker
 * that is missing (an emptied database) or has no version yet gives null: nothing is kept under it.
 *
 * A first load into an empty graph has nothing to switch: it writes straight under the domain
 * labels (see first-load.ts) with the marker's `firstLoad` set from its first batch to its last.
 * Readers refuse at once while it is set (there is no whole graph to wait for), and a killed first
 * load leaves it set, so its part-written graph is never served; its `until` is a lease the loader
 * renews while it runs, by which the next load tells a killed first load from a running one.
 */
export const SWITCH_LABEL = 'LoadSwitch';

export const READ_SWITCH = `
OPTIONAL MATCH (s:${SWITCH_LABEL})
RETURN coalesce(s.generation, 0) AS generation,
       coalesce(s.active AND s.until > timestamp(), false) AS active,
       s.version AS version,
       coalesce(s.editUntil > timestamp(), false) AS editing,
       CASE WHEN coalesce(s.firstLoad, false) THEN
         CASE WHEN s.until > timestamp() THEN 'running' ELSE 'stopped' END
       END AS firstLoad`;

export const BEGIN_SWITCH = `
MERGE (s:${SWITCH_LABEL})
ON CREATE SET s.generation = 0
SET s.active = true, s.until = timestamp() + $timeoutMs, s.version = randomUUID()`;

export const END_SWITCH = `
MATCH (s:${SWITCH_LABEL})
SET s.active = false, s.generation = s.generation + CASE WHEN $switched THEN 1 ELSE 0 END,
    s.version = randomUUID()`;

/**
 * An in-place edit (one transaction straight onto the served graph) does not hold readers off; it
 * marks itself on the marker only so that an answer worked out while it runs is not kept: `editUntil`
 * (its transaction's time limit, after which a killed loader's edit can no longer be running) and a
 * new version, before it writes and again after.
 */
export const BEGIN_EDIT = `
MERGE (s:${SWITCH_LABEL})
ON CREATE SET s.generation = 0
SET s.editUntil = timestamp() + $timeoutMs, s.version = randomUUID()`;

export const END_EDIT = `
MATCH (s:${SWITCH_LABEL})
SET s.editUntil = null, s.version = randomUUID()`;

/**
 * Gives a version to a graph loaded before markers had one (no marker at all, or one without a
 * version), so answers can be kept from then on. Only an unchanged load runs it: every other load
 * replaces the version anyway. A first version changes no data, and no answer was kept under none;
 * a new marker says what a missing one did (generation 0, nothing running).
 */
export const GIVE_VERSION = `
MERGE (s:${SWITCH_LABEL})
ON CREATE SET s.generation = 0
WITH s WHERE s.version IS NULL
SET s.version = randomUUID()`;

/** Sets `firstLoad` unless another load holds the marker; `begun` says whether it did. */
export const BEGIN_FIRST_LOAD = `
MERGE (s:${SWITCH_LABEL})
ON CREATE SET s.generation = 0
WITH s, coalesce(s.active AND s.until > timestamp(), false) AS busy
FOREACH (_ IN CASE WHEN busy THEN [] ELSE [1] END |
  SET s.active = true, s.firstLoad = true, s.until = timestamp() + $leaseMs, s.version = randomUUID())
RETURN NOT busy AS begun`;

export const RENEW_FIRST_LOAD = `
MATCH (s:${SWITCH_LABEL}) WHERE s.firstLoad
SET s.until = timestamp() + $leaseMs`;

export const END_FIRST_LOAD = `
MATCH (s:${SWITCH_LABEL})
SET s.active = false, s.firstLoad = false,
    s.generation = s.generation + CASE WHEN $loaded THEN 1 ELSE 0 END, s.version = randomUUID()`;

/** A first load in progress (its lease current) or stopped part-way (its lease run out). */
export type FirstLoad = 'running' | 'stopped';

export interface SwitchState {
  generation: number;
  active: boolean;
  /** The marker's current token (see above); null when there is none. */
  version?: string | null;
  /** An in-place edit is being written (see BEGIN_EDIT). */
  editing?: boolean;
  firstLoad?: FirstLoad;
}

export async function readSwitch(tx: ReadStatements): Promise<SwitchState> {
  const record = (await tx.run(READ_SWITCH)).records[0];
  const firstLoad = record?.get('firstLoad') as FirstLoad | null | undefined;
  const version = record?.get('version');
  return {
    generation: Number(record?.get('generation') ?? 0),
    active: record?.get('active') === true,
    version: typeof version === 'string' ? version : null,
    editing: record?.get('editing') === true,
    ...(firstLoad ? { firstLoad } : {}),
  };
}

/** The read may be trusted: no switch was being applied at any moment while it ran. */
export const readWasWhole = (before: SwitchState, after: SwitchState) =>
  !before.active && !after.active && before.generation === after.generation;

/** How long a load waits, after marking a switch or a first load begun, before it changes the graph (4. above). */
export const SWITCH_GRACE_MS = 2_000;

/** What a load does after marking a switch or a first load begun, before it changes the graph (4. above). */
export const waitOutReadLeases = () => new Promise((resolve) => setTimeout(resolve, SWITCH_GRACE_MS));

/** How long after sending a marker read that found it at rest a reader may trust it (4. above). */
export const LEASE_MS = 1_500;

/** The marker says the graph may be served: no switch being applied, no first load (running or stopped). */
export const servable = (state: SwitchState) => !state.active && state.firstLoad === undefined;

/**
 * What a read's work runs its statements on (graph/driver.ts): each is sent once the one before it
 * has been answered, so statements run in the order they were asked for. A managed transaction
 * fits it too.
 */
export interface ReadStatements {
  run(query: string, parameters?: object): Promise<QueryResult>;
}
