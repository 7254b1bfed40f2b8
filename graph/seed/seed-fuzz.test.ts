import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mutationArbitrary, seedSandbox } from '../../test/seed-mutations.ts';
import { prepareSeeds } from './prepare.ts';
import { SeedValidationError } from './problems.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = Number(process.env.SEED_FUZZ_RUNS || 2_000);
const sandbox = seedSandbox(PROJECT_ROOT);
afterAll(() => rmSync(sandbox.root, { recursive: true, force: true }));

describe('seed fuzzing', () => {
  it(`${RUNS} random mutations of the real seeds: each is planned or refused with file and entry named, never a crash`, {
    timeout: 600_000,
  }, () => {
    const tally = { accepted: 0, refused: 0, unchanged: 0 };
    fc.assert(
      fc.property(mutationArbitrary(sandbox.factsFiles), (mutation) => {
        try {
          if (!sandbox.apply(mutation)) {
            tally.unchanged += 1;
            return;
          }
          try {
            prepareSeeds(sandbox.root);
            tally.accepted += 1;
          } catch (error) {
            // Anything but a SeedValidationError is a crash, and fails the property.
            if (!(error instanceof SeedValidationError)) throw error;
            tally.refused += 1;
            expect(error.problems.length).toBeGreaterThan(0);
            for (const problem of error.problems) {
              expect(problem.file).toMatch(/^seeds\//);
              expect(problem.entry.length).toBeGreaterThan(0);
              expect(problem.message.length).toBeGreaterThan(0);
            }
          }
        } finally {
          sandbox.restore();
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`seed fuzz: ${JSON.stringify(tally)}`);
    expect(tally.refused).toBeGreaterThan(RUNS / 10);
  });
});
