import { describe, expect, it } from 'vitest';
import type { Elements } from '../../../graph/contract/api.ts';
import { edgeElement } from '../../../test/elements.ts';
import { groupFindings, groupIdFor } from './group.ts';

const node = (id: string, label: string) => ({ data: { id, label, name: id, kind: null } });
const edge = (source: string, type: string, target: string) => edgeElement(source, type, target);

function inspectionWith(findings: number): Elements {
  const ids = Array.from({ length: findings }, (_, i) => `finding:${i}`);
  return {
    nodes: [
      node('inspection:a', 'Inspection'),
      node('org:x', 'Organisation'),
      ...ids.map((id) => node(id, 'Finding')),
    ],
    edges: [
      edge('inspection:a', 'INSPECTED', 'org:x'),
      ...ids.map((id) => edge('inspection:a', 'FOUND', id)),
      ...ids.map((id) => edge(id, 'CONCERNS', 'org:x')),
    ],
  };
}

describe('grouping findings', () => {
  it('folds an inspection’s findings into one node with one line per relationship', () => {
    const grouped = groupFindings(inspectionWith(5), { open: new Set(), keep: new Set() });
    const group = grouped.nodes.find((n) => n.data.id === groupIdFor('inspection:a'));
    expect(group?.data.name).toBe('5 findings');
    expect(grouped.nodes.filter((n) => n.data.label === 'Finding')).toEqual([]);
    const types = grouped.edges.map((e) => `${e.data.source} ${e.data.type} ${e.data.target}`).sort();
    expect(types).toEqual([
      `${groupIdFor('inspection:a')} CONCERNS org:x`,
      `inspection:a FOUND ${groupIdFor('inspection:a')}`,
      'inspection:a INSPECTED org:x',
    ]);
  });

  it('leaves the findings alone once opened, when there are few, and keeps a selected one out', () => {
    expect(
      groupFindings(inspectionWith(5), { open: new Set(['inspection:a']), keep: new Set() }).nodes,
    ).toHaveLength(7);
    expect(groupFindings(inspectionWith(2), { open: new Set(), keep: new Set() }).nodes).toHaveLength(4);
    const kept = groupFindings(inspectionWith(5), { open: new Set(), keep: new Set(['finding:0']) });
    expect(kept.nodes.map((n) => n.data.id)).toContain('finding:0');
    expect(kept.nodes.find((n) => n.data.label === 'Group')?.data.name).toBe('4 findings');
  });
});
