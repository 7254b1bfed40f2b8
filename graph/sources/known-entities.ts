import type { Mention } from '../contract/sources.ts';
import { allEntities } from '../seed/entries.ts';
import type { SeedSet } from '../seed/read-seeds.ts';

/** What the suggestions need to know of the graph's entities, read from the seed files. */
export interface KnownEntities {
  /** People, organisations, inspections and reports, with every name they go by. */
  named: { id: string; label: string; name: string; names: string[] }[];
  posts: { id: string; title: string; organisation: string }[];
  tenures: { id: string; person: string; post: string; file: string }[];
}

export function knownEntities(seeds: SeedSet): KnownEntities {
  const known: KnownEntities = { named: [], posts: [], tenures: [] };
  for (const entity of allEntities(seeds)) {
    switch (entity.label) {
      case 'Person':
      case 'Organisation':
        known.named.push({
          id: entity.value.id,
          label: entity.label,
          name: entity.value.name,
          names: [entity.value.name, ...entity.value.aliases],
        });
        break;
      case 'Inspection':
      case 'Report':
        known.named.push({
          id: entity.value.id,
          label: entity.label,
          name: entity.value.name,
          names: [entity.value.name],
        });
        break;
      case 'Post':
        known.posts.push({
          id: entity.value.id,
          title: entity.value.title,
          organisation: entity.value.organisation,
        });
        break;
      case 'Tenure':
        known.tenures.push({
          id: entity.value.id,
          person: entity.value.person,
          post: entity.value.post,
          file: entity.file,
        });
        break;
      default:
        break;
    }
  }
  return known;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Where the text names a known entity by its name or an alias, as printed (case matters: these
 * are proper names). Where two names overlap the longer wins, so "NHS Bury CCG" is not also "Bury".
 */
export function findMentions(text: string, known: KnownEntities): Mention[] {
  const candidates: Mention[] = [];
  for (const entity of known.named) {
    for (const name of new Set(entity.names)) {
      if (name.length < 3) continue;
      for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
        const end = at + name.length;
        // Whole words only: "Bury" is not a mention inside "Buryport".
        if ((at > 0 && WORD.test(text[at - 1] ?? '')) || WORD.test(text[end] ?? '')) continue;
        candidates.push({
          entityId: entity.id,
          label: entity.label,
          name: entity.name,
          matched: name,
          start: at,
          end,
        });
      }
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Mention[] = [];
  for (const mention of candidates) {
    const overlaps = kept.some((k) => mention.start < k.end && mention.end > k.start);
    if (!overlaps) kept.push(mention);
  }
  return kept;
}
