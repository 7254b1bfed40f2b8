import type { StylesheetJson } from 'cytoscape';
import { LABEL_FONT_SIZE } from './viewport.ts';

/**
 * One colour and one shape per node label, used by the canvas and the legend alike. Colours are
 * distinct in hue and lightness so they still differ for most colour-blind readers, and the shape
 * carries the label too.
 */
export interface LabelStyle {
  color: string;
  shape:
    | 'ellipse'
    | 'round-rectangle'
    | 'diamond'
    | 'tag'
    | 'hexagon'
    | 'round-pentagon'
    | 'round-triangle'
    | 'rectangle';
  meaning: string;
}

export const LABEL_STYLES: Record<string, LabelStyle> = {
  Person: { color: '#2563eb', shape: 'ellipse', meaning: 'a person named in a source' },
  Organisation: {
    color: '#0f766e',
    shape: 'round-rectangle',
    meaning: 'a council, NHS body, regulator, board…',
  },
  Post: { color: '#b45309', shape: 'diamond', meaning: 'an office, apart from who holds it' },
  Tenure: { color: '#7c3aed', shape: 'tag', meaning: 'one person holding one post' },
  Inspection: { color: '#be123c', shape: 'hexagon', meaning: 'an inspection or revisit' },
  Report: { color: '#a21caf', shape: 'round-pentagon', meaning: 'a report, letter or action plan' },
  Finding: { color: '#ea580c', shape: 'round-triangle', meaning: 'one judgement in a report' },
  Document: { color: '#64748b', shape: 'rectangle', meaning: 'a source text' },
};

export const OTHER_STYLE: LabelStyle = { color: '#94a3b8', shape: 'ellipse', meaning: 'anything else' };

/** The "N findings" node (label `Group`, see group.ts): a finding's shape, in its colour. */
export const GROUP_LABEL = 'Group';
export const GROUP_STYLE: LabelStyle = {
  color: '#ea580c',
  shape: 'round-triangle',
  meaning: "an inspection's or report's findings, shown as one node until opened",
};

export function styleOf(label: string): LabelStyle {
  return LABEL_STYLES[label] ?? (label === GROUP_LABEL ? GROUP_STYLE : OTHER_STYLE);
}

const FONT = '"Inter", "Segoe UI", system-ui, -apple-system, sans-serif';

/** A relationship type as words on the canvas: RESPONSIBLE_FOR → "responsible for". */
export function edgeCaption(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

export function stylesheet(): StylesheetJson {
  const perLabel: StylesheetJson = Object.entries(LABEL_STYLES).map(([label, style]) => ({
    selector: `node[label = "${label}"]`,
    style: { 'background-color': style.color, shape: style.shape },
  }));
  return [
    {
      selector: 'node',
      style: {
        'background-color': OTHER_STYLE.color,
        shape: OTHER_STYLE.shape,
        width: 30,
        height: 30,
        label: 'data(caption)',
        'font-family': FONT,
        'font-size': LABEL_FONT_SIZE,
        'font-weight': 500,
        color: '#0f172a',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        'line-height': 1.15,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        // Names vanish only when the reader zooms far out (about 45%); the app never goes below
        // a zoom where they are 11px or more on screen (viewport.ts).
        'min-zoomed-font-size': 6,
        'border-width': 2,
        'border-color': '#ffffff',
      },
    },
    ...perLabel,
    // Findings are sentences: a smaller shape and plainer type, the same readable size.
    {
      selector: 'node[label = "Finding"]',
      style: { width: 24, height: 24, 'font-weight': 400, color: '#334155' },
    },
    // "N findings": one node standing for an inspection's findings, opened with a click.
    {
      selector: 'node[label = "Group"]',
      style: {
        shape: 'round-triangle',
        'background-color': '#fed7aa',
        'border-color': LABEL_STYLES.Finding?.color ?? '#ea580c',
        'border-width': 3,
        'border-style': 'double',
        width: 34,
        height: 34,
        'font-weight': 700,
        color: '#9a3412',
      },
    },
    { selector: 'node[label = "Person"], node[label = "Organisation"]', style: { 'font-weight': 700 } },
    { selector: 'node[label = "Document"]', style: { width: 22, height: 26 } },
    { selector: 'node.expanded', style: { 'border-color': '#0f172a', 'border-width': 3 } },
    {
      selector: 'node.disputed',
      style: { 'border-color': '#dc2626', 'border-style': 'dashed', 'border-width': 3 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#94a3b8',
        'target-arrow-color': '#94a3b8',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
        'font-family': FONT,
        'font-size': 10,
        color: '#475569',
        'text-rotation': 'autorotate',
        'text-margin-y': -7,
        'text-background-color': '#f8fafc',
        'text-background-opacity': 0.9,
        'text-background-padding': '1px',
      },
    },
    // Relationship names crowd the view. They are named on the selected element's relationships
    // (class `near`), on what the pointer is on (`hover`), and on all of them once zoomed in past
    // what a fit chooses (`named`, set by cy.ts). Not by `min-zoomed-font-size`: Cytoscape rounds
    // the zoom times the pixel ratio up to a power of two for that test, so a fitted view at 101%
    // would name them all, and on a high-density screen sooner still.
    { selector: 'edge.near, edge:selected, edge.hover, edge.named', style: { label: 'data(caption)' } },
    {
      selector: 'edge.near, edge:selected, edge.hover',
      style: { 'font-weight': 600, color: '#1e293b', 'z-index': 10 },
    },
    {
      selector: 'edge[type = "MENTIONS"]',
      style: { width: 1, 'line-color': '#cbd5e1', 'target-arrow-color': '#cbd5e1' },
    },
    {
      selector: 'edge[type = "HOLDS"]',
      style: { width: 3, 'line-color': '#2563eb', 'target-arrow-color': '#2563eb', color: '#1e3a8a' },
    },
    // A tenure known only from sources that show the person in post on a date: dashed, not solid.
    {
      selector: 'edge[type = "HOLDS"][known = "attested"]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 4] },
    },
    // Only possibly in force on the date, or resting only on sources cited by address (never more
    // than possible): dotted and faint (the caption says "possibly", and "cited by URL" for those).
    {
      selector: 'edge[standing = "possible"], edge[evidenceKind = "cited"]',
      style: { 'line-style': 'dotted', opacity: 0.55 },
    },
    // No source dates it: shown under any date, dashed grey (the caption says "date unknown").
    {
      selector: 'edge[standing = "undated"]',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': [2, 6],
        'line-color': '#a8a29e',
        'target-arrow-color': '#a8a29e',
      },
    },
    {
      selector: 'node:selected',
      style: { 'border-color': '#facc15', 'border-width': 5, 'overlay-opacity': 0 },
    },
    {
      selector: 'edge:selected',
      style: { 'line-color': '#ca8a04', 'target-arrow-color': '#ca8a04', width: 4, color: '#713f12' },
    },
    { selector: 'node.faded, edge.faded', style: { opacity: 0.25 } },
  ];
}

/**
 * What the stylesheet above gives a node or an edge, worked out without Cytoscape, for the picture
 * of the opening drawn before Cytoscape has loaded (picture.ts). Keep it in step with
 * `stylesheet()`: style.test.ts checks the two agree for every label and relationship type.
 */
export interface NodeLook {
  shape: string;
  fill: string;
  width: number;
  height: number;
  border: { color: string; width: number; dash: number[] | null };
  font: { family: string; size: number; weight: number; style: string };
  color: string;
}

export interface NodeState {
  label: string;
  disputed: boolean;
  expanded: boolean;
  selected: boolean;
}

export const NODE_LABEL = {
  wrapWidth: 140,
  lineHeight: 1.15,
  marginY: 4,
  background: { color: '#ffffff', opacity: 0.85, padding: 2 },
} as const;

export function nodeLook(node: NodeState): NodeLook {
  const { label } = node;
  const base = styleOf(label);
  const size = label === 'Finding' ? 24 : label === GROUP_LABEL ? 34 : label === 'Document' ? 22 : 30;
  const height = label === 'Document' ? 26 : size;
  let weight = label === 'Finding' ? 400 : label === GROUP_LABEL ? 700 : 500;
  if (label === 'Person' || label === 'Organisation') weight = 700;
  const color = label === 'Finding' ? '#334155' : label === GROUP_LABEL ? '#9a3412' : '#0f172a';
  let border: NodeLook['border'] =
    label === GROUP_LABEL
      ? { color: LABEL_STYLES.Finding?.color ?? '#ea580c', width: 3, dash: null }
      : { color: '#ffffff', width: 2, dash: null };
  if (node.expanded) border = { color: '#0f172a', width: 3, dash: null };
  if (node.disputed) border = { color: '#dc2626', width: 3, dash: [6, 3] };
  if (node.selected) border = { ...border, color: '#facc15', width: 5 };
  return {
    shape: base.shape,
    fill: label === GROUP_LABEL ? '#fed7aa' : base.color,
    width: size,
    height,
    border,
    font: { family: FONT, size: LABEL_FONT_SIZE, weight, style: 'normal' },
    color,
  };
}

export interface EdgeLook {
  width: number;
  color: string;
  opacity: number;
  dash: number[] | null;
  arrowScale: number;
}

export const EDGE_LABEL = {
  font: { family: FONT, size: 10, weight: 600, style: 'normal' },
  color: '#1e293b',
  marginY: -7,
  background: { color: '#f8fafc', opacity: 0.9, padding: 1 },
} as const;

export function edgeLook(edge: {
  type: string;
  known?: string;
  standing?: string;
  evidenceKind?: string;
}): EdgeLook {
  const look: EdgeLook = { width: 1.5, color: '#94a3b8', opacity: 1, dash: null, arrowScale: 0.9 };
  if (edge.type === 'MENTIONS') Object.assign(look, { width: 1, color: '#cbd5e1' });
  if (edge.type === 'HOLDS') Object.assign(look, { width: 3, color: '#2563eb' });
  if (edge.type === 'HOLDS' && edge.known === 'attested') look.dash = [7, 4];
  if (edge.standing === 'possible' || edge.evidenceKind === 'cited')
    Object.assign(look, { dash: [1, 1], opacity: 0.55 });
  if (edge.standing === 'undated') Object.assign(look, { dash: [2, 6], color: '#a8a29e' });
  return look;
}
