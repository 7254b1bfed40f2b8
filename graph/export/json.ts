import { z } from 'zod';
import { ElementEdgeSchema, ElementNodeSchema } from '../contract/api.ts';
import type { ExportGraph, ExportMeta } from './elements.ts';

/**
 * The graph as Cytoscape elements JSON, laid out as Cytoscape Desktop's `.cyjs` files are
 * (`format_version`, `data`, `elements: {nodes, edges}`), so `cy.json(file)` and Cytoscape Desktop
 * both read it. Node positions ride along as `position`.
 */

const PositionSchema = z.object({ x: z.number(), y: z.number() });

export const ElementsFileSchema = z.object({
  format_version: z.literal('1.0'),
  generated_by: z.string(),
  target_cytoscapejs_version: z.string(),
  data: z.object({
    name: z.string(),
    at: z.string().nullable(),
    exportedAt: z.string(),
  }),
  elements: z.object({
    nodes: z.array(ElementNodeSchema.extend({ position: PositionSchema.optional() })),
    edges: z.array(ElementEdgeSchema),
  }),
});
export type ElementsFile = z.infer<typeof ElementsFileSchema>;

export function graphToJson(graph: ExportGraph, meta: ExportMeta): string {
  const file: ElementsFile = {
    format_version: '1.0',
    generated_by: 'accountability-graph',
    target_cytoscapejs_version: '~3.30',
    data: { name: meta.title || 'Accountability graph', at: meta.at, exportedAt: meta.exportedAt },
    elements: {
      nodes: graph.nodes.map((n) => (n.position ? { data: n.data, position: n.position } : { data: n.data })),
      edges: graph.edges.map((e) => ({ data: e.data })),
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a file `graphToJson` wrote (or a hand-edited one), checking its shape. */
export function graphFromJson(text: string): { graph: ExportGraph; file: ElementsFile } {
  const file = ElementsFileSchema.parse(JSON.parse(text));
  return { graph: { nodes: file.elements.nodes, edges: file.elements.edges }, file };
}
