import type { AccountabilityByOrg, Holder } from '../../../graph/contract/api.ts';
import { evidenceItem, evidenceList } from '../evidence/evidence.ts';
import { formatBetween, formatDate, formatSpan } from '../format/dates.ts';
import type { Deps } from '../ui/deps.ts';
import { errorText, h, replace, statusLine } from '../ui/dom.ts';

/**
 * "Who was accountable": the holders of an organisation's posts on a day, or the chain from a
 * finding to the people who held the accountable posts when it was reported. Certainty is shown
 * as a badge of its own kind, and posts the sources are silent about say so.
 */

const CERTAINTY_TEXT: Record<Holder['certainty'], string> = {
  stated: 'a source gives dates for the tenure that cover this day',
  attested: 'a source dated this day shows them in post',
  inferred: 'sources show them in post before and after this day, and nobody else in between',
  possible:
    'a source dated only within bounds that include this day shows them in post, or a stated start with no end',
};

/** The certainty words in plain English, once per panel, folded away. */
function certaintyKey(): HTMLElement {
  return h(
    'details',
    { class: 'certainty-key', 'data-testid': 'certainty-key' },
    h('summary', {}, 'How sure is this?'),
    h(
      'dl',
      {},
      ...(['stated', 'attested', 'inferred', 'possible'] as const).flatMap((c) => [
        h('dt', {}, certaintyBadge(c)),
        h('dd', {}, CERTAINTY_TEXT[c]),
      ]),
      h('dt', {}, h('span', { class: 'badge unknown-badge' }, 'not known')),
      h(
        'dd',
        {},
        'no source says who held the post on this day; the nearest sources before and after are given',
      ),
    ),
  );
}

/** ISO days in the server's explanations, written as people write them ("21 November 2017"). */
function readable(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (day) => formatDate(day));
}

function nodeLink(ref: { id: string; name: string }, deps: Deps, testid?: string): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'link-button strong',
      'data-testid': testid,
      onclick: () => deps.jumpTo(ref.id),
    },
    ref.name,
  );
}

export function certaintyBadge(certainty: Holder['certainty']): HTMLElement {
  return h(
    'span',
    {
      class: `badge certainty certainty-${certainty}`,
      title: CERTAINTY_TEXT[certainty],
      'data-certainty': certainty,
    },
    certainty,
  );
}

function holderItem(holder: Holder, deps: Deps): HTMLElement {
  // Attestations are shown with their dates; the rest of the evidence only where it adds a quote.
  const others = holder.evidence.filter(
    (e) => !holder.attestations.some((a) => a.documentId === e.documentId && a.quote === e.quote),
  );
  const attestations = h('div', { class: 'evidence-list' });
  for (const a of holder.attestations) {
    attestations.appendChild(
      evidenceItem(
        { documentId: a.documentId, quote: a.quote },
        deps,
        `in post ${formatBetween(a.notBefore, a.notAfter)}`,
      ),
    );
  }
  return h(
    'li',
    { class: 'holder', 'data-testid': 'holder', 'data-certainty': holder.certainty },
    h(
      'div',
      { class: 'holder-head' },
      nodeLink(holder.person, deps, 'holder-person'),
      certaintyBadge(holder.certainty),
      holder.capacity ? h('span', { class: 'badge capacity' }, holder.capacity) : null,
      holder.status ? h('span', { class: 'badge status-flag' }, holder.status) : null,
    ),
    h('div', { class: 'holder-post' }, postWithOrganisation(holder.post.title, holder.organisation.name)),
    h(
      'div',
      { class: 'muted' },
      formatSpan(holder.from, holder.to),
      holder.qualifier ? ` · ${holder.qualifier}` : '',
    ),
    h('p', { class: 'basis' }, readable(holder.basis)),
    h(
      'details',
      { class: 'quotes' },
      h(
        'summary',
        {},
        `Evidence (${others.length + holder.attestations.length + (holder.citations?.length ?? 0)})`,
      ),
      holder.attestations.length > 0 ? attestations : null,
      // Sources cited by address only (an imported file) are listed apart, marked as weaker.
      others.length > 0 || holder.attestations.length === 0 || (holder.citations?.length ?? 0) > 0
        ? evidenceList(others, deps, 'No quote gives this tenure’s bounds.', holder.citations ?? [])
        : null,
    ),
  );
}

function notKnownItem(unknown: AccountabilityByOrg['notKnown'][number], deps: Deps): HTMLElement {
  const near = (label: string, known: { person: { id: string; name: string }; date: string } | null) =>
    known
      ? h(
          'div',
          { class: 'muted' },
          `${label}: `,
          nodeLink(known.person, deps),
          ` (${formatDate(known.date)})`,
        )
      : null;
  return h(
    'li',
    { class: 'holder unknown', 'data-testid': 'not-known' },
    h(
      'div',
      { class: 'holder-head' },
      h('strong', {}, unknown.post.title),
      h('span', { class: 'badge unknown-badge' }, 'not known'),
    ),
    ...(unknown.post.title.includes(unknown.organisation.name)
      ? []
      : [h('div', { class: 'holder-post' }, unknown.organisation.name)]),
    h('p', { class: 'basis' }, 'Not known from the sources on this date.'),
    near('Last known before', unknown.lastKnownBefore),
    near('Next known after', unknown.nextKnownAfter),
  );
}

function holderLists(
  holders: Holder[],
  notKnown: AccountabilityByOrg['notKnown'],
  deps: Deps,
): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (holders.length === 0 && notKnown.length === 0) {
    out.push(statusLine('empty', 'The sources name no posts for this.'));
    return out;
  }
  out.push(certaintyKey());
  if (holders.length > 0) out.push(h('ul', { class: 'holders' }, ...holders.map((x) => holderItem(x, deps))));
  if (notKnown.length > 0)
    out.push(h('ul', { class: 'holders' }, ...notKnown.map((x) => notKnownItem(x, deps))));
  return out;
}

export function orgAccountability(orgId: string, at: string | null, deps: Deps): HTMLElement {
  const section = h('section', {
    class: 'accountability',
    'data-testid': 'accountability-panel',
    'aria-live': 'polite',
  });
  const title = h('h3', {}, at ? `Accountable on ${formatDate(at)}` : 'Accountable on this date');
  if (!at) {
    replace(
      section,
      title,
      h(
        'p',
        { class: 'muted' },
        'Choose a date in the left sidebar to see who held this organisation’s posts on that day.',
      ),
    );
    return section;
  }
  replace(section, title, statusLine('loading', 'Looking up who held the posts…'));
  deps.data.accountabilityForOrg(orgId, at).then(
    (result) => {
      const scope =
        result.scope.length > 0
          ? h(
              'p',
              { class: 'muted' },
              'Including: ',
              ...result.scope.flatMap((s, i) => [i > 0 ? ', ' : '', `${s.name} (${s.relation})`]),
            )
          : null;
      replace(section, title, scope, ...holderLists(result.holders, result.notKnown, deps));
    },
    (error: unknown) => replace(section, title, statusLine('error', errorText(error))),
  );
  return section;
}

/** The walk from a finding, a report or an inspection to who held the accountable posts then. */
export function findingAccountability(
  subjectId: string,
  deps: Deps,
  subject: 'Finding' | 'Report' | 'Inspection' = 'Finding',
): HTMLElement {
  const section = h('section', {
    class: 'accountability',
    'data-testid': 'finding-accountability',
    'aria-live': 'polite',
  });
  const isFinding = subject === 'Finding';
  const title = h('h3', {}, `Who was accountable for this ${subject.toLowerCase()}`);
  replace(
    section,
    title,
    statusLine(
      'loading',
      isFinding ? 'Tracing the finding to its report and organisations…' : 'Tracing it to its organisations…',
    ),
  );
  const walk = isFinding
    ? deps.data.accountabilityForFinding(subjectId)
    : deps.data.accountabilityForReport(subjectId);
  walk.then(
    (result) => {
      const report =
        isFinding || (result.report.id !== '' && result.report.id !== subjectId)
          ? h(
              'p',
              {},
              isFinding ? 'Reported in ' : 'Part of ',
              nodeLink({ id: result.report.id, name: result.report.name }, deps),
              result.report.date ? ` · ${formatDate(result.report.date)}` : ' · date not known',
            )
          : null;
      const when = h(
        'p',
        { class: 'muted' },
        result.at
          ? `Holders looked up for ${formatDate(result.at)}: `
          : 'No day is known to look holders up for: ',
        readable(result.atBasis),
      );
      const orgs = h(
        'ul',
        { class: 'orgs' },
        ...result.organisations.map((org) =>
          h(
            'li',
            { 'data-testid': 'finding-organisation' },
            nodeLink(org, deps),
            h('span', { class: 'muted' }, ` — ${org.how}`),
            evidenceList(org.evidence, deps),
          ),
        ),
      );
      replace(
        section,
        title,
        report,
        when,
        h('h4', {}, 'Organisations it concerns'),
        result.organisations.length > 0
          ? orgs
          : statusLine('empty', 'The sources tie it to no organisation.'),
        h('h4', {}, result.at ? `Post holders on ${formatDate(result.at)}` : 'Post holders'),
        ...holderLists(result.holders, result.notKnown, deps),
      );
    },
    (error: unknown) => replace(section, title, statusLine('error', errorText(error))),
  );
  return section;
}

/** "Chief Executive, Bury Council" already names its organisation; other titles get it added. */
function postWithOrganisation(title: string, organisation: string): string {
  return title.includes(organisation) ? title : `${title} · ${organisation}`;
}
