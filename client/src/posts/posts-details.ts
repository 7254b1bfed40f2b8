import type { Evidence } from '../../../graph/contract/api.ts';
import { evidenceList } from '../evidence/evidence.ts';
import { formatDate, formatSpan } from '../format/dates.ts';
import type { Deps } from '../ui/deps.ts';
import { h, replace } from '../ui/dom.ts';
import type { Target } from './chart.ts';
import { certaintyText, tenureCertainty } from './tenure.ts';

/**
 * The Posts tab's details: what a click on a bar, tick, period, vacancy or marker points at, with
 * every quote behind it and "Show in source" (the shared evidence and reader modules).
 */

function section(title: string, evidence: readonly Evidence[], deps: Deps): HTMLElement {
  return h('section', { class: 'pc-evidence' }, h('h4', {}, title), evidenceList(evidence, deps));
}

function fact(term: string, value: string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, value)];
}

/** To the Explore tab, with the node selected and in view. */
function showInGraph(id: string, deps: Deps): void {
  deps.store.dispatch({ type: 'setTab', tab: 'explore' });
  deps.jumpTo(id);
}

function personButton(id: string, name: string, deps: Deps): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'link-button',
      'data-testid': 'posts-show-in-graph',
      onclick: () => showInGraph(id, deps),
    },
    `Show ${name} in the graph`,
  );
}

export function renderDetails(root: HTMLElement, target: Target | null, deps: Deps): void {
  if (!target) {
    replace(root, h('p', { class: 'muted' }, 'Click a bar, a tick or a marker to see its sources.'));
    return;
  }
  const title = h('h3', { 'data-testid': 'posts-details-title' });
  const dl = h('dl', { class: 'pc-facts' });
  const parts: HTMLElement[] = [];
  switch (target.kind) {
    case 'tenure':
    case 'attestation':
    case 'period': {
      const t = target.tenure;
      title.textContent = `${t.person.name}: ${target.post.post.title}`;
      dl.append(
        ...fact('Organisation', target.post.org.name),
        ...fact('Capacity', `${t.capacity ?? 'not stated'}${t.status ? ` (${t.status})` : ''}`),
        ...fact('Dates', formatSpan(t.from, t.to)),
        ...fact('Certainty', certaintyText(tenureCertainty(t))),
      );
      if (t.end)
        dl.append(...fact('Ended', `${t.end.reason}${t.end.date ? `, ${formatDate(t.end.date)}` : ''}`));
      if (target.kind === 'attestation') {
        const a = t.attestations[target.index];
        if (a) parts.push(section(`Source dated ${formatDate(a.date)}`, [a], deps));
      }
      if (target.kind === 'period') {
        const p = t.periods[target.index];
        if (p) parts.push(section(`${p.kind} ${formatSpan(p.from, p.to)}`, p.evidence, deps));
      }
      if (t.fromEvidence.length > 0) parts.push(section('Start', t.fromEvidence, deps));
      if (t.toEvidence.length > 0) parts.push(section('End', t.toEvidence, deps));
      if (target.kind !== 'attestation' && t.attestations.length > 0)
        parts.push(section(`Dated sources (${t.attestations.length})`, t.attestations, deps));
      if (target.kind !== 'period')
        for (const p of t.periods)
          parts.push(section(`${p.kind} ${formatSpan(p.from, p.to)}`, p.evidence, deps));
      if (t.end && t.end.evidence.length > 0) parts.push(section('How it ended', t.end.evidence, deps));
      if (t.evidence.length > 0) parts.push(section('The tenure', t.evidence, deps));
      parts.push(personButton(t.person.id, t.person.name, deps));
      break;
    }
    case 'vacancy': {
      const v = target.post.post.vacancies[target.index];
      title.textContent = `${target.post.post.title}: vacant`;
      if (v) {
        dl.append(...fact('Date', formatDate(v.date)), ...fact('Organisation', target.post.org.name));
        parts.push(section('Source', v.evidence, deps));
      }
      break;
    }
    case 'event': {
      const ev = target.event;
      if (ev.members) {
        // A report's findings, gathered into one marker: each finding with its own sources.
        title.textContent = ev.name;
        dl.append(...fact('Date', formatDate(ev.date)));
        for (const member of ev.members)
          parts.push(
            section(`${member.name}${member.kind ? ` (${member.kind})` : ''}`, member.evidence, deps),
          );
        const foundBy = ev.foundBy;
        if (foundBy)
          parts.push(
            h(
              'button',
              { type: 'button', class: 'link-button', onclick: () => showInGraph(foundBy, deps) },
              'Show what found them in the graph',
            ),
          );
        break;
      }
      title.textContent = ev.name;
      dl.append(...fact(ev.label, ev.kind ?? ''), ...fact('Date', formatDate(ev.date)));
      parts.push(section('Sources', ev.evidence, deps));
      parts.push(
        h(
          'button',
          { type: 'button', class: 'link-button', onclick: () => showInGraph(ev.id, deps) },
          'Show in the graph',
        ),
      );
      break;
    }
  }
  replace(root, title, dl, ...parts);
}
