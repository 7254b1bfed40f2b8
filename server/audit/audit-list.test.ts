import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeeds } from '../../graph/seed/read-seeds.ts';
import { AuditEntrySchema, listProblems, readAuditList } from './audit-list.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const LIST = path.join(ROOT, 'seeds', 'audit', 'bury-send.yaml');

describe('the checked-in audit list', () => {
  const list = readAuditList(LIST);
  const texts = new Map(readSeeds(ROOT).seeds.documents.map((d) => [d.meta.id, d.text]));

  it('covers each of the five texts, each with facts it supports and things it must not be taken to say', () => {
    expect(list.texts.map((t) => t.document).sort()).toEqual([...texts.keys()].sort());
    for (const text of list.texts) {
      expect(text.supports.length, text.document).toBeGreaterThan(5);
      expect(text.mustNotSay.length, text.document).toBeGreaterThan(0);
    }
  });

  it('has unique ids, quotes found verbatim in their text, and absences only under mustNotSay', () => {
    expect(listProblems(list, texts)).toEqual([]);
  });
});

describe('listProblems', () => {
  const entry = (id: string, extra: Record<string, unknown>) =>
    AuditEntrySchema.parse({ id, says: 'something the text says', ...extra });

  it('reports a quote that is not in its text, a repeated id, and an absence listed as support', () => {
    const list = {
      texts: [
        {
          document: 'doc:a',
          supports: [
            entry('one', { check: 'no-node', node: 'org:x' }),
            entry('two', { check: 'node', node: 'org:y', quote: 'not there' }),
          ],
          mustNotSay: [entry('one', { check: 'no-node', node: 'org:z' })],
        },
      ],
    };
    expect(listProblems(list, new Map([['doc:a', 'The text.']]))).toEqual([
      "one: a 'no-node' check belongs under mustNotSay",
      'two: the quote "not there" is not in doc:a',
      'one: the id is used twice',
    ]);
  });

  it('rejects an entry with an unknown check or a misspelt field', () => {
    expect(() => AuditEntrySchema.parse({ id: 'x', says: 'some words here', check: 'guess' })).toThrow();
    expect(() =>
      AuditEntrySchema.parse({ id: 'x', says: 'some words here', check: 'no-node', nod: 'org:x' }),
    ).toThrow();
  });
});
