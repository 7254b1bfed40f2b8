import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type {
  Anchor,
  FactInput,
  FactRef,
  QuoteInput,
  SourceContent,
  SourceMetaInput,
  SourceWriteResponse,
} from '../../graph/contract/sources.ts';
import { AppError } from '../../graph/errors.ts';
import type { LoadReport } from '../../graph/load/load-plan.ts';
import { SeedValidationError } from '../../graph/seed/problems.ts';
import { type FactsFile, FactsFileSchema } from '../../graph/seed/schema.ts';
import { locateQuote } from '../../graph/sources/anchors.ts';
import {
  addFacts,
  editFact,
  entriesOf,
  isEmpty,
  type LocatedInput,
  quotesIn,
  retractFact,
} from '../../graph/sources/facts-edit.ts';
import { commitFiles, type FileChange } from '../../graph/sources/file-transaction.ts';
import { planNewSource } from '../../graph/sources/new-source.ts';
import {
  changedFiles,
  displayPath,
  dryRun,
  readAnchors,
  type Version,
} from '../../graph/sources/seed-folder.ts';
import { stringifyAnchors, stringifyFacts } from '../../graph/sources/yaml-writer.ts';
import {
  documentPaths,
  documentVersion,
  findDocument,
  folderVersion,
  readFolder,
  sourceDetail,
} from './source-reads.ts';

/** Brings the graph in line with the seeds folder; the real one is graph/load/load-seeds.ts. */
export type LoadFolder = (seedsDir: string) => Promise<LoadReport>;

interface UndoStep {
  /** The files as they were before the change. */
  restore: FileChange[];
  /** The document's version right after the change: undo only applies on top of it. */
  after: string;
}

const MAX_UNDO = 20;
const MAX_VERSIONS = 500;

const factsHeader = (title: string, id: string) =>
  `Facts from "${title}" (${id}), one entry per confirmed annotation.\n` +
  'Written by the app in a stable order; the quotes must stay exact substrings of the text.';

/**
 * Every write of the Sources API: checked against the version it started from, validated as a dry
 * run by the loader's own schemas and checks, written all or nothing, then loaded; a failed load
 * puts the files back. Writes run one at a time.
 */
export function createSourceWriter(seedsDir: string, load: LoadFolder) {
  let queue: Promise<unknown> = Promise.resolve();
  const versions = new Map<string, Version['files']>();
  const undo = new Map<string, UndoStep[]>();

  const remember = (v: Version) => {
    versions.set(v.version, v.files);
    if (versions.size > MAX_VERSIONS) versions.delete(versions.keys().next().value as string);
  };

  /** One write at a time: the version check, the files and the load form one step. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  function checkVersion(sent: string, current: Version): void {
    if (sent === current.version) return;
    const before = versions.get(sent);
    throw new AppError('CONFLICT', 'The source changed since you loaded it: reload it and try again.', {
      reason: 'stale',
      expectedVersion: sent,
      currentVersion: current.version,
      changedFiles: before ? changedFiles(before, current.files) : null,
    });
  }

  /** Dry run, then the files, then the load; what the load changed, or the error after putting back. */
  async function apply(changes: FileChange[]): Promise<LoadReport> {
    try {
      dryRun(seedsDir, changes);
    } catch (error) {
      if (error instanceof SeedValidationError) {
        const first = error.problems[0];
        throw new AppError(
          'BAD_REQUEST',
          `The change was not written: ${first ? `${first.file}: ${first.entry}${first.path ? ` › ${first.path}` : ''}: ${first.message}` : 'the seeds would not be valid'}`,
          { problems: error.problems },
        );
      }
      throw error;
    }
    let report: LoadReport | undefined;
    try {
      await commitFiles(changes, async () => {
        report = await load(seedsDir);
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError(
        'INTERNAL',
        'The graph could not be reloaded; the files were put back.',
        {},
        { cause: error },
      );
    }
    return report as LoadReport;
  }

  function snapshot(files: readonly string[]): FileChange[] {
    return files.map((file) => ({
      path: file,
      content: existsSync(file) ? readFileSync(file, 'utf8') : null,
    }));
  }

  function pushUndo(id: string, step: UndoStep) {
    const steps = undo.get(id) ?? [];
    steps.push(step);
    if (steps.length > MAX_UNDO) steps.shift();
    undo.set(id, steps);
  }

  function respond(
    id: string,
    report: LoadReport | null,
    changes: readonly FileChange[],
  ): SourceWriteResponse {
    const detail = sourceDetail(seedsDir, id, (undo.get(id)?.length ?? 0) > 0);
    remember({ version: detail.version, files: detail.files });
    const { files: _files, ...rest } = detail;
    const counts = (c: LoadReport['totals']['nodes']) => ({
      created: c.created,
      updated: c.updated,
      deleted: c.deleted,
    });
    return {
      ...rest,
      load: report
        ? { nodes: counts(report.totals.nodes), relationships: counts(report.totals.relationships) }
        : null,
      files: changes.map((c) => displayPath(seedsDir, c.path)),
    };
  }

  /** The facts file and anchors sidecar of a document after an edit, or their removal when empty. */
  function factsChanges(
    paths: ReturnType<typeof documentPaths>,
    facts: FactsFile,
    document: { id: string; title: string; text: string },
    fresh: readonly Anchor[],
  ): FileChange[] {
    if (isEmpty(facts))
      return [
        { path: paths.facts, content: null },
        { path: paths.anchors, content: null },
      ];
    const content = stringifyFacts(facts, factsHeader(document.title, document.id));
    // What the loader will read back must write out the same: the file diffs only where it changed.
    const reread = stringifyFacts(
      FactsFileSchema.parse(parse(content)),
      factsHeader(document.title, document.id),
    );
    if (reread !== content) throw new AppError('INTERNAL', 'The facts file would not read back as written.');
    const stored = readAnchors(paths.anchors);
    const quotes = [...new Set(entriesOf(facts).flatMap((e) => quotesIn(e.value, document.id)))];
    const anchors = quotes.flatMap((exact) => {
      const anchor =
        fresh.find((a) => a.quote.exact === exact) ??
        stored.find(
          (a) => a.quote.exact === exact && document.text.slice(a.position.start, a.position.end) === exact,
        );
      if (anchor) return [anchor];
      const found = locateQuote(document.text, { exact });
      return 'anchor' in found ? [found.anchor] : [];
    });
    return [
      { path: paths.facts, content },
      { path: paths.anchors, content: anchors.length > 0 ? stringifyAnchors(document.id, anchors) : null },
    ];
  }

  async function changeFacts(
    id: string,
    sentVersion: string,
    edit: (facts: FactsFile, text: string) => { facts: FactsFile; fresh: Anchor[] },
  ): Promise<SourceWriteResponse> {
    return exclusive(async () => {
      const seeds = readFolder(seedsDir);
      const document = findDocument(seeds, id);
      const paths = documentPaths(seedsDir, document);
      const current = documentVersion(seedsDir, paths);
      remember(current);
      checkVersion(sentVersion, current);
      const ownFile = displayPath(seedsDir, paths.facts);
      const facts = seeds.factsFiles.find((f) => f.file === ownFile)?.facts ?? FactsFileSchema.parse({});
      const next = edit(facts, document.text);
      const changes = factsChanges(
        paths,
        next.facts,
        { id, title: document.meta.title, text: document.text },
        next.fresh,
      );
      const restore = snapshot(changes.map((c) => c.path));
      const report = await apply(changes);
      const after = documentVersion(seedsDir, paths);
      pushUndo(id, { restore, after: after.version });
      return respond(id, report, changes);
    });
  }

  function located(text: string, quote: QuoteInput): Anchor {
    const found = locateQuote(text, quote);
    if ('problem' in found)
      throw new AppError('BAD_REQUEST', `The change was not written: ${found.problem}.`, { quote });
    return found.anchor;
  }

  return {
    canUndo: (id: string) => (undo.get(id)?.length ?? 0) > 0,
    remember,

    create(input: { version: string; content: SourceContent; meta: SourceMetaInput; name?: string }) {
      return exclusive(async () => {
        const current = folderVersion(seedsDir);
        remember(current);
        checkVersion(input.version, current);
        const plan = planNewSource(seedsDir, readFolder(seedsDir), input);
        const report = await apply(plan.changes);
        return respond(plan.id, report, plan.changes);
      });
    },

    addFacts(id: string, version: string, inputs: readonly FactInput[]) {
      return changeFacts(id, version, (facts, text) => {
        const withAnchors: LocatedInput[] = inputs.map((input) => ({
          ...input,
          anchor: located(text, input.quote),
        }));
        return { facts: addFacts(facts, withAnchors, id), fresh: withAnchors.map((i) => i.anchor) };
      });
    },

    editFact(id: string, version: string, ref: FactRef, value: Record<string, unknown>, quote?: QuoteInput) {
      return changeFacts(id, version, (facts, text) => {
        const anchor = quote ? located(text, quote) : undefined;
        const evidence = anchor ? { documentId: id, quote: anchor.quote.exact } : undefined;
        return { facts: editFact(facts, ref, value, evidence), fresh: anchor ? [anchor] : [] };
      });
    },

    retractFact(id: string, version: string, ref: FactRef) {
      return changeFacts(id, version, (facts) => ({ facts: retractFact(facts, ref), fresh: [] }));
    },

    /** Puts this document's facts back as they were before its last change in the app. */
    undo(id: string, version: string) {
      return exclusive(async () => {
        const seeds = readFolder(seedsDir);
        const paths = documentPaths(seedsDir, findDocument(seeds, id));
        const current = documentVersion(seedsDir, paths);
        remember(current);
        checkVersion(version, current);
        const steps = undo.get(id) ?? [];
        const step = steps[steps.length - 1];
        if (!step)
          throw new AppError('NOT_FOUND', `Nothing to undo for '${id}' since the server started.`, { id });
        // Changed since by someone else (another tab, the command line, a git pull): undoing blindly would lose it.
        checkVersion(step.after, current);
        const report = await apply(step.restore);
        steps.pop();
        return respond(id, report, step.restore);
      });
    },
  };
}

export type SourceWriter = ReturnType<typeof createSourceWriter>;
