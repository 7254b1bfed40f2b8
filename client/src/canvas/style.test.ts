import { describe, expect, it } from 'vitest';
import {
  EDGE_LABEL,
  edgeLook,
  GROUP_LABEL,
  LABEL_STYLES,
  NODE_LABEL,
  nodeLook,
  stylesheet,
} from './style.ts';

/**
 * The picture of the opening (picture-drawing.ts) draws from `nodeLook` and `edgeLook`, the canvas
 * from `stylesheet()`. These tests apply the stylesheet's rules to an element, as Cytoscape does
 * (later rules win), for the selector forms it uses, and check the two agree.
 */

type Style = Record<string, unknown>;
interface Element {
  group: 'node' | 'edge';
  data: Record<string, string>;
  classes: string[];
  selected?: boolean;
}

/** One simple selector: `node`, `edge`, then `[key = "value"]`, `.class` or `:selected`, in any number. */
function matchesOne(selector: string, element: Element): boolean {
  const head = selector.match(/^(node|edge)/)?.[1];
  if (head !== element.group) return false;
  for (const [, key, value] of selector.matchAll(/\[(\w+) = "([^"]*)"\]/g))
    if (element.data[key as string] !== value) return false;
  for (const [, name] of selector.matchAll(/\.([\w-]+)/g))
    if (!element.classes.includes(name as string)) return false;
  if (selector.includes(':selected') && !element.selected) return false;
  return true;
}

function styleOf(element: Element): Style {
  const style: Style = {};
  for (const rule of stylesheet() as Array<{ selector: string; style: Style }>)
    if (rule.selector.split(/,\s*/).some((one) => matchesOne(one, element))) Object.assign(style, rule.style);
  return style;
}

const labels = [...Object.keys(LABEL_STYLES), GROUP_LABEL];

describe('the picture’s looks agree with the canvas’s stylesheet', () => {
  for (const label of labels)
    for (const state of [
      { disputed: false, expanded: false, selected: false },
      { disputed: true, expanded: false, selected: false },
      { disputed: false, expanded: true, selected: false },
      { disputed: false, expanded: true, selected: true },
    ])
      it(`a ${label} node ${JSON.stringify(state)}`, () => {
        const classes = [...(state.disputed ? ['disputed'] : []), ...(state.expanded ? ['expanded'] : [])];
        const style = styleOf({ group: 'node', data: { label }, classes, selected: state.selected });
        const look = nodeLook({ label, ...state });
        expect(look.shape).toBe(style.shape);
        expect(look.fill).toBe(style['background-color']);
        expect(look.width).toBe(style.width);
        expect(look.height).toBe(style.height);
        expect(look.border.width).toBe(style['border-width']);
        expect(look.border.color).toBe(style['border-color']);
        expect(look.border.dash !== null).toBe(style['border-style'] === 'dashed');
        expect(look.font.weight).toBe(style['font-weight']);
        expect(look.font.family).toBe(style['font-family']);
        expect(look.font.size).toBe(style['font-size']);
        expect(look.color).toBe(style.color);
        expect(NODE_LABEL.wrapWidth).toBe(Number.parseFloat(String(style['text-max-width'])));
        expect(NODE_LABEL.lineHeight).toBe(style['line-height']);
        expect(NODE_LABEL.marginY).toBe(style['text-margin-y']);
        expect(NODE_LABEL.background.opacity).toBe(style['text-background-opacity']);
        expect(NODE_LABEL.background.padding).toBe(
          Number.parseFloat(String(style['text-background-padding'])),
        );
      });

  const edges: Array<{ type: string } & Record<string, string>> = [
    { type: 'INSPECTED' },
    { type: 'MENTIONS' },
    { type: 'HOLDS' },
    { type: 'HOLDS', known: 'attested' },
    { type: 'POST_IN', standing: 'possible' },
    { type: 'HOLDS', evidenceKind: 'cited' },
    { type: 'RESPONSIBLE_FOR', standing: 'undated' },
  ];
  for (const data of edges)
    it(`an edge ${JSON.stringify(data)}`, () => {
      const style = styleOf({ group: 'edge', data, classes: [] });
      const look = edgeLook(data);
      expect(look.width).toBe(style.width);
      expect(look.color).toBe(style['line-color']);
      expect(look.color).toBe(style['target-arrow-color']);
      expect(look.opacity).toBe(style.opacity ?? 1);
      expect(look.arrowScale).toBe(style['arrow-scale']);
      const dashed = style['line-style'] === 'dashed' || style['line-style'] === 'dotted';
      expect(look.dash !== null).toBe(dashed);
      if (style['line-dash-pattern']) expect(look.dash).toEqual(style['line-dash-pattern']);
    });

  it('a named relationship, near the selection', () => {
    const style = styleOf({ group: 'edge', data: { type: 'INSPECTED' }, classes: ['near'] });
    expect(EDGE_LABEL.font.weight).toBe(style['font-weight']);
    expect(EDGE_LABEL.font.size).toBe(style['font-size']);
    expect(EDGE_LABEL.color).toBe(style.color);
    expect(EDGE_LABEL.marginY).toBe(style['text-margin-y']);
    expect(EDGE_LABEL.background.color).toBe(style['text-background-color']);
    expect(EDGE_LABEL.background.opacity).toBe(style['text-background-opacity']);
    expect(style.label).toBe('data(caption)');
  });
});
