import { z } from 'zod';

/** One thing wrong with the seeds, said so that a person can find and fix it. */
export const SeedProblemSchema = z.object({
  /** The file, relative to the project (e.g. `seeds/facts/people.yaml`). */
  file: z.string(),
  /** The entry: its id where it has one, else its place (`relationships[3]`), or `(file)`. */
  entry: z.string(),
  /** Where inside the entry, as a dotted path (`evidence[0].quote`), or empty. */
  path: z.string(),
  message: z.string(),
});
export type SeedProblem = z.infer<typeof SeedProblemSchema>;

export function formatProblem(problem: SeedProblem): string {
  const where = problem.path ? `${problem.entry} › ${problem.path}` : problem.entry;
  return `${problem.file}: ${where}: ${problem.message}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** Thrown when seeds cannot be loaded; carries every problem found, not just the first. */
export class SeedValidationError extends Error {
  readonly problems: readonly SeedProblem[];
  constructor(problems: readonly SeedProblem[]) {
    super(
      `The seeds have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'SeedValidationError';
    this.problems = problems;
  }
}
