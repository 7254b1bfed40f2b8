import type { ElementEdge, ElementNode, Elements } from '../../../graph/contract/api.ts';

/**
 * Findings gathered into one "N findings" node per inspection or report, so a view shows the story
 * (an inspection, what it found, who answered for it) rather than a fan of sentences. The group
 * opens on a click; a finding that is selected, pinned or expanded is never folded away. Pure.
 */

export const GROUP_PREFIX = 'group:findings:';
/** Fewer findings than this stay as they are: a group of two hides more than it saves. */
export const MIN_GROUP = 3;

export function groupIdFor(homeId: string): string {
  return `${GROUP_PREFIX}${homeId}`;
}

export function isGroupId(id: string): boolean {
  return id.startsWith(GROUP_PREFIX);
}

const HOME_LABELS = new Set(['Inspection', 'Report']);

/** The node a finding belongs under: the inspection or report it hangs from, else its first neighbour. */
function homeOf(
  findingId: string,
  edges: readonly ElementEdge[],
  labels: Map<string, string>,
): string | null {
  const neighbours = edges
    .filter((e) => e.data.source === findingId || e.data.target === findingId)
    .map((e) => (e.data.source === findingId ? e.data.target : e.data.source))
    .filter((id) => labels.get(id) !== 'Finding');
  const sorted = [...new Set(neighbours)].sort();
  return sorted.find((id) => HOME_LABELS.has(labels.get(id) ?? '')) ?? sorted[0] ?? null;
}

export interface GroupOptions {
  /** Homes whose findings the reader opened. */
  open: ReadonlySet<string>;
  /** Nodes never folded away (selected, pinned, expanded). */
  keep: ReadonlySet<string>;
}

export function groupFindings(elements: Elements, options: GroupOptions): Elements {
  const labels = new Map(elements.nodes.map((n) => [n.data.id, n.data.label]));
  const members = new Map<string, string[]>();
  for (const node of elements.nodes) {
    if (node.data.label !== 'Finding' || options.keep.has(node.data.id)) continue;
    const home = homeOf(node.data.id, elements.edges, labels);
    if (!home || options.open.has(home)) continue;
    members.set(home, [...(members.get(home) ?? []), node.data.id]);
  }
  const groupOf = new Map<string, string>();
  const groups: ElementNode[] = [];
  for (const [home, ids] of members) {
    if (ids.length < MIN_GROUP) continue;
    const id = groupIdFor(home);
    for (const member of ids) groupOf.set(member, id);
    groups.push({
      data: {
        id,
        label: 'Group',
        name: `${ids.length} findings`,
        kind: null,
        home,
        members: ids,
      },
    });
  }
  if (groups.length === 0) return elements;

  // Each relationship of a grouped finding is redrawn once from the group: one line per (other end, type).
  const edges: ElementEdge[] = [];
  const seen = new Set<string>();
  for (const edge of elements.edges) {
    const source = groupOf.get(edge.data.source) ?? edge.data.source;
    const target = groupOf.get(edge.data.target) ?? edge.data.target;
    if (source === edge.data.source && target === edge.data.target) {
      edges.push(edge);
      continue;
    }
    if (source === target) continue;
    const id = `${GROUP_PREFIX}${source}|${edge.data.type}|${target}`;
    const existing = edges.find((e) => e.data.id === id);
    if (existing) {
      existing.data.evidence = [...existing.data.evidence, ...edge.data.evidence];
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ data: { ...edge.data, id, source, target, evidence: [...edge.data.evidence] } });
  }
  return {
    nodes: [...elements.nodes.filter((n) => !groupOf.has(n.data.id)), ...groups],
    edges,
  };
}
