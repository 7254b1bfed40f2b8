import { describe, expect, it } from 'vitest';
import { FIXTURE_FACTS, makeSeedRoot } from './fixtures/make-seed-root.ts';
import { planCounts, prepareSeeds } from './prepare.ts';
import { formatProblem, type SeedProblem, SeedValidationError } from './problems.ts';

function problemsOf(root: string): SeedProblem[] {
  try {
    prepareSeeds(root);
  } catch (error) {
    if (error instanceof SeedValidationError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('seed validation', () => {
  it('accepts the fixture and plans its nodes and relationships', () => {
    const { plan } = prepareSeeds(makeSeedRoot());
    const counts = planCounts(plan);
    expect(counts.nodes).toEqual({
      Document: 1,
      Organisation: 1,
      Person: 1,
      Post: 1,
      Tenure: 1,
      Inspection: 1,
      Finding: 1,
    });
    expect(counts.relationships).toMatchObject({
      HELD: 1,
      OF_POST: 1,
      POST_IN: 1,
      FOUND: 1,
      INSPECTED: 1,
      STATED: 1,
    });
    expect(counts.relationships.MENTIONS).toBe(6);
    for (const rel of plan.relationships) {
      expect(rel.properties.evidenceQuotes, rel.id).toBeInstanceOf(Array);
    }
  });

  it('names file and line for malformed YAML', () => {
    const problems = problemsOf(makeSeedRoot({ facts: 'people:\n  - id: person:x\n    name: [unclosed\n' }));
    expect(problems[0]).toMatchObject({ file: 'seeds/facts/facts.yaml' });
    expect(problems[0]?.entry).toMatch(/^line \d+$/);
    expect(problems[0]?.message).toMatch(/not valid YAML/);
  });

  it('names file and entry for malformed JSON', () => {
    const problems = problemsOf(makeSeedRoot({ extra: { 'seeds/facts/more.json': '{"people": [ {"id": ' } }));
    expect(
      problems.some((p) => p.file === 'seeds/facts/more.json' && /not valid YAML\/JSON/.test(p.message)),
    ).toBe(true);
  });

  it('reports a missing required field with the entry id and the field', () => {
    const facts = FIXTURE_FACTS.replace('    name: Jo Bloggs\n', '');
    const problems = problemsOf(makeSeedRoot({ facts }));
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'seeds/facts/facts.yaml', entry: 'person:jo-bloggs', path: 'name' }),
    );
  });

  it('reports an unknown reference', () => {
    const facts = FIXTURE_FACTS.replace('organisation: org:fixture-council', 'organisation: org:nowhere');
    const problems = problemsOf(makeSeedRoot({ facts }));
    expect(problems).toContainEqual({
      file: 'seeds/facts/facts.yaml',
      entry: 'post:fixture-council-chief-executive',
      path: 'organisation',
      message: "unknown organisation 'org:nowhere'",
    });
  });

  it('reports a reference to the wrong kind of node', () => {
    const facts = FIXTURE_FACTS.replace(
      '    target: org:fixture-council\n',
      '    target: person:jo-bloggs\n',
    );
    const problems = problemsOf(makeSeedRoot({ facts }));
    const problem = problems.find((p) => p.path === 'target');
    expect(problem?.entry).toMatch(/^relationships\[0\] \(INSPECTED/);
    expect(problem?.message).toMatch(/is a Person, but only Organisation may stand here/);
  });

  it('refuses a quote that is not in its document, and hints at near misses', () => {
    const facts = FIXTURE_FACTS.replace(
      '"found weaknesses in joint working"',
      '"found strengths in joint working"',
    ).replace(
      `"Jo Bloggs, the council's interim chief executive" }]\n    name`,
      `"Jo Bloggs, the council’s interim chief executive" }]\n    name`,
    );
    const problems = problemsOf(makeSeedRoot({ facts }));
    const missing = problems.find((p) => p.entry === 'finding:fixture-joint-working');
    expect(missing).toMatchObject({ path: 'evidence[0].quote' });
    expect(missing?.message).toMatch(/is not in doc:fixture-release \(seeds\/documents\/release.txt\)$/);
  });

  it('hints when a quote differs only in its quotation marks', () => {
    const facts = FIXTURE_FACTS.replace(
      `evidence: [{ documentId: doc:fixture-release, quote: "Jo Bloggs, the council's interim chief executive" }]\nposts`,
      `evidence: [{ documentId: doc:fixture-release, quote: "Jo Bloggs, the council’s interim chief executive" }]\nposts`,
    );
    const problems = problemsOf(makeSeedRoot({ facts }));
    expect(problems.find((p) => p.entry === 'person:jo-bloggs')?.message).toMatch(
      /differs only in quotation marks/,
    );
  });

  it('rejects an impossible date', () => {
    const facts = FIXTURE_FACTS.replace('from: "2017-06"', 'from: "2017-02-30"');
    const problems = problemsOf(makeSeedRoot({ facts }));
    expect(problems).toContainEqual(
      expect.objectContaining({
        entry: 'inspection:fixture-2017',
        path: 'from',
        message: expect.stringMatching(/has no day 30/),
      }),
    );
  });

  it('rejects an end before its start, comparing dates of different precision fairly', () => {
    const facts = FIXTURE_FACTS.replace('from: "2017-06"', 'from: "2017-06"\n    to: "2017-05-31"');
    expect(problemsOf(makeSeedRoot({ facts }))).toContainEqual(
      expect.objectContaining({
        entry: 'inspection:fixture-2017',
        path: 'to',
        message: 'to 2017-05-31 is before from 2017-06',
      }),
    );
    const sameMonth = FIXTURE_FACTS.replace('from: "2017-06"', 'from: "2017-06"\n    to: "2017-06-16"');
    expect(problemsOf(makeSeedRoot({ facts: sameMonth }))).toEqual([]);
  });

  it('rejects a duplicate id across files, naming where it was first used', () => {
    const extra = `people:\n  - id: person:jo-bloggs\n    name: Jo Bloggs again\n    evidence: [{ documentId: doc:fixture-release, quote: "Jo Bloggs, the council's interim chief executive" }]\n`;
    const problems = problemsOf(makeSeedRoot({ extra: { 'seeds/facts/zz-more.yaml': extra } }));
    expect(problems).toContainEqual({
      file: 'seeds/facts/zz-more.yaml',
      entry: 'person:jo-bloggs',
      path: 'id',
      message: "duplicate id: 'person:jo-bloggs' is already used in seeds/facts/facts.yaml",
    });
  });

  it('reports every problem at once, each formatted with file, entry and problem', () => {
    const facts = FIXTURE_FACTS.replace(
      'organisation: org:fixture-council',
      'organisation: org:nowhere',
    ).replace('from: "2017-06"', 'from: "2017-13"');
    const error = (() => {
      try {
        prepareSeeds(makeSeedRoot({ facts }));
      } catch (e) {
        return e as SeedValidationError;
      }
      throw new Error('expected a validation error');
    })();
    // A schema error stops that file before cross-checks, so the month is what is reported here.
    expect(error.problems.length).toBeGreaterThanOrEqual(1);
    expect(error.message).toContain('seeds/facts/facts.yaml: inspection:fixture-2017 › from:');
    expect(formatProblem(error.problems[0] as SeedProblem)).toMatch(/^seeds\/facts\/facts\.yaml: /);
  });

  it('checks the printed date line of a document', () => {
    const document = `id: doc:fixture-release\ntext: release.txt\ntitle: A fixture release\npublisher: Fixture Council\nkind: press-release\npublished: { date: "2017-11-21", quote: "Issued: 22 November 2017." }\n`;
    expect(problemsOf(makeSeedRoot({ document }))).toContainEqual(
      expect.objectContaining({
        file: 'seeds/documents/release.yaml',
        entry: 'doc:fixture-release',
        path: 'published.quote',
      }),
    );
  });

  it('requires a distinct key for two relationships of one type between the same nodes', () => {
    const facts = `${FIXTURE_FACTS}  - type: INSPECTED\n    source: inspection:fixture-2017\n    target: org:fixture-council\n    evidence: [{ documentId: doc:fixture-release, quote: "The inspection took place in June 2017" }]\n`;
    const problems = problemsOf(makeSeedRoot({ facts }));
    expect(problems).toContainEqual(
      expect.objectContaining({ entry: expect.stringMatching(/^relationships\[2\]/), path: 'key' }),
    );
  });
});
