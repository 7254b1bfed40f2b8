import { slugify } from '../contract/slug.ts';
import type { AppositionSuggestion, FactInput, Mention } from '../contract/sources.ts';
import { anchorAt } from './anchors.ts';
import type { KnownEntities } from './known-entities.ts';

const HONORIFIC = '(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Sir|Dame|Lord|Baroness)\\.?';
const CAP = "[A-Z][\\p{L}'’-]+";
/** A person's name as printed: an optional honorific and two to four capitalised words. */
const NAME = `(?:${HONORIFIC}\\s+)?${CAP}(?:\\s+${CAP}){1,3}`;
/** A title: words, commas and "and" — no sentence punctuation — at most about a dozen words. */
const TITLE = "[A-Za-z][A-Za-z ,'’&-]{2,110}?";
const LINK = '\\s+(?:of|for|at)\\s+(?:the\\s+)?';

const NAME_THEN_TITLE = new RegExp(
  `(${NAME}),\\s+(?:the\\s+)?(?:([Ii]nterim|[Aa]cting)\\s+)?(${TITLE})${LINK}$`,
  'u',
);
const TITLE_BEFORE_ORG = new RegExp(
  `(?:^|[.!?:;"“(]\\s*)((?:([Ii]nterim|[Aa]cting)\\s+)?(${TITLE}))${LINK}$`,
  'u',
);
const NAME_AFTER_ORG = new RegExp(`^,\\s+(${NAME})`, 'u');

/** Words that make a capitalised phrase a title or a body rather than a person's name. */
const NOT_A_NAME =
  /\b(Director|Officer|Executive|Chief|Leader|Chair|Chairman|Head|Manager|Member|Council|Board|Services?|Department|Group|Team|Committee|Regional|Ofsted|NHS)\b/;

const HONORIFIC_AT_START = new RegExp(`^${HONORIFIC}\\s+`, 'i');

/** A title reduced to its words, so "Chief Executive, Bury Council" and "chief executive of" compare equal. */
function titleKey(title: string, organisationNames: readonly string[]): string {
  let t = title.toLowerCase();
  for (const name of organisationNames) t = t.split(name.toLowerCase()).join(' ');
  return t
    .replace(/['’]s\b/g, '')
    .replace(/\b(of|for|at|the|and|interim|acting)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function titleCase(title: string): string {
  return title
    .replace(/(^|\s)([a-z])/g, (_m, space: string, letter: string) => space + letter.toUpperCase())
    .replace(/\b(Of|For|And|At|The)\b/g, (w) => w.toLowerCase());
}

interface Found {
  pattern: AppositionSuggestion['pattern'];
  start: number;
  end: number;
  name: string;
  title: string;
  capacity: string | undefined;
  organisation: Mention;
}

function lineStartBefore(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function findAppositions(text: string, organisations: readonly Mention[]): Found[] {
  const found: Found[] = [];
  for (const org of organisations) {
    const before = text.slice(lineStartBefore(text, org.start), org.start);
    const beforeStart = org.start - before.length;
    const a = NAME_THEN_TITLE.exec(before);
    if (a?.[1] && a[3]) {
      found.push({
        pattern: 'name-title',
        start: beforeStart + a.index,
        end: org.end,
        name: a[1],
        title: a[3],
        capacity: a[2]?.toLowerCase(),
        organisation: org,
      });
      continue;
    }
    const b = NAME_AFTER_ORG.exec(text.slice(org.end));
    const t = b ? TITLE_BEFORE_ORG.exec(before) : null;
    if (b?.[1] && t?.[1] && t[3]) {
      const titleStart = beforeStart + t.index + t[0].indexOf(t[1]);
      found.push({
        pattern: 'title-name',
        start: titleStart,
        end: org.end + b[0].length,
        name: b[1],
        title: t[3],
        capacity: t[2]?.toLowerCase(),
        organisation: org,
      });
    }
  }
  return found;
}

/**
 * The apposition patterns "Name, title of Organisation" and "Title for Organisation, Name", where
 * the organisation is one the graph knows, each offered as an attestation with everything it needs
 * pre-filled (a new person, a new post, a tenure with the quote as its attestation) for a person to
 * confirm. Suggest, never decide: nothing here is written.
 */
export function suggestAppositions(
  text: string,
  mentions: readonly Mention[],
  known: KnownEntities,
): AppositionSuggestion[] {
  const organisations = mentions.filter((m) => m.label === 'Organisation');
  const namesOf = (id: string) => known.named.find((n) => n.id === id)?.names ?? [];
  const out: AppositionSuggestion[] = [];
  for (const f of findAppositions(text, organisations)) {
    if (NOT_A_NAME.test(f.name)) continue;
    // A title that runs over another organisation's name has joined two appositions: skip it.
    if (organisations.some((o) => o !== f.organisation && o.start >= f.start && o.end <= f.end)) continue;
    const bareName = f.name.replace(HONORIFIC_AT_START, '');
    const honorific =
      f.name === bareName ? undefined : f.name.slice(0, f.name.length - bareName.length).trim();
    const person = known.named.find(
      (n) => n.label === 'Person' && (n.names.includes(f.name) || n.names.includes(bareName)),
    );
    // A name that is an organisation's ("Bury Council, …") is not a person.
    if (!person && known.named.some((n) => n.label !== 'Person' && n.names.includes(f.name))) continue;
    const orgId = f.organisation.entityId;
    const key = titleKey(f.title, namesOf(orgId));
    if (!key) continue;
    const post = known.posts.find(
      (p) => p.organisation === orgId && titleKey(p.title, namesOf(orgId)) === key,
    );
    const personId = person?.id ?? `person:${slugify(bareName)}`;
    const postId = post?.id ?? `post:${slugify(`${orgId.slice(4)} ${f.title}`)}`;
    const tenure = known.tenures.find((t) => t.person === personId && t.post === postId);
    const anchor = anchorAt(text, f.start, f.end);
    const quote = { exact: anchor.quote.exact, start: f.start, end: f.end };
    const facts: FactInput[] = [];
    if (!person) {
      facts.push({
        collection: 'people',
        value: { id: personId, name: bareName, ...(honorific ? { honorific } : {}) },
        quote,
      });
    }
    if (!post) {
      facts.push({
        collection: 'posts',
        value: { id: postId, title: `${titleCase(f.title)}, ${f.organisation.name}`, organisation: orgId },
        quote,
      });
    }
    if (tenure) {
      // Kept in this document's facts file or in a curated one: either way the known tenure is
      // attested (a curated one through the file's top-level `attestations` list), never duplicated.
      facts.push({ collection: 'attestations', tenure: tenure.id, quote });
    } else {
      const tenureId = `tenure:${slugify(`${personId.slice(7)} ${postId.slice(5)}`, 120)}`;
      facts.push({
        collection: 'tenures',
        value: {
          id: tenureId,
          person: personId,
          post: postId,
          ...(f.capacity ? { capacity: f.capacity } : {}),
        },
        quote,
        attest: true,
      });
    }
    out.push({
      pattern: f.pattern,
      quote: quote.exact,
      anchor,
      person: { text: f.name, id: person?.id ?? null },
      title: f.title,
      capacity: f.capacity === 'interim' || f.capacity === 'acting' ? f.capacity : null,
      organisation: { text: f.organisation.matched, id: orgId },
      post: { text: post?.title ?? f.title, id: post?.id ?? null },
      tenure: { text: tenure?.id ?? '', id: tenure?.id ?? null },
      facts,
      needs: [],
    });
  }
  return out;
}
