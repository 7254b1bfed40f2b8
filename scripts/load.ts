/**
 * `npm run load [-- --dry-run]`: validates the seeds (SEEDS_DIR, default `seeds/`) and loads them into Neo4j.
 * Exits non-zero with every problem listed when the seeds are not sound; the graph is then untouched.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { neo4jConfigFromEnv, seedsDirFromEnv } from '../graph/config.ts';
import { openGraph } from '../graph/driver.ts';
import { AppError } from '../graph/errors.ts';
import { applySchema } from '../graph/load/apply-schema.ts';
import { type LoadReport, loadPlan } from '../graph/load/load-plan.ts';
import { planCounts, prepareSeeds } from '../graph/seed/prepare.ts';
import { SeedValidationError } from '../graph/seed/problems.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dryRun = process.argv.includes('--dry-run');
const seedsDir = seedsDirFromEnv(process.env, root);

function table(title: string, rows: Record<string, number | string>): string {
  const width = Math.max(...Object.keys(rows).map((k) => k.length), 4);
  return [title, ...Object.entries(rows).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)].join('\n');
}

function describe(report: LoadReport): string {
  const fmt = (bucket: LoadReport['nodes']) =>
    Object.fromEntries(
      Object.entries(bucket)
        .sort()
        .map(([k, c]) => [
          k,
          `${c.created} created, ${c.updated} updated, ${c.deleted} deleted, ${c.unchanged} unchanged`,
        ]),
    );
  const t = report.totals;
  return [
    table('Nodes:', fmt(report.nodes)),
    table('Relationships:', fmt(report.relationships)),
    `Mode: ${report.mode}. Total: nodes ${t.nodes.created} created, ${t.nodes.updated} updated, ${t.nodes.deleted} deleted; ` +
      `relationships ${t.relationships.created} created, ${t.relationships.updated} updated, ${t.relationships.deleted} deleted ` +
      `(${report.durationMs} ms)`,
  ].join('\n');
}

function progressBar(done: number, total: number, step: string): void {
  if (!process.stdout.isTTY || total < 2000) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stdout.write(
    `\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${step.padEnd(30)}`,
  );
  if (done >= total) process.stdout.write('\n');
}

async function main(): Promise<number> {
  const started = performance.now();
  let prepared: ReturnType<typeof prepareSeeds>;
  try {
    prepared = prepareSeeds(root, seedsDir);
  } catch (error) {
    if (error instanceof SeedValidationError) {
      console.error(error.message);
      console.error('\nNothing was written: the graph is as it was.');
      return 1;
    }
    throw error;
  }
  const counts = planCounts(prepared.plan);
  const factCount = prepared.seeds.factsFiles.length;
  console.log(`Seeds: ${path.relative(root, seedsDir) || '.'}`);
  console.log(
    `Validated ${prepared.seeds.documents.length} documents and ${factCount} facts file${factCount === 1 ? '' : 's'} ` +
      `in ${Math.round(performance.now() - started)} ms: every quote is found in its document.`,
  );
  console.log(table('Planned nodes:', counts.nodes));
  console.log(table('Planned relationships:', counts.relationships));
  if (dryRun) {
    console.log('Dry run: nothing was written.');
    return 0;
  }
  const config = neo4jConfigFromEnv();
  const graph = openGraph(config);
  try {
    await applySchema(graph);
    const report = await loadPlan(graph, prepared.plan, { onProgress: progressBar });
    console.log(describe(report));
    return 0;
  } catch (error) {
    const message = error instanceof AppError ? `${error.code}: ${error.message}` : String(error);
    console.error(`Load failed; the graph served before it is still served: ${message}`);
    if (error instanceof AppError && error.code === 'DATABASE_UNAVAILABLE') {
      console.error(`Is Neo4j running at ${config.uri}? Start the project's own with 'npm run db:start'.`);
    }
    return 1;
  } finally {
    await graph.close();
  }
}

process.exitCode = await main();
