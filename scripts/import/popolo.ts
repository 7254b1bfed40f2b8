import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CitedEntry, popoloToSeeds, slugify } from '../../graph/import/popolo-seed.ts';
import { prepareSeeds } from '../../graph/seed/prepare.ts';
import { type SeedProblem, SeedValidationError } from '../../graph/seed/problems.ts';
import { readSeeds } from '../../graph/seed/read-seeds.ts';
import { stringifyFacts } from '../../graph/sources/yaml-writer.ts';

/**
 * `npm run import -- popolo <file.json>`: a Popolo file as a seed facts file,
 * `<seeds>/facts/imported-<name>.yaml`. Sources quoting words found in a seed document become
 * evidence; the others are kept as citations ("cited by URL, not quoted"). The written file is
 * checked with the rest of the seeds as the loader would check it; when anything is wrong nothing
 * is left written, and every problem names the file and the entry.
 */

export interface ImportResult {
  ok: boolean;
  /** The facts file written, relative to the seeds folder. */
  written: string | null;
  counts: { organisations: number; people: number; posts: number; tenures: number };
  cited: CitedEntry[];
  problems: SeedProblem[];
}

/** `imported-bury-council` from `bury-council.popolo.json`. */
export function importName(file: string): string {
  const base = path
    .basename(file)
    .replace(/\.json$/i, '')
    .replace(/\.popolo$/i, '');
  return `imported-${slugify(base) || 'popolo'}`;
}

export function importPopolo(options: { root: string; seedsDir: string; file: string }): ImportResult {
  const { root, seedsDir, file } = options;
  const shown = path.relative(root, path.resolve(file)) || file;
  const empty = { organisations: 0, people: 0, posts: 0, tenures: 0 };
  const fail = (problems: SeedProblem[]): ImportResult => ({
    ok: false,
    written: null,
    counts: empty,
    cited: [],
    problems,
  });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail([{ file: shown, entry: '(file)', path: '', message: `cannot read it as JSON: ${reason}` }]);
  }
  const { seeds, problems: seedProblems } = readSeeds(root, seedsDir);
  if (seedProblems.length > 0) return fail(seedProblems);
  const documents = seeds.documents.map((d) => ({ id: d.meta.id, url: d.meta.url, text: d.text }));
  const result = popoloToSeeds(shown, json, documents);
  if (result.problems.length > 0) return fail(result.problems);

  const name = `${importName(file)}.yaml`;
  const target = path.join(seedsDir, 'facts', name);
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : null;
  writeFileSync(
    target,
    stringifyFacts(
      result.facts,
      `Imported from ${path.basename(file)} by \`npm run import -- popolo\`. Entries without a quote\nfound in a seed document carry \`citations\` only: cited by URL, not quoted.`,
    ),
  );
  try {
    prepareSeeds(root, seedsDir);
  } catch (error) {
    // Put the seeds back as they were: the previous import of this name, or nothing.
    if (previous === null) rmSync(target);
    else writeFileSync(target, previous);
    if (error instanceof SeedValidationError) return fail([...error.problems]);
    throw error;
  }
  const f = result.facts;
  return {
    ok: true,
    written: path.join('facts', name),
    counts: {
      organisations: f.organisations.length,
      people: f.people.length,
      posts: f.posts.length,
      tenures: f.tenures.length,
    },
    cited: result.cited,
    problems: [],
  };
}
