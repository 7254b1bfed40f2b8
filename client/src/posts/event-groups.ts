import type { ChartEvent } from '../../../graph/contract/posts-chart.ts';

/**
 * The strip's events with each report's or inspection's findings gathered into one marker, as the
 * canvas gathers them into one "N findings" node: thirty findings of one report, all dated by that
 * report, are one fact about dates ("it found these, then"), not thirty rows of identical markers.
 * Findings dated differently from the rest of their report stay apart. Pure.
 */

/** Fewer findings than this are drawn one by one (as on the canvas). */
export const MIN_FINDING_GROUP = 3;

export interface ShownEvent extends ChartEvent {
  /** For a group: the findings it stands for. */
  members?: ChartEvent[];
}

export function groupFindingEvents(events: readonly ChartEvent[]): ShownEvent[] {
  const groups = new Map<string, ChartEvent[]>();
  for (const event of events) {
    if (event.label !== 'Finding' || !event.foundBy) continue;
    const key = `${event.foundBy}|${event.start}|${event.end}`;
    groups.set(key, [...(groups.get(key) ?? []), event]);
  }
  const grouped = new Map<string, ShownEvent>();
  for (const members of groups.values()) {
    const [first] = members;
    if (!first || members.length < MIN_FINDING_GROUP) continue;
    const group: ShownEvent = {
      ...first,
      id: `findings:${first.foundBy}:${first.start}`,
      kind: null,
      name: `${members.length} findings`,
      evidence: dedupe(members.flatMap((m) => m.evidence)),
      members,
    };
    for (const member of members) grouped.set(member.id, group);
  }
  const out: ShownEvent[] = [];
  const placed = new Set<string>();
  for (const event of events) {
    const group = grouped.get(event.id);
    if (!group) out.push(event);
    else if (!placed.has(group.id)) {
      placed.add(group.id);
      out.push(group);
    }
  }
  return out;
}

function dedupe(evidence: ChartEvent['evidence']): ChartEvent['evidence'] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.documentId}\u0000${e.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
