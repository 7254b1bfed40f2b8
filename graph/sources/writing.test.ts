import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SOURCE_FACT_COLLECTIONS } from '../contract/sources.ts';
import { makeSeedRoot } from '../seed/fixtures/make-seed-root.ts';
import { prepareSeeds } from '../seed/prepare.ts';
import { readSeeds } from '../seed/read-seeds.ts';
import { DocumentMetaSchema, FACT_COLLECTIONS, FactsFileSchema } from '../seed/schema.ts';
import { anchorAt, locateQuote, reanchor } from './anchors.ts';
import { commitFiles } from './file-transaction.ts';
import { htmlToPlainText } from './html-text.ts';
import { planNewSource } from './new-source.ts';
import { dryRun } from './seed-folder.ts';
import { stringifyDocumentMeta, stringifyFacts } from './yaml-writer.ts';

const PROJECT = path.resolve(import.meta.dirname, '..', '..');

describe('the contract mirrors the seed format', () => {
  it('has the same facts collections', () => {
    // Top-level attestations are added as `attestations` facts, not as entries of a collection.
    expect([...SOURCE_FACT_COLLECTIONS]).toEqual(FACT_COLLECTIONS.filter((c) => c !== 'attestations'));
  });
});

describe('anchors', () => {
  const text = 'the chief executive said; later the chief executive left.';
  it('refuses words that are not in the text, and repeated words without a position', () => {
    expect(locateQuote(text, { exact: 'the chief officer' })).toEqual({
      problem: 'the quote "the chief officer" is not in the document\'s text',
    });
    expect('problem' in locateQuote(text, { exact: 'the chief executive' })).toBe(true);
  });
  it('keeps the occurrence chosen, with its context, and finds it again after the text moves', () => {
    const second = text.lastIndexOf('the chief executive');
    const found = locateQuote(text, { exact: 'the chief executive', start: second });
    expect(found).toEqual({ anchor: anchorAt(text, second, second + 19) });
    if (!('anchor' in found)) throw new Error('not found');
    expect(found.anchor.quote.prefix).toBe('the chief executive said; later ');
    const moved = `A new first line.\n${text}`;
    expect(reanchor(moved, found.anchor)?.position.start).toBe(second + 18);
  });
});

describe('the YAML writer', () => {
  it('writes every seed file of the project back byte-stable through the loader schema', () => {
    const { seeds } = readSeeds(PROJECT);
    for (const file of seeds.factsFiles) {
      const once = stringifyFacts(file.facts);
      const twice = stringifyFacts(FactsFileSchema.parse(parse(once)));
      expect(twice).toBe(once);
      // And it says the same: the loader reads back what it read.
      expect(FactsFileSchema.parse(parse(once))).toEqual(file.facts);
    }
    for (const document of seeds.documents) {
      const once = stringifyDocumentMeta(document.meta);
      expect(DocumentMetaSchema.parse(parse(once))).toEqual(document.meta);
      expect(stringifyDocumentMeta(DocumentMetaSchema.parse(parse(once)))).toBe(once);
    }
    // Seven files of facts are parsed and written twice: room for a slow shared machine.
  }, 60_000);

  it('orders keys as the schema declares them, quotes dates and leaves defaults out', () => {
    const out = stringifyFacts({
      posts: [
        {
          evidence: [{ quote: 'the chief executive', documentId: 'doc:x' }],
          organisation: 'org:x',
          title: 'Chief Executive',
          id: 'post:x-chief-executive',
          accountable: true,
          vacancies: [],
        },
      ],
      tenures: [
        {
          post: 'post:a',
          id: 'tenure:a',
          person: 'person:a',
          from: '2017',
          attestations: [],
          periods: [],
          evidence: [],
        },
      ],
    });
    expect(out).toBe(
      [
        'posts:',
        '  - id: post:x-chief-executive',
        '    title: Chief Executive',
        '    organisation: org:x',
        '    evidence:',
        '      - documentId: doc:x',
        '        quote: the chief executive',
        'tenures:',
        '  - id: tenure:a',
        '    person: person:a',
        '    post: post:a',
        "    from: '2017'",
        '',
      ].join('\n'),
    );
  });
});

describe('HTML to text', () => {
  it('keeps paragraphs and drops markup, scripts and link addresses', () => {
    const text = htmlToPlainText(
      '<html><head><script>x()</script></head><body><h1>Plan on track</h1><p>Issued: 3 March 2025.</p><p>Jane Smith, <a href="https://x.example">chief executive</a> of Bury Council.</p></body></html>',
    );
    expect(text).toBe(
      'Plan on track\n\nIssued: 3 March 2025.\n\nJane Smith, chief executive of Bury Council.\n',
    );
  });
});

describe('all-or-nothing file writes', () => {
  it('puts every file back byte for byte, and removes new ones and their folders, when the step after fails', async () => {
    const root = makeSeedRoot();
    const kept = path.join(root, 'seeds', 'facts', 'facts.yaml');
    const before = readFileSync(kept);
    const created = path.join(root, 'seeds', 'anchors', 'deep', 'new.yaml');
    await expect(
      commitFiles(
        [
          { path: kept, content: 'organisations: []\n' },
          { path: created, content: 'x: 1\n' },
        ],
        async () => {
          expect(readFileSync(kept, 'utf8')).toBe('organisations: []\n');
          throw new Error('the load failed');
        },
      ),
    ).rejects.toThrow('the load failed');
    expect(readFileSync(kept).equals(before)).toBe(true);
    expect(existsSync(created)).toBe(false);
    expect(existsSync(path.join(root, 'seeds', 'anchors'))).toBe(false);
  });
});

describe('a new document', () => {
  const meta = {
    title: 'Plan on track',
    publisher: 'Fixture Council',
    author: null,
    kind: 'press-release' as const,
    url: null,
    published: { date: '2025-03-03', quote: 'Issued: 3 March 2025.' },
  };
  const content = {
    format: 'text' as const,
    content: 'Press release\r\nIssued: 3 March 2025.\r\nAll is well.  \r\n',
  };

  it('is planned as a text and a metadata file that the loader reads back unchanged', () => {
    const root = makeSeedRoot();
    const seedsDir = path.join(root, 'seeds');
    const plan = planNewSource(seedsDir, readSeeds(root).seeds, { content, meta });
    expect(plan.id).toBe('doc:2025-03-03-plan-on-track');
    const prepared = dryRun(seedsDir, plan.changes);
    const read = prepared.seeds.documents.find((d) => d.meta.id === plan.id);
    expect(read?.text).toBe('Press release\nIssued: 3 March 2025.\nAll is well.\n');
    expect(read && stringifyDocumentMeta(read.meta)).toBe(plan.changes[1]?.content);
    // The dry run wrote nothing into the real folder.
    expect(existsSync(plan.paths.text)).toBe(false);
  });

  it('is refused when its text is already a source, naming that source', () => {
    const root = makeSeedRoot();
    const text = readFileSync(path.join(root, 'seeds', 'documents', 'release.txt'), 'utf8');
    expect(() =>
      planNewSource(path.join(root, 'seeds'), readSeeds(root).seeds, {
        content: { format: 'text', content: text },
        meta,
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        details: expect.objectContaining({ existingId: 'doc:fixture-release' }),
      }),
    );
  });

  it('is refused by the dry run when the date line is not in its text', () => {
    const root = makeSeedRoot();
    const seedsDir = path.join(root, 'seeds');
    const plan = planNewSource(seedsDir, readSeeds(root).seeds, {
      content,
      meta: { ...meta, published: { date: '2025-03-03', quote: 'Issued: 4 March 2025.' } },
    });
    expect(() => dryRun(seedsDir, plan.changes)).toThrow(
      /the date line "Issued: 4 March 2025." is not in seeds\/documents/,
    );
  });

  it('reads from a seeds folder kept anywhere (SEEDS_DIR), named by that folder', () => {
    const root = makeSeedRoot();
    const elsewhere = path.join(root, 'my-case');
    mkdirSync(path.join(elsewhere, 'documents'), { recursive: true });
    mkdirSync(path.join(elsewhere, 'facts'), { recursive: true });
    for (const name of ['release.txt', 'release.yaml']) {
      writeFileSync(
        path.join(elsewhere, 'documents', name),
        readFileSync(path.join(root, 'seeds', 'documents', name)),
      );
    }
    const prepared = prepareSeeds('/nowhere', elsewhere);
    expect(prepared.seeds.documents[0]?.metaFile).toBe('my-case/documents/release.yaml');
  });
});
