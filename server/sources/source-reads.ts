import path from 'node:path';
import type {
  Anchor,
  SourceDetail,
  SourceFact,
  SourceList,
  SourceSuggestions,
  SourceSummary,
} from '../../graph/contract/sources.ts';
import { AppError } from '../../graph/errors.ts';
import { precisionOf } from '../../graph/seed/partial-date.ts';
import { readSeeds, type SeedDocument, type SeedSet } from '../../graph/seed/read-seeds.ts';
import { locateQuote, reanchor } from '../../graph/sources/anchors.ts';
import { suggestAppositions } from '../../graph/sources/apposition.ts';
import { entriesOf, quotesIn } from '../../graph/sources/facts-edit.ts';
import { findMentions, knownEntities } from '../../graph/sources/known-entities.ts';
import {
  allSeedFiles,
  displayPath,
  readAnchors,
  type SourcePaths,
  sourcePaths,
  type Version,
  versionOf,
} from '../../graph/sources/seed-folder.ts';

/** Reads of the seeds folder for the Sources tab: the files are the truth, so they are read, not the graph. */

export function readFolder(seedsDir: string): SeedSet {
  return readSeeds(path.dirname(path.resolve(seedsDir)), seedsDir).seeds;
}

export function nameOf(document: SeedDocument): string {
  return path.basename(document.metaFile).replace(/\.(ya?ml|json)$/, '');
}

export function findDocument(seeds: SeedSet, id: string): SeedDocument {
  const document = seeds.documents.find((d) => d.meta.id === id);
  if (!document) throw new AppError('NOT_FOUND', `No source with id '${id}'.`, { id });
  return document;
}

export function documentPaths(seedsDir: string, document: SeedDocument): SourcePaths {
  const paths = sourcePaths(seedsDir, nameOf(document));
  // The text file is named by the metadata, not necessarily after it.
  return { ...paths, text: path.join(seedsDir, 'documents', document.meta.text) };
}

export function documentVersion(seedsDir: string, paths: SourcePaths): Version {
  return versionOf(seedsDir, [paths.text, paths.meta, paths.facts, paths.anchors]);
}

export function folderVersion(seedsDir: string): Version {
  return versionOf(seedsDir, allSeedFiles(seedsDir));
}

function summaryOf(seedsDir: string, seeds: SeedSet, document: SeedDocument): SourceSummary {
  const { meta } = document;
  const p = meta.published;
  const id = meta.id;
  const factCount = seeds.factsFiles.reduce(
    (n, file) => n + entriesOf(file.facts).filter((e) => quotesIn(e.value, id).length > 0).length,
    0,
  );
  return {
    id,
    name: nameOf(document),
    title: meta.title,
    publisher: meta.publisher,
    publisherNote: meta.publisherNote ?? null,
    author: meta.author,
    kind: meta.kind,
    url: meta.url,
    date: 'date' in p ? p.date : null,
    precision: 'date' in p ? precisionOf(p.date) : 'bounded',
    notBefore: 'date' in p ? p.date : p.notBefore,
    notAfter: 'date' in p ? p.date : p.notAfter,
    dateQuote: 'quote' in p ? (p.quote ?? null) : null,
    dateReason: 'reason' in p ? p.reason : null,
    factCount,
    sha256: document.sha256,
    factsFile: displayPath(seedsDir, sourcePaths(seedsDir, nameOf(document)).facts),
  };
}

export function listSources(seedsDir: string): SourceList & { files: Version['files'] } {
  const seeds = readFolder(seedsDir);
  const { version, files } = folderVersion(seedsDir);
  const documents = seeds.documents
    .map((d) => summaryOf(seedsDir, seeds, d))
    .sort((a, b) => b.notBefore.localeCompare(a.notBefore) || a.title.localeCompare(b.title));
  return { version, seedsFolder: path.basename(path.resolve(seedsDir)), documents, files };
}

const ENTITY_LABEL: Record<string, string> = {
  organisations: 'Organisation',
  people: 'Person',
  inspections: 'Inspection',
  reports: 'Report',
};

function summaryLine(collection: string, value: Record<string, unknown>): string {
  switch (collection) {
    case 'relationships':
      return `${value.type} ${value.source} → ${value.target}`;
    case 'tenures':
      return `Tenure: ${value.person} as ${value.post}`;
    case 'posts':
      return `Post: ${value.title}`;
    case 'findings':
      return `Finding: ${value.text}`;
    case 'attestations':
      return `Attests ${value.tenure}`;
    default:
      return `${ENTITY_LABEL[collection] ?? collection}: ${value.name}`;
  }
}

function anchorFor(text: string, exact: string, stored: readonly Anchor[]): Anchor | null {
  const saved = stored.find((a) => a.quote.exact === exact);
  const again = saved ? reanchor(text, saved) : null;
  if (again) return again;
  const found = locateQuote(text, { exact });
  return 'anchor' in found ? found.anchor : null;
}

export function sourceDetail(
  seedsDir: string,
  id: string,
  canUndo: boolean,
): SourceDetail & { files: Version['files'] } {
  const seeds = readFolder(seedsDir);
  const document = findDocument(seeds, id);
  const paths = documentPaths(seedsDir, document);
  const ownFile = displayPath(seedsDir, paths.facts);
  const stored = readAnchors(paths.anchors);
  const facts: SourceFact[] = [];
  for (const file of seeds.factsFiles) {
    for (const { collection, id: factRefId, value } of entriesOf(file.facts)) {
      const quotes = quotesIn(value, id);
      if (quotes.length === 0) continue;
      facts.push({
        ref: { collection, id: factRefId },
        summary: summaryLine(collection, value),
        value,
        quotes: quotes.map((exact) => ({ exact, anchor: anchorFor(document.text, exact, stored) })),
        editable: file.file === ownFile,
        file: file.file,
      });
    }
  }
  const { version, files } = documentVersion(seedsDir, paths);
  return {
    version,
    document: summaryOf(seedsDir, seeds, document),
    text: document.text,
    facts,
    canUndo,
    files,
  };
}

export function sourceSuggestions(seedsDir: string, id: string): SourceSuggestions {
  const seeds = readFolder(seedsDir);
  const document = findDocument(seeds, id);
  const known = knownEntities(seeds);
  const mentions = findMentions(document.text, known);
  return {
    mentions,
    attestations: suggestAppositions(document.text, mentions, known),
  };
}
