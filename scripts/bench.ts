/**
 * `npm run bench -- [suite...] [--scale N] [--iterations N] [--out FILE] [--allow-wipe]`
 *
 * Measures the loader and the API on a real Neo4j and writes the figures to bench/results/ (JSON
 * for machines, Markdown for the README). Speed is measured here, never asserted by tests. The run
 * is bounded in time and always stops the bench instance it started, on error or Ctrl+C too.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applySchema } from '../graph/load/apply-schema.ts';
import { runApiScaleSuite } from './bench/api-scale-suite.ts';
import { runApiSuite } from './bench/api-suite.ts';
import { BenchArgsError, iterationsFor, parseBenchArgs, USAGE } from './bench/args.ts';
import { measureBundles } from './bench/bundle-sizes.ts';
import { runDrawSuite } from './bench/draw-suite.ts';
import { runLoadSuite } from './bench/load-suite.ts';
import { machineInfo } from './bench/machine.ts';
import { runNavSuite } from './bench/nav-suite.ts';
import { BenchSetupError, type BenchTarget, openBenchTarget } from './bench/neo4j-target.ts';
import { type BenchResults, renderMarkdown, writeResults } from './bench/report.ts';
import { runScaleSuite } from './bench/scale-suite.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * Far above a normal run (a few minutes); only a hung step reaches it. A large `--scale` gets a
 * minute more per thousand people: the million-relationship plan (scale 120,000) alone takes
 * minutes to generate, and each way of loading it tens of minutes on a busy 2-core machine.
 */
const timeLimitMs = (scale: number) => (45 + Math.ceil(scale / 1000)) * 60_000;

const say = (message: string) => console.log(message);
let target: BenchTarget | null = null;
let stopping = false;
let limit: NodeJS.Timeout | undefined;

/** Releases the database (stopping the bench instance) and exits; the first caller wins. */
async function shutdown(code: number, reason?: string): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (reason) console.error(reason);
    if (target) {
      say('Stopping the bench Neo4j…');
      await target
        .release()
        .catch((error: unknown) => console.error('Could not stop the bench Neo4j:', error));
    }
    process.exit(code);
  }
  // A second Ctrl+C while cleaning up: leave it to the first.
  return new Promise<never>(() => {});
}

async function main(argv: readonly string[]): Promise<void> {
  let args: ReturnType<typeof parseBenchArgs>;
  try {
    args = parseBenchArgs(argv);
  } catch (error) {
    if (error instanceof BenchArgsError) {
      console.error(`bench: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const limitMs = timeLimitMs(args.scale);
  limit = setTimeout(
    () => void shutdown(1, `bench: stopped after the time limit of ${limitMs / 60_000} minutes`),
    limitMs,
  );

  const started = performance.now();
  const date = new Date().toISOString();
  const machine = machineInfo();
  // The draw and bundle suites need no database.
  const needsNeo4j = args.suites.some((suite) => suite !== 'draw' && suite !== 'bundle');
  target = needsNeo4j ? await openBenchTarget({ allowWipe: args.allowWipe, say }) : null;
  if (target) await applySchema(target.graph);

  const results: BenchResults = {
    date,
    command: `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`,
    durationSeconds: 0,
    machine,
    neo4j: target
      ? { version: target.neo4jVersion, edition: target.neo4jEdition, target: target.kind }
      : undefined,
    suites: {},
  };
  const apiScaleOptions = (on: BenchTarget) => ({
    graph: on.graph,
    neo4j: on.config,
    neo4jPid: on.pid,
    root: ROOT,
    scale: args.scale,
    seconds: args.seconds,
    say,
  });
  for (const suite of args.suites) {
    if (suite === 'api-scale' && results.suites.apiScale) continue;
    say(`\n▸ ${suite}`);
    if (suite === 'draw') {
      results.suites.draw = await runDrawSuite({ root: ROOT, say });
      continue;
    }
    if (suite === 'bundle') {
      results.suites.bundle = await measureBundles(ROOT);
      continue;
    }
    if (!target) throw new Error(`the ${suite} suite needs Neo4j`);
    const on = target;
    const { graph } = on;
    if (suite === 'load') {
      results.suites.load = await runLoadSuite({
        graph,
        root: ROOT,
        iterations: iterationsFor(args, 'load'),
        say,
      });
    } else if (suite === 'scale') {
      // Named together, api-scale measures the graph the loader just loaded instead of loading its own.
      const apiScaleHere = args.suites.includes('api-scale');
      results.suites.scale = await runScaleSuite({
        graph,
        scale: args.scale,
        rounds: iterationsFor(args, 'scale'),
        importDir: target.importDir,
        say,
        onLoaded: apiScaleHere
          ? async () => {
              say('\n▸ api-scale (on the graph the loader loaded)');
              results.suites.apiScale = await runApiScaleSuite({ ...apiScaleOptions(on), loaded: true });
            }
          : undefined,
      });
    } else if (suite === 'nav') {
      results.suites.nav = await runNavSuite({ graph, root: ROOT, say });
    } else if (suite === 'api-scale') {
      if (!results.suites.apiScale) results.suites.apiScale = await runApiScaleSuite(apiScaleOptions(on));
    } else {
      results.suites.api = await runApiSuite({
        graph,
        root: ROOT,
        iterations: iterationsFor(args, 'api'),
        say,
      });
    }
  }
  results.durationSeconds = Math.round((performance.now() - started) / 1000);
  results.machine.loadAverage1mAtEnd = machineInfo().loadAverage1m;

  const written = await writeResults(path.resolve(ROOT, args.out), results);
  say(`\n${renderMarkdown(results)}`);
  const shown = (file: string) => (file.startsWith(ROOT) ? path.relative(ROOT, file) : file);
  say(`Wrote ${shown(written.json)} and ${shown(written.markdown)}.`);
}

process.once('SIGINT', () => void shutdown(130, '\nInterrupted.'));
process.once('SIGTERM', () => void shutdown(143, '\nTerminated.'));
try {
  await main(process.argv.slice(2));
  clearTimeout(limit);
  await shutdown(0);
} catch (error) {
  // A refusal the user can act on needs no stack trace; anything else does.
  const detail =
    error instanceof BenchSetupError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  await shutdown(1, `bench failed: ${detail}`);
}
