import type { ManagedTransaction } from 'neo4j-driver';

/**
 * Neo4j reads are read-committed, not snapshots: while a large transaction is being applied, a
 * concurrent read can see part of it (measured: a reader counted 357 of 400 people during a
 * generation switch). So the switch is fenced by one marker node that every read checks before and
 * after its work, in the same transaction:
 *
 * 1. the loader commits `(:LoadSwitch).active = true` (with `until`, when the switch's own time
 *    limit runs out), then commits the switch, then commits `active = false` and, if the switch
 *    succeeded, `generation + 1`;
 * 2. a read that saw the marker inactive and unchanged before and after its work ran while no
 *    switch was being applied, so it saw the old graph or the new one whole; otherwise it retries.
 *
 * `until` makes a marker left by a killed loader harmless: its switch transaction was rolled back,
 * and readers stop waiting once the switch could no longer be running.
 */
export const SWITCH_LABEL = 'LoadSwitch';

export const READ_SWITCH = `
OPTIONAL MATCH (s:${SWITCH_LABEL})
RETURN coalesce(s.generation, 0) AS generation,
       coalesce(s.active AND s.until > timestamp(), false) AS active`;

export const BEGIN_SWITCH = `
MERGE (s:${SWITCH_LABEL})
ON CREATE SET s.generation = 0
SET s.active = true, s.until = timestamp() + $timeoutMs`;

export const END_SWITCH = `
MATCH (s:${SWITCH_LABEL})
SET s.active = false, s.generation = s.generation + CASE WHEN $switched THEN 1 ELSE 0 END`;

export interface SwitchState {
  generation: number;
  active: boolean;
}

export async function readSwitch(tx: ManagedTransaction): Promise<SwitchState> {
  const record = (await tx.run(READ_SWITCH)).records[0];
  return { generation: Number(record?.get('generation') ?? 0), active: record?.get('active') === true };
}

/** The read may be trusted: no switch was being applied at any moment while it ran. */
export const readWasWhole = (before: SwitchState, after: SwitchState) =>
  !before.active && !after.active && before.generation === after.generation;
