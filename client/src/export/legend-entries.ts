import { GROUP_LABEL, LABEL_STYLES, type LabelStyle, styleOf } from '../canvas/style.ts';

export interface LegendEntry {
  label: string;
  style: LabelStyle;
}

/** What the image frame's legend calls the "N findings" node: its label `Group` means nothing to a reader. */
const GROUP_LEGEND_NAME = 'Findings, grouped';

/**
 * The frame's legend for the labels a picture shows: the known labels in their usual order, then
 * the "N findings" node, then any other label. Pure.
 */
export function legendEntries(shown: ReadonlySet<string>): LegendEntry[] {
  const known = Object.keys(LABEL_STYLES);
  const others = [...shown].filter((l) => !(l in LABEL_STYLES) && l !== GROUP_LABEL).sort();
  return [...known, GROUP_LABEL, ...others]
    .filter((label) => shown.has(label))
    .map((label) => ({ label: label === GROUP_LABEL ? GROUP_LEGEND_NAME : label, style: styleOf(label) }));
}
