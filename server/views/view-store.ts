import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  MAX_VIEW_BYTES,
  MAX_VIEWS,
  type SavedView,
  SavedViewIdSchema,
  type SavedViewInput,
  SavedViewSchema,
  type SavedViewSummary,
} from '../../graph/contract/saved-view.ts';
import { AppError } from '../../graph/errors.ts';
import type { Logger } from '../logger.ts';

/**
 * Saved views as one JSON file each under `<dataDir>/views/`, named by id. A file is written to a
 * temporary name, flushed to disk, renamed into place and the folder flushed too, so a crash (even
 * SIGKILL or a power cut) leaves either no file or the whole of it; writes within this process are
 * queued, so two saves of the same name get two ids.
 */
export interface ViewStore {
  list(): Promise<SavedViewSummary[]>;
  get(id: string): Promise<SavedView>;
  /** `savedBy`: the name given with the write token, when there was one. */
  create(input: SavedViewInput, savedBy?: string): Promise<SavedView>;
  remove(id: string): Promise<void>;
}

/** "Bury, 21 Nov 2017 — leaders" → "bury-21-nov-2017-leaders". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'view';
}

function notFound(id: string): AppError {
  return new AppError('NOT_FOUND', `No saved view with id '${id}'`, { id });
}

function isMissing(error: unknown): boolean {
  return Boolean(error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT');
}

export function createViewStore(dataDir: string, logger?: Logger): ViewStore {
  const dir = path.resolve(dataDir, 'views');
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs writes one after another, so checks for a free id and the write that takes it do not interleave. */
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  const fileOf = (id: string) => path.join(dir, `${SavedViewIdSchema.parse(id)}.json`);

  async function ids(): Promise<string[]> {
    try {
      return (await readdir(dir))
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -'.json'.length))
        .filter((id) => SavedViewIdSchema.safeParse(id).success);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  async function read(id: string): Promise<SavedView> {
    if (!SavedViewIdSchema.safeParse(id).success) throw notFound(id);
    let text: string;
    try {
      text = await readFile(fileOf(id), 'utf8');
    } catch (error) {
      if (isMissing(error)) throw notFound(id);
      throw error;
    }
    return SavedViewSchema.parse(JSON.parse(text));
  }

  /** Flushes the folder itself, so the rename that made a file visible survives a power cut. */
  async function syncDir(): Promise<void> {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  // Temporary files of a process that died mid-write (their pid is in the name); never listed, but
  // removed on the first write so they do not pile up.
  let swept = false;
  async function sweepTemporaries(): Promise<void> {
    if (swept) return;
    swept = true;
    for (const name of await readdir(dir)) {
      const owner = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1];
      if (owner !== undefined && Number(owner) !== process.pid)
        await rm(path.join(dir, name), { force: true });
    }
  }

  async function writeAtomically(file: string, text: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    await sweepTemporaries();
    const temp = path.join(
      dir,
      `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncDir();
  }

  return {
    async list() {
      const summaries: SavedViewSummary[] = [];
      for (const id of await ids()) {
        try {
          const view = await read(id);
          summaries.push({
            id: view.id,
            name: view.name,
            createdAt: view.createdAt,
            ...(view.savedBy === undefined ? {} : { savedBy: view.savedBy }),
            at: view.state.at,
            nodeCount: Object.keys(view.positions).length,
          });
        } catch (error) {
          // One unreadable file (edited by hand, say) should not hide every other view.
          logger?.warn(
            `Skipping saved view ${id}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      return summaries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
    },
    get: read,
    create(input, savedBy) {
      return serial(async () => {
        const existing = new Set(await ids());
        if (existing.size >= MAX_VIEWS)
          throw new AppError('TOO_LARGE', `There are already ${MAX_VIEWS} saved views; delete some first.`);
        const base = slugify(input.name);
        let id = base;
        for (let n = 2; existing.has(id); n += 1) id = `${base}-${n}`;
        const view: SavedView = {
          id,
          ...input,
          createdAt: new Date().toISOString(),
          ...(savedBy === undefined ? {} : { savedBy }),
        };
        const text = `${JSON.stringify(view, null, 2)}\n`;
        const bytes = Buffer.byteLength(text);
        if (bytes > MAX_VIEW_BYTES)
          throw new AppError(
            'TOO_LARGE',
            `This view would take ${Math.ceil(bytes / 1000)} kB; saved views are limited to ${MAX_VIEW_BYTES / 1000} kB.`,
            { bytes, limit: MAX_VIEW_BYTES },
          );
        await writeAtomically(fileOf(id), text);
        return view;
      });
    },
    remove(id) {
      return serial(async () => {
        if (!SavedViewIdSchema.safeParse(id).success) throw notFound(id);
        try {
          await rm(fileOf(id));
        } catch (error) {
          if (isMissing(error)) throw notFound(id);
          throw error;
        }
        await syncDir();
      });
    },
  };
}
