import { Neo4jError, type QueryResult } from 'neo4j-driver';

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
 *    (see fencedWork). That holds whether the statements share a transaction or each commits on its
 *    own: it rests only on the order in which they ran, and each is sent once the one before it
 *    has been answered.
 * 3. the read before the work may be left out when the reader already knows the generation from a
 *    marker read that finished before its own began: if the read after the work sees the
 *    marker inactive with that same generation, no switch can have been applied while the work ran
 *    (it would have been begun, visibly, before it was applied, and ended only by raising the
 *    generation). That saves one statement in Neo4j on every read, which on a small read is a
 *    third of Neo4j's work (measured by `npm run bench -- api-scale`).
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

/**
 * `firstLoad`: the marker said a first load was writing the graph, before or after the work.
 * `after`: the marker as the read after the work saw it, for the next reads to know (see 3.).
 */
export type FencedOutcome<T> = { whole: boolean; firstLoad?: FirstLoad; after?: SwitchState } & (
  | { value: T }
  | { error: unknown }
);

/**
 * What a read's work runs its statements on (graph/driver.ts): each is sent once the one before it
 * has been answered, so statements run in the order they were asked for. A managed transaction
 * fits it too.
 */
export interface ReadStatements {
  run(query: string, parameters?: object): Promise<QueryResult>;
}

/**
 * Runs `work` between two reads of the marker (or after one only, given the generation known
 * before; see 3. above). The statements go one after another on one connection, each sent once the
 * one before it has been answered, so the marker read first ran before all of the work and the last
 * one after all of it.
 *
 * A work that throws on what it read (a node that a half-applied switch had retired, say) is judged
 * the same way: if the read was not whole the error is discarded and the read retried. An error of
 * Neo4j itself is passed on as is, with no marker read after it.
 */
export async function fencedWork<T>(
  statements: ReadStatements,
  work: (statements: ReadStatements) => Promise<T>,
  /** The generation a marker read that finished before this read began saw, inactive. */
  knownGeneration?: number,
): Promise<FencedOutcome<T>> {
  const first: SwitchState =
    knownGeneration === undefined
      ? await readSwitch(statements)
      : { generation: knownGeneration, active: false };
  let outcome: { value: T } | { error: unknown };
  try {
    outcome = { value: await work(statements) };
  } catch (error) {
    if (error instanceof Neo4jError) throw error;
    outcome = { error };
  }
  const last = await readSwitch(statements);
  const firstLoad = last.firstLoad ?? first.firstLoad;
  return { whole: readWasWhole(first, last), after: last, ...(firstLoad ? { firstLoad } : {}), ...outcome };
}
