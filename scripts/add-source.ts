/**
 * `npm run add-source -- --text <file> --title … --published <date>`: writes a new document into the
 * seeds folder (SEEDS_DIR, default seeds/) after the loader's own checks, and prints the attestations
 * its text suggests. It does not touch the graph: `npm run load` (or the running app's next write) does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedsDirFromEnv } from '../graph/config.ts';
import type { SourceMetaInput } from '../graph/contract/sources.ts';
import { AppError } from '../graph/errors.ts';
import { SeedValidationError } from '../graph/seed/problems.ts';
import { suggestDates } from '../graph/sources/date-suggest.ts';
import { commitFiles } from '../graph/sources/file-transaction.ts';
import { planNewSource, textOf } from '../graph/sources/new-source.ts';
import { displayPath, dryRun } from '../graph/sources/seed-folder.ts';
import { readFolder, sourceSuggestions } from '../server/sources/source-reads.ts';
import { ArgsError, type DateArg, parseAddSourceArgs, USAGE } from './add-source/args.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** An exact date without its quote takes the line of the text that prints it, when one does. */
function publishedOf(date: NonNullable<DateArg>, text: string): SourceMetaInput['published'] {
  if (!('date' in date) || date.quote) return date;
  const printed = suggestDates(text, 50).find((s) => s.date === date.date);
  return printed ? { date: date.date, quote: printed.quote } : { date: date.date };
}

async function main(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parseAddSourceArgs>;
  try {
    args = parseAddSourceArgs(argv);
  } catch (error) {
    if (error instanceof ArgsError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const seedsDir = seedsDirFromEnv(process.env, root);
  let raw: string;
  try {
    raw = readFileSync(args.textFile, 'utf8');
  } catch (error) {
    console.error(`--text: cannot read ${args.textFile}: ${(error as Error).message}`);
    return 2;
  }
  const content = {
    format: /\.html?$/i.test(args.textFile) ? ('html' as const) : ('text' as const),
    content: raw,
  };
  const text = textOf(content);
  if (!args.date) {
    const dates = suggestDates(text);
    console.error('No date given. The text suggests:');
    for (const d of dates) console.error(`  --published ${d.date}   (${d.rule}) "${d.quote}"`);
    if (dates.length === 0) console.error('  nothing: give --not-before, --not-after and --reason.');
    return 2;
  }
  const meta: SourceMetaInput = { ...args.meta, published: publishedOf(args.date, text) };
  try {
    const plan = planNewSource(seedsDir, readFolder(seedsDir), { content, meta, name: args.name });
    dryRun(seedsDir, plan.changes);
    const files = plan.changes.map((c) => displayPath(seedsDir, c.path));
    if (args.dryRun) {
      console.log(`Dry run: ${plan.id} would be written as ${files.join(' and ')}; nothing was written.`);
    } else {
      await commitFiles(plan.changes);
      console.log(`Added ${plan.id}: ${files.join(', ')}.`);
    }
    if ('date' in meta.published) {
      console.log(
        `Published ${meta.published.date}${meta.published.quote ? ` ("${meta.published.quote}")` : ' (no line of the text prints it)'}.`,
      );
    }
    if (!args.dryRun) {
      const { attestations, mentions } = sourceSuggestions(seedsDir, plan.id);
      console.log(`Names of the graph found in the text: ${mentions.length}.`);
      console.log(
        attestations.length > 0
          ? 'Suggested attestations (confirm them in the Sources tab):'
          : 'No attestation suggested.',
      );
      for (const s of attestations) {
        const who = s.person.id ?? `new person "${s.person.text}"`;
        const post = s.post.id ?? `new post "${s.title}"`;
        console.log(`  "${s.quote}"\n    ${who} in ${post}${s.capacity ? ` (${s.capacity})` : ''}`);
      }
      console.log('The graph is unchanged until `npm run load`.');
    }
    return 0;
  } catch (error) {
    if (error instanceof SeedValidationError) {
      console.error(`${error.message}\n\nNothing was written.`);
      return 1;
    }
    if (error instanceof AppError) {
      console.error(`${error.code}: ${error.message}\nNothing was written.`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
