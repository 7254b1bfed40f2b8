import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { slugify } from '../contract/slug.ts';
import type { SourceContent, SourceMetaInput } from '../contract/sources.ts';
import { AppError } from '../errors.ts';
import type { SeedSet } from '../seed/read-seeds.ts';
import { type DocumentMeta, DocumentMetaSchema } from '../seed/schema.ts';
import { suggestDates } from './date-suggest.ts';
import type { FileChange } from './file-transaction.ts';
import { htmlToPlainText, normaliseText } from './html-text.ts';
import { type SourcePaths, sourcePaths } from './seed-folder.ts';
import { stringifyDocumentMeta } from './yaml-writer.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The text as it will be stored: HTML turned into text with its paragraphs, line ends made plain. */
export function textOf(content: SourceContent): string {
  return content.format === 'html' ? htmlToPlainText(content.content) : normaliseText(content.content);
}

/** The document that already has this text, compared as stored and as the app would store it. */
export function duplicateOf(seeds: SeedSet, text: string): string | null {
  const hash = sha256(text);
  const same = seeds.documents.find((d) => d.sha256 === hash || sha256(normaliseText(d.text)) === hash);
  return same?.meta.id ?? null;
}

/** A name from the date (or lower bound) and the title: `2017-11-21-building-a-better-bury`. */
export function suggestName(title: string, published: SourceMetaInput['published'] | null): string {
  const date = published ? ('date' in published ? published.date : published.notBefore) : '';
  return slugify(`${date} ${title}`, 80);
}

export function prepareContent(seeds: SeedSet, content: SourceContent, title?: string) {
  const text = textOf(content);
  const dates = suggestDates(text);
  const first = dates[0];
  return {
    text,
    sha256: sha256(text),
    duplicateOf: duplicateOf(seeds, text),
    dates,
    suggestedName: title ? suggestName(title, first ? { date: first.date } : null) : null,
  };
}

export interface NewSourcePlan {
  id: string;
  paths: SourcePaths;
  text: string;
  meta: DocumentMeta;
  changes: FileChange[];
}

/**
 * The files of a new document, refused as a CONFLICT when its text is already a source (same
 * sha256) or its name is taken, and as BAD_REQUEST when the metadata breaks the seed schema.
 */
export function planNewSource(
  seedsDir: string,
  seeds: SeedSet,
  input: { content: SourceContent; meta: SourceMetaInput; name?: string },
): NewSourcePlan {
  const text = textOf(input.content);
  if (text.trim().length === 0) throw new AppError('BAD_REQUEST', 'The document has no text.');
  const existing = duplicateOf(seeds, text);
  if (existing) {
    throw new AppError('CONFLICT', `This text is already a source: ${existing}.`, {
      reason: 'duplicate',
      existingId: existing,
      sha256: sha256(text),
    });
  }
  const name = input.name ?? suggestName(input.meta.title, input.meta.published);
  const id = `doc:${name}`;
  const paths = sourcePaths(seedsDir, name);
  const taken = [paths.text, paths.meta, paths.facts, paths.anchors].filter((f) => existsSync(f));
  if (taken.length > 0 || seeds.documents.some((d) => d.meta.id === id)) {
    throw new AppError('CONFLICT', `A source named '${name}' exists already: choose another name.`, {
      reason: 'name-taken',
      name,
      files: taken,
    });
  }
  const parsed = DocumentMetaSchema.safeParse({ id, text: `${name}.txt`, ...input.meta });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('BAD_REQUEST', `${issues[0]?.path}: ${issues[0]?.message}`, { issues });
  }
  const meta = parsed.data;
  return {
    id,
    paths,
    text,
    meta,
    changes: [
      { path: paths.text, content: text },
      { path: paths.meta, content: stringifyDocumentMeta(meta) },
    ],
  };
}
