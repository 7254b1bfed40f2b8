import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** A file to write (`content`) or to remove (`content: null`). */
export interface FileChange {
  path: string;
  content: string | null;
}

interface Saved {
  path: string;
  before: Buffer | null;
}

function tempBeside(file: string): string {
  // A leading dot and a .tmp end: no reader of the seeds picks it up while it exists.
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `content` to a temporary beside `file` and renames it over, so readers never see half a file. */
function replaceFile(file: string, content: Buffer | string): void {
  const temp = tempBeside(file);
  writeFileSync(temp, content);
  try {
    renameSync(temp, file);
  } catch (error) {
    if (existsSync(temp)) unlinkSync(temp);
    throw error;
  }
}

function restore(saved: readonly Saved[], createdDirs: readonly string[]): void {
  for (const { path: file, before } of [...saved].reverse()) {
    if (before === null) {
      if (existsSync(file)) unlinkSync(file);
    } else replaceFile(file, before);
  }
  // Deepest first, so a parent is empty by the time it is tried.
  for (const dir of createdDirs) {
    try {
      rmdirSync(dir);
    } catch {
      // Not empty: something else is in it now, so it stays.
    }
  }
}

/**
 * Applies file changes all or nothing: each new content is written to a temporary and renamed over
 * its file; then `afterWrite` runs (the graph's reload). If any step fails, every file is put back
 * byte for byte as it was (and folders this created are removed), and the error is thrown on.
 */
export async function commitFiles(
  changes: readonly FileChange[],
  afterWrite: () => Promise<void> = async () => {},
): Promise<void> {
  const saved: Saved[] = [];
  const createdDirs: string[] = [];
  try {
    for (const change of changes) {
      const dir = path.dirname(change.path);
      if (!existsSync(dir)) {
        let top = dir;
        while (!existsSync(path.dirname(top))) top = path.dirname(top);
        mkdirSync(dir, { recursive: true });
        for (let d = dir; ; d = path.dirname(d)) {
          createdDirs.unshift(d);
          if (d === top) break;
        }
      }
      const before = existsSync(change.path) ? readFileSync(change.path) : null;
      saved.push({ path: change.path, before });
      if (change.content === null) {
        if (before !== null) unlinkSync(change.path);
      } else replaceFile(change.path, change.content);
    }
    await afterWrite();
  } catch (error) {
    restore(saved, [...createdDirs].reverse());
    throw error;
  }
}
