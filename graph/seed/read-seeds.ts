import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { formatPath, type SeedProblem } from './problems.ts';
import {
  type DocumentMeta,
  DocumentMetaSchema,
  FACT_COLLECTIONS,
  type FactsCollection,
  type FactsFile,
  FactsFileSchema,
} from './schema.ts';

/** A source document: its metadata, its exact text and where both came from. */
export interface SeedDocument {
  meta: DocumentMeta;
  text: string;
  sha256: string;
  metaFile: string;
  textFile: string;
}

/** A facts file after parsing, remembering its name for error messages. */
export interface SeedFactsFile {
  file: string;
  facts: FactsFile;
}

export interface SeedSet {
  documents: SeedDocument[];
  factsFiles: SeedFactsFile[];
}

export interface ReadResult {
  seeds: SeedSet;
  problems: SeedProblem[];
}

const DATA_FILE = /\.(ya?ml|json)$/;

function listDataFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => DATA_FILE.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Parses YAML (a superset of JSON), reporting syntax errors with their line. */
function parseDataFile(absolute: string, display: string, problems: SeedProblem[]): unknown {
  const source = readFileSync(absolute, 'utf8');
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line;
      problems.push({
        file: display,
        entry: line ? `line ${line}` : '(file)',
        path: '',
        message: `not valid YAML/JSON: ${error.message.split('\n')[0]}`,
      });
    }
    return undefined;
  }
  return doc.toJS();
}

/** The name of the entry an issue path points into: its id if it has one, else its place. */
function entryName(data: unknown, issuePath: readonly PropertyKey[]): { entry: string; rest: PropertyKey[] } {
  const [collection, index, ...rest] = issuePath;
  if (typeof collection === 'string' && typeof index === 'number') {
    const list = (data as Record<string, unknown> | undefined)?.[collection];
    const item = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
    // An empty id names nothing; the entry's place does.
    const id = item && typeof item.id === 'string' && item.id !== '' ? item.id : undefined;
    return { entry: id ?? `${collection}[${index}]`, rest };
  }
  return { entry: '(file)', rest: [...issuePath] };
}

function zodProblems(
  error: z.ZodError,
  data: unknown,
  display: string,
  entryOf: typeof entryName,
): SeedProblem[] {
  return error.issues.map((issue) => {
    const { entry, rest } = entryOf(data, issue.path);
    return { file: display, entry, path: formatPath(rest), message: issue.message };
  });
}

function readDocuments(root: string, seedsDir: string, problems: SeedProblem[]): SeedDocument[] {
  const dir = path.join(seedsDir, 'documents');
  const documents: SeedDocument[] = [];
  for (const absolute of listDataFiles(dir)) {
    const display = path.relative(root, absolute);
    const data = parseDataFile(absolute, display, problems);
    if (data === undefined) continue;
    const parsed = DocumentMetaSchema.safeParse(data);
    if (!parsed.success) {
      const id = (data as { id?: unknown } | null)?.id;
      const entry = typeof id === 'string' ? id : '(file)';
      problems.push(...zodProblems(parsed.error, data, display, (_d, p) => ({ entry, rest: [...p] })));
      continue;
    }
    const textFile = path.join(dir, parsed.data.text);
    if (!existsSync(textFile)) {
      problems.push({
        file: display,
        entry: parsed.data.id,
        path: 'text',
        message: `the text file '${parsed.data.text}' is not in ${path.relative(root, dir)}`,
      });
      continue;
    }
    const buffer = readFileSync(textFile);
    documents.push({
      meta: parsed.data,
      text: buffer.toString('utf8'),
      sha256: createHash('sha256').update(buffer).digest('hex'),
      metaFile: display,
      textFile: path.relative(root, textFile),
    });
  }
  if (documents.length === 0 && problems.length === 0) {
    problems.push({
      file: path.relative(root, dir),
      entry: '(folder)',
      path: '',
      message: 'no document metadata found',
    });
  }
  return documents;
}

function readFacts(root: string, seedsDir: string, problems: SeedProblem[]): SeedFactsFile[] {
  const files: SeedFactsFile[] = [];
  for (const absolute of listDataFiles(path.join(seedsDir, 'facts'))) {
    const display = path.relative(root, absolute);
    const data = parseDataFile(absolute, display, problems);
    if (data === undefined) continue;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      problems.push({
        file: display,
        entry: '(file)',
        path: '',
        message: `expected a mapping with any of: ${FACT_COLLECTIONS.join(', ')}`,
      });
      continue;
    }
    const parsed = FactsFileSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, data, display, entryName));
      continue;
    }
    files.push({ file: display, facts: parsed.data });
  }
  return files;
}

/**
 * Reads and parses every seed file under `seedsDir` (by default `<root>/seeds`), collecting all
 * problems rather than stopping. Files are named relative to the seeds folder's parent, so the
 * default folder reads `seeds/facts/…` and a case kept elsewhere (SEEDS_DIR) reads `<its name>/facts/…`.
 */
export function readSeeds(root: string, seedsDir = path.join(root, 'seeds')): ReadResult {
  const problems: SeedProblem[] = [];
  const base = path.dirname(path.resolve(seedsDir));
  const documents = readDocuments(base, seedsDir, problems);
  const factsFiles = readFacts(base, seedsDir, problems);
  return { seeds: { documents, factsFiles }, problems };
}

export type { FactsCollection };
