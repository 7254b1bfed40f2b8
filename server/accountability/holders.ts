import type { Holder } from '../../graph/contract/api.ts';
import { evidenceOf, type Props } from '../../graph/contract/elements.ts';
import { boundsWindow, certaintyAt, type TenureFacts, type Window, windowOf } from './certainty.ts';

/** One post with the tenures the graph knows of, as the accountability queries return them. */
export interface PostRow {
  org: { id: string; name: string };
  post: { id: string; title: string; name: string };
  tenures: { tenure: Props; person: { id: string; name: string } }[];
}

export interface UnknownPost {
  post: { id: string; title: string };
  organisation: { id: string; name: string };
  lastKnownBefore: { person: { id: string; name: string }; date: string } | null;
  nextKnownAfter: { person: { id: string; name: string }; date: string } | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

interface Attestation {
  documentId: string;
  quote: string;
  notBefore: string;
  notAfter: string;
  window: Window;
}

function attestationsOf(t: Props): Attestation[] {
  const ids = strings(t.attestationDocumentIds);
  const quotes = strings(t.attestationQuotes);
  const nb = strings(t.attestationNotBefore);
  const na = strings(t.attestationNotAfter);
  return ids.map((documentId, i) => {
    const notBefore = nb[i] ?? '';
    const notAfter = na[i] ?? notBefore;
    return {
      documentId,
      quote: quotes[i] ?? '',
      notBefore,
      notAfter,
      window: boundsWindow(notBefore, notAfter),
    };
  });
}

function factsOf(t: Props): TenureFacts {
  const from = str(t.from);
  const to = str(t.to);
  return {
    id: String(t.id),
    personId: String(t.personId),
    postId: String(t.postId),
    capacity: str(t.capacity),
    statedFrom: from ? windowOf(from) : null,
    statedTo: to ? windowOf(to) : null,
    attestations: attestationsOf(t).map((a) => a.window),
  };
}

const label = (a: Attestation) => (a.notBefore === a.notAfter ? a.notBefore : `${a.notBefore}/${a.notAfter}`);

/**
 * Who held each post during `window`, with a certainty for each, and the posts whose holder
 * the sources do not tell, with the nearest attestations on either side.
 */
export function holdersAt(
  posts: readonly PostRow[],
  window: Window,
): { holders: Holder[]; notKnown: UnknownPost[] } {
  const holders: Holder[] = [];
  const notKnown: UnknownPost[] = [];
  const seenPosts = new Set<string>();
  for (const row of posts) {
    if (seenPosts.has(row.post.id)) continue;
    seenPosts.add(row.post.id);
    const tenures = row.tenures.filter(
      (t, i, all) => all.findIndex((x) => x.tenure.id === t.tenure.id) === i,
    );
    const facts = tenures.map((t) => factsOf(t.tenure));
    let found = false;
    tenures.forEach(({ tenure, person }, i) => {
      const self = facts[i];
      if (!self) return;
      const answer = certaintyAt(self, window, facts);
      if (!answer) return;
      found = true;
      holders.push({
        person,
        post: { id: row.post.id, title: row.post.title },
        organisation: row.org,
        tenureId: String(tenure.id),
        qualifier: [str(tenure.capacity), str(tenure.status)].filter(Boolean).join(', ') || null,
        capacity: str(tenure.capacity),
        status: str(tenure.status),
        from: str(tenure.from),
        to: str(tenure.to),
        certainty: answer.certainty,
        basis: answer.basis,
        attestations: attestationsOf(tenure).map(({ window: _w, ...a }) => a),
        evidence: evidenceOf(tenure),
      });
    });
    if (!found) {
      let before: UnknownPost['lastKnownBefore'] = null;
      let beforeDay = '';
      let after: UnknownPost['nextKnownAfter'] = null;
      let afterDay = '9999';
      for (const { tenure, person } of tenures) {
        for (const a of attestationsOf(tenure)) {
          if (a.window.end < window.start && a.window.end > beforeDay) {
            beforeDay = a.window.end;
            before = { person, date: label(a) };
          }
          if (a.window.start > window.end && a.window.start < afterDay) {
            afterDay = a.window.start;
            after = { person, date: label(a) };
          }
        }
      }
      notKnown.push({
        post: { id: row.post.id, title: row.post.title },
        organisation: row.org,
        lastKnownBefore: before,
        nextKnownAfter: after,
      });
    }
  }
  const order = { stated: 0, attested: 1, inferred: 2 } as const;
  holders.sort(
    (a, b) =>
      a.organisation.name.localeCompare(b.organisation.name) || order[a.certainty] - order[b.certainty],
  );
  return { holders, notKnown };
}
