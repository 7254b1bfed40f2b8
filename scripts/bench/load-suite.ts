/**
 * `load`: the real seeds. Validate and plan them; load them into an empty graph; reload them with
 * no change (the diff alone); reload after one fact was edited in memory. Each step is repeated on
 * a freshly wiped graph.
 */
import type { Graph } from '../../graph/driver.ts';
import { type LoadReport, loadPlan } from '../../graph/load/load-plan.ts';
import { planGraph } from '../../graph/seed/plan.ts';
import { prepareSeeds } from '../../graph/seed/prepare.ts';
import type { SeedSet } from '../../graph/seed/read-seeds.ts';
import type { Say } from './neo4j-target.ts';
import { wipeData } from './neo4j-target.ts';
import { perSecond, round as roundTo } from './stats.ts';
import { type Timing, timed, timing } from './timing.ts';

export interface LoadSuiteResult {
  iterations: number;
  seeds: { documents: number; nodes: number; relationships: number };
  /** The first round after Neo4j started, not part of the statistics below. */
  cold: RoundTimes;
  prepare: Timing;
  firstLoad: Timing & { nodesPerSecond: number; relationshipsPerSecond: number };
  reloadUnchanged: Timing;
  reloadEdited: Timing & { edit: string; updated: { nodes: number; relationships: number } };
}

/** Changes the capacity of the first tenure: one node and its HELD and OF_POST relationships. */
export function editOneFact(seeds: SeedSet): { seeds: SeedSet; edit: string } {
  const copy = structuredClone(seeds);
  for (const file of copy.factsFiles) {
    const tenure = file.facts.tenures[0];
    if (tenure) {
      const before = tenure.capacity;
      tenure.capacity = before === 'acting' ? 'interim' : 'acting';
      return { seeds: copy, edit: `capacity of ${tenure.id}: ${before ?? '(none)'} → ${tenure.capacity}` };
    }
  }
  throw new Error('The seeds hold no tenure to edit');
}

function assertChanges(step: string, report: LoadReport, expected: 'none' | 'some'): void {
  const { nodes, relationships } = report.totals;
  const changes =
    nodes.created +
    nodes.updated +
    nodes.deleted +
    relationships.created +
    relationships.updated +
    relationships.deleted;
  if ((expected === 'none') !== (changes === 0)) {
    throw new Error(
      `${step}: expected ${expected === 'none' ? 'no change' : 'changes'}, the loader reported ${changes}`,
    );
  }
}

interface RoundTimes {
  prepareMs: number;
  firstLoadMs: number;
  reloadUnchangedMs: number;
  reloadEditedMs: number;
}

/** One round on a wiped graph: prepare, first load, unchanged reload, reload after the edit. */
async function oneRound(graph: Graph, root: string): Promise<{ times: RoundTimes; facts: RoundFacts }> {
  const prepared = await timed(() => prepareSeeds(root));
  const { seeds, plan } = prepared.value;
  // Planning the edited copy is not part of any timed step.
  const change = editOneFact(seeds);
  const editedPlan = planGraph(change.seeds);

  await wipeData(graph);
  const first = await timed(() => loadPlan(graph, plan));
  if (first.value.totals.nodes.created !== plan.nodes.length) {
    throw new Error(`first load: created ${first.value.totals.nodes.created} of ${plan.nodes.length} nodes`);
  }
  const unchanged = await timed(() => loadPlan(graph, plan));
  assertChanges('unchanged reload', unchanged.value, 'none');
  const afterEdit = await timed(() => loadPlan(graph, editedPlan));
  assertChanges('reload after an edit', afterEdit.value, 'some');
  return {
    times: {
      prepareMs: prepared.ms,
      firstLoadMs: first.ms,
      reloadUnchangedMs: unchanged.ms,
      reloadEditedMs: afterEdit.ms,
    },
    facts: {
      seeds: {
        documents: seeds.documents.length,
        nodes: plan.nodes.length,
        relationships: plan.relationships.length,
      },
      edit: change.edit,
      updated: {
        nodes: afterEdit.value.totals.nodes.updated,
        relationships: afterEdit.value.totals.relationships.updated,
      },
    },
  };
}

interface RoundFacts {
  seeds: LoadSuiteResult['seeds'];
  edit: string;
  updated: { nodes: number; relationships: number };
}

const describeRound = (t: RoundTimes) =>
  `prepare ${t.prepareMs.toFixed(0)} ms, first ${t.firstLoadMs.toFixed(0)} ms, unchanged ${t.reloadUnchangedMs.toFixed(0)} ms, edited ${t.reloadEditedMs.toFixed(0)} ms`;

/**
 * One cold round first (query plans not yet cached by Neo4j, code not yet optimised by V8),
 * reported apart; then `iterations` rounds for the statistics.
 */
export async function runLoadSuite(options: {
  graph: Graph;
  root: string;
  iterations: number;
  say: Say;
}): Promise<LoadSuiteResult> {
  const { graph, root, iterations, say } = options;
  const cold = await oneRound(graph, root);
  say(`  cold round: ${describeRound(cold.times)}`);
  const rounds: RoundTimes[] = [];
  let facts = cold.facts;
  for (let i = 1; i <= iterations; i++) {
    const round = await oneRound(graph, root);
    rounds.push(round.times);
    facts = round.facts;
    say(`  round ${i}/${iterations}: ${describeRound(round.times)}`);
  }
  const series = (key: keyof RoundTimes) => timing(rounds.map((r) => r[key]));
  const first = series('firstLoadMs');
  return {
    iterations,
    seeds: facts.seeds,
    cold: {
      prepareMs: roundTo(cold.times.prepareMs),
      firstLoadMs: roundTo(cold.times.firstLoadMs),
      reloadUnchangedMs: roundTo(cold.times.reloadUnchangedMs),
      reloadEditedMs: roundTo(cold.times.reloadEditedMs),
    },
    prepare: series('prepareMs'),
    firstLoad: {
      ...first,
      nodesPerSecond: roundTo(perSecond(facts.seeds.nodes, first.medianMs), 0),
      relationshipsPerSecond: roundTo(perSecond(facts.seeds.relationships, first.medianMs), 0),
    },
    reloadUnchanged: series('reloadUnchangedMs'),
    reloadEdited: { ...series('reloadEditedMs'), edit: facts.edit, updated: facts.updated },
  };
}
