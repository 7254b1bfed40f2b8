/**
 * `npm run import -- popolo <file.json>`: writes `seeds/facts/imported-<name>.yaml` (SEEDS_DIR,
 * default `seeds/`) from a Popolo file, then checks the seeds as `npm run load` would. Problems are
 * listed by file and entry with exit code 2, and nothing is left written; load the seeds afterwards
 * with `npm run load`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedsDirFromEnv } from '../graph/config.ts';
import { formatProblem } from '../graph/seed/problems.ts';
import { importPopolo } from './import/popolo.ts';

const USAGE = `Usage:
  npm run import -- popolo <file.json>

Writes seeds/facts/imported-<name>.yaml from a Popolo file (persons, organizations, posts and
memberships as tenures). A source whose note quotes words found in a seed document becomes
evidence; any other source is kept as a citation, shown as "cited by URL, not quoted", and a
tenure resting on citations alone is never more than "possible". People, organisations, posts
and tenures the seeds already hold (the same id, else exactly one with the same name; a post:
the same title in the same organisation) are reused, not written again; a name that matches more
than one is refused. Importing the same file again writes nothing new.`;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [format, file, ...rest] = process.argv.slice(2);

if (format === '--help' || format === '-h') {
  console.log(USAGE);
} else if (format !== 'popolo' || !file || rest.length > 0) {
  console.error(format && format !== 'popolo' ? `Unknown import format '${format}'.\n\n${USAGE}` : USAGE);
  process.exitCode = 2;
} else {
  const result = importPopolo({ root, seedsDir: seedsDirFromEnv(process.env, root), file });
  if (!result.ok) {
    console.error(
      `Nothing imported: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}:\n` +
        result.problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
    process.exitCode = 2;
  } else {
    const c = result.counts;
    const created = `${c.organisations} organisations, ${c.people} people, ${c.posts} posts, ${c.tenures} tenures`;
    if (result.written) console.log(`Wrote ${result.written}, creating ${created}.`);
    else if (result.unchanged)
      console.log(`Nothing new: ${result.unchanged} already holds this import (${created}).`);
    else console.log('Nothing new: the seeds already hold every entry of the file.');
    if (result.reused.length > 0)
      console.log(
        `Reused ${result.reused.length} from the seeds: ${result.reused.map((r) => `${r.entry} as ${r.id} (by ${r.by})`).join(', ')}.`,
      );
    if (result.cited.length > 0)
      console.log(
        `${result.cited.length} of them rest on citations only (cited by URL, not quoted): ${result.cited.map((e) => e.id).join(', ')}.`,
      );
    if (result.written) console.log('Load them with `npm run load`.');
  }
}
