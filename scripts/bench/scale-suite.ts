/**
 * `scale`: a synthetic plan of `scale` people, loaded side by side on the same Neo4j:
 *
 * 1. the project's loader into an empty graph, then reloaded unchanged, then reloaded after a
 *    one-fact edit, then checked (counts per label and type equal the plan's; a sample of
 *    relationships carries the plan's evidence);
 * 2. Neo4j's `LOAD CSV … CALL { … } IN TRANSACTIONS OF 10000 ROWS` from CSV files of the same plan
 *    (only where the bench instance allows file import);
 * 3. a naive script that MERGEs one row per transaction, on a sample, scaled to the plan.
 *
 * The first two alternate for `rounds` rounds (loader, LOAD CSV, loader, LOAD CSV, …) and each is
 * reported by its median, so a change in the machine's load during the run falls on both alike; the
 * reloads, the check and `onLoaded` (another suite measuring on the loaded graph) run in the first
 * round only.
 *
 * Each step's failure (say, a limit of Neo4j's) is recorded as a result, not hidden.
 */
import type { Graph } from '../../graph/driver.ts';
import { type LoadReport, loadPlan } from '../../graph/load/load-plan.ts';
import { type GraphPlan, hashProperties, type Properties } from '../../graph/seed/plan.ts';
import { planCounts } from '../../graph/seed/prepare.ts';
import { runCsvImport, writePlanCsv } from './csv-import.ts';
import { type NaiveResult, naiveSample, runNaive } from './naive-load.ts';
import { type Say, wipeData } from './neo4j-target.ts';
import { perSecond, round } from './stats.ts';
import {
  type SyntheticPlanStats,
  sharedSyntheticPlan,
  syntheticPlan,
  syntheticPlanStats,
} from './synthetic-plan.ts';
import { timed } from './timing.ts';

const NAIVE_SAMPLE = 1_000;
/**
 * Neo4j runs its first queries after a start far slower (plans compiled, the JVM's JIT cold): the
 * loader's first load at scale 4,000 took 23 s on a fresh instance and 5 s warm. The loader used to
 * run first and LOAD CSV after it, warmed by the loader's work; both ways now load a small plan of
 * the same shape once, not timed, before either is measured.
 */
const WARM_UP_SCALE = 1_000;
const EVIDENCE_SAMPLE = 1_000;

interface Throughput {
  /** The median run's time. */
  ms: number;
  relationshipsPerSecond: number;
  itemsPerSecond: number;
  /** Every run's time, in the order run. */
  runsMs: number[];
}

export interface ScaleSuiteResult {
  plan: SyntheticPlanStats & { totalNodes: number; totalRelationships: number; generateMs: number };
  loader?: {
    firstLoad: Throughput & { mode: string; phases: LoadReport['phases'] };
    reloadUnchanged?: { ms: number; mode: string; phases: LoadReport['phases'] };
    reloadOneFact?: { ms: number; mode: string; updated: number; unchanged: number };
    check?: { countsEqualPlan: boolean; sampledRelationships: number; evidenceMismatches: number };
  };
  loadCsv?: Throughput & { writeCsvMs: number; files: number };
  naive?: NaiveResult & { estimatedRelationshipsPerSecond: number };
  /** How many times faster the loader's first load was than each other way. */
  ratios?: { loadCsvOverLoader?: number; naiveOverLoader?: number };
  /** Both ways loaded a small plan once before the timed runs (see WARM_UP_SCALE). */
  warmUp?: { scale: number; ms: number };
  errors: Record<string, string>;
}

const describeError = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

function throughput(runsMs: number[], plan: GraphPlan): Throughput {
  const ms = medianOf(runsMs);
  return {
    ms: round(ms),
    runsMs: runsMs.map((run) => round(run)),
    relationshipsPerSecond: round(perSecond(plan.relationships.length, ms), 0),
    itemsPerSecond: round(perSecond(plan.nodes.length + plan.relationships.length, ms), 0),
  };
}

/** The plan with one fact changed: the capacity of one HELD relationship. */
function oneFactEdited(plan: GraphPlan): GraphPlan {
  const target = plan.relationships.find((r) => r.type === 'HELD');
  if (!target) throw new Error('the synthetic plan has no HELD relationship');
  const properties: Properties = {
    ...target.properties,
    capacity: target.properties.capacity === 'acting' ? 'interim' : 'acting',
  };
  delete properties.seedHash;
  properties.seedHash = hashProperties(properties);
  return {
    nodes: plan.nodes,
    relationships: plan.relationships.map((r) => (r === target ? { ...r, properties } : r)),
  };
}

async function checkLoaded(graph: Graph, plan: GraphPlan) {
  const expected = planCounts(plan);
  const step = Math.max(1, Math.floor(plan.relationships.length / EVIDENCE_SAMPLE));
  const sample = plan.relationships.filter((_, i) => i % step === 0);
  return graph.read(async (tx) => {
    const nodes = await tx.run(
      'MATCH (n) WHERE NOT n:LoadSwitch RETURN labels(n)[0] AS label, count(*) AS count',
    );
    const rels = await tx.run('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count');
    const actual = {
      nodes: Object.fromEntries(nodes.records.map((r) => [r.get('label'), Number(r.get('count'))])),
      relationships: Object.fromEntries(rels.records.map((r) => [r.get('type'), Number(r.get('count'))])),
    };
    const found = await tx.run(
      `UNWIND $rows AS row
       MATCH (a)-[r {id: row.id}]->(b)
       WHERE a.id = row.source AND b.id = row.target
         AND r.evidenceDocumentIds = row.documents AND r.evidenceQuotes = row.quotes
         AND size(r.evidenceQuotes) > 0
         AND all(d IN r.evidenceDocumentIds WHERE EXISTS { (:Document {id: d}) })
       RETURN count(r) AS ok`,
      {
        rows: sample.map((r) => ({
          id: r.id,
          source: r.source,
          target: r.target,
          documents: r.properties.evidenceDocumentIds ?? [],
          quotes: r.properties.evidenceQuotes ?? [],
        })),
      },
    );
    return {
      countsEqualPlan: JSON.stringify(sortKeys(actual)) === JSON.stringify(sortKeys(expected)),
      sampledRelationships: sample.length,
      evidenceMismatches: sample.length - Number(found.records[0]?.get('ok') ?? 0),
    };
  });
}

function sortKeys(counts: { nodes: Record<string, number>; relationships: Record<string, number> }) {
  const sorted = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort());
  return { nodes: sorted(counts.nodes), relationships: sorted(counts.relationships) };
}

async function warmUp(graph: Graph, importDir: string | undefined): Promise<void> {
  const small = syntheticPlan(WARM_UP_SCALE);
  await wipeData(graph);
  await loadPlan(graph, small);
  if (importDir) {
    await wipeData(graph);
    await runCsvImport(graph, await writePlanCsv(small, importDir));
  }
  await wipeData(graph);
}

/** The middle value (the lower middle of an even count): a time that was measured, not averaged. */
function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

export async function runScaleSuite(options: {
  graph: Graph;
  scale: number;
  /** Rounds of loader and LOAD CSV, alternating; see the note at the top. */
  rounds: number;
  /** Runs on the loader's graph after the first round's reloads and check, before it is wiped. */
  onLoaded?: () => Promise<void>;
  /** The bench instance's LOAD CSV folder; absent when file import is not allowed. */
  importDir?: string;
  say: Say;
}): Promise<ScaleSuiteResult> {
  const { graph, scale, say } = options;
  const generated = await timed(() => sharedSyntheticPlan(scale));
  const plan = generated.value;
  const stats = syntheticPlanStats(scale, plan);
  const result: ScaleSuiteResult = {
    plan: {
      ...stats,
      totalNodes: plan.nodes.length,
      totalRelationships: plan.relationships.length,
      generateMs: round(generated.ms),
    },
    errors: {},
  };
  say(
    `  synthetic plan: ${plan.nodes.length} nodes, ${plan.relationships.length} relationships, ${(stats.propertyBytes / 1e6).toFixed(1)} MB of properties (${generated.ms.toFixed(0)} ms)`,
  );

  try {
    const warm = await timed(() => warmUp(graph, options.importDir));
    result.warmUp = { scale: WARM_UP_SCALE, ms: round(warm.ms) };
    say(
      `  warm-up (loader and LOAD CSV on ${WARM_UP_SCALE} people, not timed): ${(warm.ms / 1000).toFixed(1)} s`,
    );
  } catch (error) {
    result.errors.warmUp = describeError(error);
  }

  const loaderRuns: { ms: number; report: LoadReport }[] = [];
  const csvRuns: number[] = [];
  let csvStatements: Awaited<ReturnType<typeof writePlanCsv>> | undefined;
  let csvWriteMs = 0;
  for (let round = 1; round <= options.rounds; round++) {
    const label = options.rounds > 1 ? ` (round ${round} of ${options.rounds})` : '';
    if (!result.errors.loader) {
      try {
        await wipeData(graph);
        const first = await timed(() => loadPlan(graph, plan));
        loaderRuns.push({ ms: first.ms, report: first.value });
        say(
          `  loader, first load${label}: ${(first.ms / 1000).toFixed(1)} s (${first.value.mode}; ${JSON.stringify(first.value.phases)})`,
        );
        if (round === 1) await afterFirstLoad();
      } catch (error) {
        result.errors.loader = describeError(error);
        say(`  loader failed: ${result.errors.loader}`);
      }
    }
    if (!options.importDir) {
      result.errors.loadCsv = 'skipped: the target does not allow LOAD CSV from files';
    } else if (!result.errors.loadCsv) {
      try {
        await wipeData(graph);
        if (!csvStatements) {
          const written = await timed(() => writePlanCsv(plan, options.importDir as string));
          csvStatements = written.value;
          csvWriteMs = written.ms;
        }
        const statements = csvStatements;
        const imported = await timed(() => runCsvImport(graph, statements));
        csvRuns.push(imported.ms);
        say(`  LOAD CSV${label}: ${(imported.ms / 1000).toFixed(1)} s`);
      } catch (error) {
        result.errors.loadCsv = describeError(error);
        say(`  LOAD CSV failed: ${result.errors.loadCsv}`);
      }
    }
  }
  const median = loaderRuns.find((run) => run.ms === medianOf(loaderRuns.map((r) => r.ms)));
  if (median && result.loader) {
    result.loader.firstLoad = {
      ...throughput(
        loaderRuns.map((run) => run.ms),
        plan,
      ),
      mode: median.report.mode,
      phases: median.report.phases,
    };
  }
  if (csvRuns.length > 0 && csvStatements) {
    result.loadCsv = {
      ...throughput(csvRuns, plan),
      writeCsvMs: round(csvWriteMs),
      files: csvStatements.length,
    };
  }

  /** The first round's reloads and check, and whatever else measures the loaded graph. */
  async function afterFirstLoad(): Promise<void> {
    const first = loaderRuns[0] as { ms: number; report: LoadReport };
    result.loader = {
      firstLoad: { ...throughput([first.ms], plan), mode: first.report.mode, phases: first.report.phases },
    };
    const again = await timed(() => loadPlan(graph, plan));
    result.loader.reloadUnchanged = {
      ms: round(again.ms),
      mode: again.value.mode,
      phases: again.value.phases,
    };
    say(`  loader, unchanged reload: ${(again.ms / 1000).toFixed(1)} s (${again.value.mode})`);
    const edited = await timed(() => loadPlan(graph, oneFactEdited(plan)));
    const t = edited.value.totals;
    result.loader.reloadOneFact = {
      ms: round(edited.ms),
      mode: edited.value.mode,
      updated: t.nodes.updated + t.relationships.updated + t.nodes.created + t.relationships.created,
      unchanged: t.nodes.unchanged + t.relationships.unchanged,
    };
    say(
      `  loader, one-fact edit: ${(edited.ms / 1000).toFixed(1)} s (${edited.value.mode}, ${result.loader.reloadOneFact.updated} written)`,
    );
    result.loader.check = await checkLoaded(graph, oneFactEdited(plan));
    say(`  check: ${JSON.stringify(result.loader.check)}`);
    if (options.onLoaded) {
      // Back to the plan itself, so the other suite measures exactly the synthetic graph.
      await loadPlan(graph, plan);
      await options.onLoaded();
    }
  }

  try {
    await wipeData(graph);
    const naive = await runNaive(graph, plan, naiveSample(plan, NAIVE_SAMPLE));
    result.naive = {
      ...naive,
      estimatedRelationshipsPerSecond: round(perSecond(plan.relationships.length, naive.estimatedFullMs), 0),
    };
    say(`  naive (sample, scaled): ${(naive.estimatedFullMs / 1000).toFixed(0)} s estimated`);
  } catch (error) {
    result.errors.naive = describeError(error);
  } finally {
    await wipeData(graph);
  }

  const loaderMs = result.loader?.firstLoad.ms;
  if (loaderMs) {
    result.ratios = {
      loadCsvOverLoader: result.loadCsv ? round(result.loadCsv.ms / loaderMs, 2) : undefined,
      naiveOverLoader: result.naive ? round(result.naive.estimatedFullMs / loaderMs, 1) : undefined,
    };
  }
  return result;
}
