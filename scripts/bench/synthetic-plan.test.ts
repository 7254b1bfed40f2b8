import { describe, expect, it } from 'vitest';
import { HUB_PEOPLE, syntheticPlan, syntheticPlanStats } from './synthetic-plan.ts';

describe('syntheticPlan', () => {
  const plan = syntheticPlan(200);

  it('is deterministic for a scale', () => {
    expect(syntheticPlan(200)).toEqual(plan);
  });

  it('has the requested people and the derived organisations, posts, documents and tenures', () => {
    const stats = syntheticPlanStats(200, plan);
    expect(stats.nodes).toMatchObject({ Person: 200, Organisation: 2, Post: 100, Document: 10 });
    expect(stats.nodes.Tenure).toBeGreaterThanOrEqual(200);
    expect(stats.relationships.HELD).toBe(stats.nodes.Tenure);
    expect(stats.relationships.OF_POST).toBe(stats.nodes.Tenure);
    expect(stats.relationships.POST_IN).toBe(100);
    expect(stats.relationships.MENTIONS).toBeGreaterThan(200);
  });

  it('gives unique ids, ends that exist with the stated labels, evidence arrays and a seedHash', () => {
    const labels = new Map(plan.nodes.map((n) => [n.id, n.label]));
    expect(labels.size).toBe(plan.nodes.length);
    expect(new Set(plan.relationships.map((r) => r.id)).size).toBe(plan.relationships.length);
    for (const r of plan.relationships) {
      expect(labels.get(r.source)).toBe(r.sourceLabel);
      expect(labels.get(r.target)).toBe(r.targetLabel);
      expect(r.properties.evidenceQuotes).toHaveLength((r.properties.evidenceDocumentIds as string[]).length);
      expect(r.properties.seedHash).toMatch(/^[0-9a-f]{32}$/);
    }
    for (const n of plan.nodes) expect(n.properties.id).toBe(n.id);
  });

  it('makes the first document a register naming every one of the first people', () => {
    const named = plan.relationships.filter((r) => r.type === 'MENTIONS' && r.source === 'doc:synthetic-0');
    const people = new Set(named.map((r) => r.target).filter((t) => t.startsWith('person:')));
    expect(people.size).toBe(Math.min(200, HUB_PEOPLE));
  });

  it('rejects a scale that is not a positive integer', () => {
    expect(() => syntheticPlan(0)).toThrow(/positive integer/);
  });
});
