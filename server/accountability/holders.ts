import type { Holder, Vacancy } from '../../graph/contract/api.ts';
import { citedOf, evidenceOf, type Props } from '../../graph/contract/elements.ts';
import { certaintyAt, type PostContext, type Window } from './certainty.ts';
import {
  attestationsOf,
  boundEvidence,
  endOf,
  factsOf,
  periodsOf,
  str,
  vacanciesOf,
} from './tenure-props.ts';

/** One post with the tenures the graph knows of, as the accountability queries return them. */
export interface PostRow {
  org: { id: string; name: string };
  post: Props & { id: string; title: string; name: string };
  tenures: { tenure: Props; person: { id: string; name: string } }[];
}

type Ref = { id: string; name: string };

export interface UnknownPost {
  post: { id: string; title: string };
  organisation: Ref;
  lastKnownBefore: { person: Ref; date: string } | null;
  nextKnownAfter: { person: Ref; date: string } | null;
  sources: {
    person: Ref;
    tenureId: string;
    relation: 'before' | 'after' | 'around';
    documentId: string;
    quote: string;
    date: string;
    notBefore: string;
    notAfter: string;
  }[];
}

const overlaps = (a: Window, b: Window) => a.start <= b.end && b.start <= a.end;

function holderOf(
  row: PostRow,
  t: PostRow['tenures'][number],
  answer: NonNullable<ReturnType<typeof certaintyAt>>,
): Holder {
  const { tenure, person } = t;
  return {
    person,
    post: { id: row.post.id, title: row.post.title },
    organisation: row.org,
    tenureId: String(tenure.id),
    qualifier: [str(tenure.capacity), str(tenure.status)].filter(Boolean).join(', ') || null,
    capacity: str(tenure.capacity),
    status: str(tenure.status),
    from: str(tenure.from),
    to: str(tenure.to) ?? str(tenure.endDate),
    certainty: answer.certainty,
    basis: answer.basis,
    activity: answer.activity,
    activityBasis: answer.activityBasis,
    attestations: attestationsOf(tenure).map(({ documentId, quote, notBefore, notAfter }) => ({
      documentId,
      quote,
      notBefore,
      notAfter,
    })),
    fromEvidence: boundEvidence(tenure, 'from'),
    toEvidence: boundEvidence(tenure, 'to'),
    periods: periodsOf(tenure).map((p) => p.view),
    end: endOf(tenure),
    evidence: evidenceOf(tenure),
    ...citedOf(tenure),
  };
}

/**
 * Every source bearing on `window` for a post nobody is known to hold then: the nearest
 * attestation before and after (of any holder), and every attestation whose window contains it.
 */
function unknownPost(row: PostRow, tenures: PostRow['tenures'], window: Window): UnknownPost {
  let before: UnknownPost['sources'][number] | null = null;
  let after: UnknownPost['sources'][number] | null = null;
  const around: UnknownPost['sources'] = [];
  for (const { tenure, person } of tenures) {
    for (const a of attestationsOf(tenure)) {
      const { window: w, ...source } = a;
      const item = { person, tenureId: String(tenure.id), ...source };
      if (w.end < window.start && (!before || w.end > before.notAfter))
        before = { ...item, relation: 'before' };
      else if (w.start > window.end && (!after || w.start < after.notBefore))
        after = { ...item, relation: 'after' };
      else if (overlaps(w, window)) around.push({ ...item, relation: 'around' });
    }
  }
  return {
    post: { id: row.post.id, title: row.post.title },
    organisation: row.org,
    lastKnownBefore: before ? { person: before.person, date: before.date } : null,
    nextKnownAfter: after ? { person: after.person, date: after.date } : null,
    sources: [...(before ? [before] : []), ...around, ...(after ? [after] : [])],
  };
}

const ORDER = { stated: 0, attested: 1, inferred: 2, possible: 3 } as const;

/**
 * Who held each post during `window`, with a certainty and an activity for each; the posts whose
 * holder the sources do not tell, with every source bearing on the date; and the sources stating
 * a post vacant then.
 */
export function holdersAt(
  posts: readonly PostRow[],
  window: Window,
): { holders: Holder[]; notKnown: UnknownPost[]; vacancies: Vacancy[] } {
  const holders: Holder[] = [];
  const notKnown: UnknownPost[] = [];
  const vacancies: Vacancy[] = [];
  const seenPosts = new Set<string>();
  for (const row of posts) {
    if (seenPosts.has(row.post.id)) continue;
    seenPosts.add(row.post.id);
    const tenures = row.tenures.filter(
      (t, i, all) => all.findIndex((x) => x.tenure.id === t.tenure.id) === i,
    );
    const postVacancies = vacanciesOf(row.post);
    const context: PostContext = {
      tenures: tenures.map((t) => factsOf(t.tenure)),
      vacancies: postVacancies.map((v) => v.window),
    };
    let found = false;
    tenures.forEach((t, i) => {
      const self = context.tenures[i];
      const answer = self ? certaintyAt(self, window, context) : null;
      if (!answer) return;
      found = true;
      holders.push(holderOf(row, t, answer));
    });
    for (const v of postVacancies.filter((v) => overlaps(v.window, window))) {
      vacancies.push({
        post: { id: row.post.id, title: row.post.title },
        organisation: row.org,
        date: v.date,
        evidence: v.evidence,
      });
    }
    if (!found) notKnown.push(unknownPost(row, tenures, window));
  }
  holders.sort(
    (a, b) =>
      a.organisation.name.localeCompare(b.organisation.name) || ORDER[a.certainty] - ORDER[b.certainty],
  );
  return { holders, notKnown, vacancies };
}
