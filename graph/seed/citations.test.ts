import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prepareSeeds } from './prepare.ts';
import { SeedValidationError } from './problems.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A copy of the project's seeds with one more facts file. */
function rootWith(facts: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'citations-'));
  cpSync(path.join(PROJECT, 'seeds'), path.join(root, 'seeds'), { recursive: true });
  writeFileSync(path.join(root, 'seeds', 'facts', 'cited.yaml'), facts);
  return root;
}

const CITED = `
organisations:
  - id: org:example-parish-council
    name: Example Parish Council
    kind: local-authority
    citations: [{ url: "https://example.org/" }]
people:
  - id: person:alex-example
    name: Alex Example
    citations: [{ url: "https://example.org/alex", note: council website }]
posts:
  - id: post:example-clerk
    title: Clerk
    organisation: org:example-parish-council
    citations: [{ url: "https://example.org/clerk" }]
tenures:
  - id: tenure:alex-example-clerk
    person: person:alex-example
    post: post:example-clerk
    from: "2018-04"
    citations: [{ url: "https://example.org/minutes", note: minutes }]
`;

describe('citations in the seeds: a URL, no quote', () => {
  it('are stored beside the facts they support, which are marked as cited and mentioned by no document', () => {
    const { plan } = prepareSeeds(rootWith(CITED));
    const person = plan.nodes.find((n) => n.id === 'person:alex-example');
    expect(person?.properties).toMatchObject({
      evidenceKind: 'cited',
      citationUrls: ['https://example.org/alex'],
      citationNotes: ['council website'],
    });
    expect(person?.properties.evidenceDocumentIds).toBeUndefined();
    const held = plan.relationships.find(
      (r) => r.type === 'HELD' && r.target === 'tenure:alex-example-clerk',
    );
    expect(held?.properties).toMatchObject({
      evidenceKind: 'cited',
      citationUrls: ['https://example.org/minutes'],
    });
    const postIn = plan.relationships.find((r) => r.type === 'POST_IN' && r.source === 'post:example-clerk');
    expect(postIn?.properties.evidenceKind).toBe('cited');
    const mentioned = plan.relationships.filter(
      (r) => r.type === 'MENTIONS' && ['person:alex-example', 'tenure:alex-example-clerk'].includes(r.target),
    );
    expect(mentioned).toEqual([]);
  });

  it('refuses a fact with neither evidence nor a citation, and a citation that is not a URL', () => {
    const facts = `
people:
  - id: person:no-source
    name: No Source
  - id: person:bad-link
    name: Bad Link
    citations: [{ url: see the minutes }]
`;
    let problems: string[] = [];
    try {
      prepareSeeds(rootWith(facts));
    } catch (error) {
      if (!(error instanceof SeedValidationError)) throw error;
      problems = error.problems.map((p) => `${p.file} ${p.entry} ${p.path}: ${p.message}`);
    }
    expect(problems).toEqual([
      'seeds/facts/cited.yaml person:no-source evidence: every fact needs at least one piece of evidence or one citation',
      'seeds/facts/cited.yaml person:bad-link citations[0].url: Invalid URL',
    ]);
  });
});
