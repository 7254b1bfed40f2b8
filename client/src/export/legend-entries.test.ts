import { describe, expect, it } from 'vitest';
import { GROUP_STYLE, LABEL_STYLES, OTHER_STYLE } from '../canvas/style.ts';
import { legendEntries } from './legend-entries.ts';

describe('legendEntries', () => {
  it('lists the labels shown in the usual order, with their canvas styles', () => {
    const entries = legendEntries(new Set(['Person', 'Inspection', 'Organisation']));
    expect(entries.map((e) => e.label)).toEqual(['Person', 'Organisation', 'Inspection']);
    expect(entries[0]?.style).toBe(LABEL_STYLES.Person);
  });

  it('names the "N findings" node for a reader and draws it as a finding, after the known labels', () => {
    const entries = legendEntries(new Set(['Group', 'Finding', 'Inspection']));
    expect(entries.map((e) => e.label)).toEqual(['Inspection', 'Finding', 'Findings, grouped']);
    expect(entries[2]?.style).toBe(GROUP_STYLE);
    expect(GROUP_STYLE.shape).toBe(LABEL_STYLES.Finding?.shape);
  });

  it('puts a label it does not know last, in the style for anything else', () => {
    const entries = legendEntries(new Set(['Zeta', 'Person', 'Alpha']));
    expect(entries.map((e) => e.label)).toEqual(['Person', 'Alpha', 'Zeta']);
    expect(entries[1]?.style).toBe(OTHER_STYLE);
  });
});
