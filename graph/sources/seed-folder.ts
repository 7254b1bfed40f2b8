import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { type Anchor, AnchorSchema } from '../contract/sources.ts';
import { type PreparedSeeds, prepareSeeds } from '../seed/prepare.ts';
import type { FileChange } from './file-transaction.ts';

/**
 * Where a document's files are in a seeds folder. The anchors sidecar lives in `anchors/`, a folder
 * the loader does not read, until the seed format has a place for anchors beside each quote.
 */
export interface SourcePaths {
  name: string;
  text: string;
  meta: string;
  facts: string;
  anchors: string;
}

export const SEED_SUBFOLDERS = ['documents', 'facts', 'anchors'] as const;

export function sourcePaths(seedsDir: string, name: string): SourcePaths {
  return {
    name,
    text: path.join(seedsDir, 'documents', `${name}.txt`),
    meta: path.join(seedsDir, 'documents', `${name}.yaml`),
    facts: path.join(seedsDir, 'facts', `${name}.yaml`),
    anchors: path.join(seedsDir, 'anchors', `${name}.yaml`),
  };
}

/** A file's name as the loader's messages give it: relative to the seeds folder's parent. */
export function displayPath(seedsDir: string, file: string): string {
  return path
    .relative(path.dirname(path.resolve(seedsDir)), file)
    .split(path.sep)
    .join('/');
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** A version: the hash of each file's name and bytes (or its absence), and the per-file hashes. */
export interface Version {
  version: string;
  files: Record<string, string>;
}

export function versionOf(seedsDir: string, files: readonly string[]): Version {
  const hashes: Record<string, string> = {};
  for (const file of [...files].sort()) {
    hashes[displayPath(seedsDir, file)] = existsSync(file) ? sha256(readFileSync(file)) : 'absent';
  }
  return { version: sha256(JSON.stringify(Object.entries(hashes))), files: hashes };
}

/** Every seed file (documents, facts, anchors), for the version of the whole folder. */
export function allSeedFiles(seedsDir: string): string[] {
  return SEED_SUBFOLDERS.flatMap((sub) => {
    const dir = path.join(seedsDir, sub);
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((n) => !n.startsWith('.'))
          .map((n) => path.join(dir, n))
      : [];
  });
}

/** The files whose hashes differ between two versions. */
export function changedFiles(before: Version['files'], after: Version['files']): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => (before[n] ?? 'absent') !== (after[n] ?? 'absent')).sort();
}

/**
 * Validates the seeds as they would be after `changes`, with the loader's own reading, schemas and
 * checks, on a copy in a temporary folder: nothing of the real folder changes. Throws the loader's
 * SeedValidationError, whose file names read as the real ones.
 */
export function dryRun(seedsDir: string, changes: readonly FileChange[]): PreparedSeeds {
  const root = mkdtempSync(path.join(tmpdir(), 'sources-dry-run-'));
  const copy = path.join(root, path.basename(path.resolve(seedsDir)));
  try {
    for (const sub of ['documents', 'facts']) {
      const from = path.join(seedsDir, sub);
      if (existsSync(from)) cpSync(from, path.join(copy, sub), { recursive: true });
      else mkdirSync(path.join(copy, sub), { recursive: true });
    }
    for (const change of changes) {
      const target = path.join(copy, path.relative(seedsDir, change.path));
      if (!target.startsWith(copy + path.sep))
        throw new Error(`dry run: ${change.path} is outside the seeds folder`);
      mkdirSync(path.dirname(target), { recursive: true });
      if (change.content === null) rmSync(target, { force: true });
      else writeFileSync(target, change.content);
    }
    return prepareSeeds(root, copy);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The anchors a sidecar holds; an unreadable sidecar is treated as none (anchors are re-found). */
export function readAnchors(file: string): Anchor[] {
  if (!existsSync(file)) return [];
  try {
    const data = parse(readFileSync(file, 'utf8')) as { anchors?: unknown[] } | null;
    return (data?.anchors ?? []).flatMap((a) => {
      const parsed = AnchorSchema.safeParse(a);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}
