// Small file helpers the launcher's modules share: sizes and times that may be missing, log tails.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { instanceLogPath } from './paths.ts';

const LOG_TAIL_LINES = 40;

export async function fileSize(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

export async function mtimeMs(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

export function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/** The end of an instance's launcher log, for error messages. */
export async function logTail(name: string): Promise<string> {
  try {
    return lastLines(await readFile(instanceLogPath(name), 'utf8'), LOG_TAIL_LINES);
  } catch {
    return '(no log written)';
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
