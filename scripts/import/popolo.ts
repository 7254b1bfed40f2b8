import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { slugify } from '../../graph/contract/slug.ts';
import { existingFrom } from '../../graph/import/popolo-match.ts';
import { type CitedEntry, popoloToSeeds, type ReusedEntry } from '../../graph/import/popolo-seed.ts';
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
 *
 * People, organisations, posts and tenures the rest of the seeds already hold are reused, not
 * written again. The file's own earlier import (the same `imported-<name>.yaml`) is not "the rest of
 * the seeds": importing the same file again makes the same facts file, so nothing new is written.
 */

export interface ImportResult {
  ok: boolean;
  /** The facts file written, relative to the seeds folder; null when nothing new was written. */
  written: string | null;
  /** The facts file that already held exactly this import, when it is imported again. */
  unchanged: string | null;
  /** The entries created (written to the facts file). */
  counts: { organisations: number; people: number; posts: number; tenures: number };
  cited: CitedEntry[];
  /** The entries the seeds already held, found by id or name, and not written again. */
  reused: ReusedEntry[];
  problems: SeedProblem[];
}

/** `imported-bury-council` from `bury-council.popolo.json`. */
export function importName(file: string): string {
  const base = path
    .basename(file)
    .replace(/\.json$/i, '')
    .replace(/\.popolo$/i, '');
  return `imported-${slugify(base)}`;
}

export function importPopolo(options: { root: string; seedsDir: string; file: string }): ImportResult {
  const { root, seedsDir, file } = options;
  const shown = path.relative(root, path.resolve(file)) || file;
  const empty = { organisations: 0, people: 0, posts: 0, tenures: 0 };
  const fail = (problems: SeedProblem[]): ImportResult => ({
    ok: false,
    written: null,
    unchanged: null,
    counts: empty,
    cited: [],
    reused: [],
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
  const name = `${importName(file)}.yaml`;
  const target = path.join(seedsDir, 'facts', name);
  const base = path.dirname(path.resolve(seedsDir));
  const others = seeds.factsFiles.filter((f) => path.resolve(base, f.file) !== path.resolve(target));
  const result = popoloToSeeds(shown, json, documents, existingFrom(others.map((f) => f.facts)));
  if (result.problems.length > 0) return fail(result.problems);

  const f = result.facts;
  const done = (written: string | null, unchanged: string | null): ImportResult => ({
    ok: true,
    written,
    unchanged,
    counts: {
      organisations: f.organisations.length,
      people: f.people.length,
      posts: f.posts.length,
      tenures: f.tenures.length,
    },
    cited: result.cited,
    reused: result.reused,
    problems: [],
  });
  const created = f.organisations.length + f.people.length + f.posts.length + f.tenures.length;
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : null;
  // Everything already in the seeds: there is nothing to write, and no empty file is left behind.
  if (created === 0 && previous === null) return done(null, null);
  const text = stringifyFacts(
    result.facts,
    `Imported from ${path.basename(file)} by \`npm run import -- popolo\`. Entries without a quote\nfound in a seed document carry \`citations\` only: cited by URL, not quoted.`,
  );
  if (text === previous) return done(null, path.join('facts', name));
  writeFileSync(target, text);
  try {
    prepareSeeds(root, seedsDir);
  } catch (error) {
    // Put the seeds back as they were: the previous import of this name, or nothing.
    if (previous === null) rmSync(target);
    else writeFileSync(target, previous);
    if (error instanceof SeedValidationError) return fail([...error.problems]);
    throw error;
  }
  return done(path.join('facts', name), null);
}
