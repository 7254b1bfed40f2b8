import { z } from 'zod';

/**
 * Saved views: the explorer's view state (what a link carries) plus what a link cannot carry — the
 * position of every node and the viewport — so a view reopens exactly, without a new layout.
 * Re-exported from server/api/contract.ts with the rest of the API's shapes.
 */

const NODE_ID = /^[a-z]+:[a-z0-9-]+$/;
/** A node the canvas draws itself: the "N findings" group of an inspection or report. */
const DRAWN_NODE_ID = /^(?:[a-z]+:[a-z0-9-]+|group:findings:[a-z]+:[a-z0-9-]+)$/;
const NAME = /^[A-Za-z_]+$/;
const nodeId = z.string().max(200).regex(NODE_ID, 'expected a node id like org:bury-council');
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD')
  .refine(
    (value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'not a day of the calendar',
  );

/** At most this many nodes in one saved view (the canvas caps expansions well below it). */
export const MAX_VIEW_NODES = 5_000;
/** A saved view's file may not be larger than this, in bytes of JSON. */
export const MAX_VIEW_BYTES = 200_000;
/** At most this many saved views are kept. */
export const MAX_VIEWS = 1_000;

export const SavedViewStateSchema = z.object({
  pinned: z.array(nodeId).max(MAX_VIEW_NODES),
  expansions: z.array(z.object({ id: nodeId, limit: z.number().int().min(1).max(500) })).max(MAX_VIEW_NODES),
  hidden: z.array(nodeId).max(MAX_VIEW_NODES),
  /** Inspections and reports whose findings are drawn one by one (absent in views saved before it). */
  openFindings: z.array(nodeId).max(MAX_VIEW_NODES).optional(),
  selected: z.object({ kind: z.enum(['node', 'edge']), id: z.string().min(1).max(300) }).nullable(),
  at: day.nullable(),
  hiddenLabels: z.array(z.string().regex(NAME)).max(100),
  hiddenTypes: z.array(z.string().regex(NAME)).max(200),
  /** Layout and tab names; the client falls back to its defaults for names it does not know. */
  layout: z.string().regex(/^[a-z-]{1,40}$/),
  view: z.string().regex(/^[a-z-]{1,40}$/),
  /** The Cypher console's query, when the view was saved from there. */
  query: z.string().max(20_000).nullable().optional(),
});
export type SavedViewState = z.infer<typeof SavedViewStateSchema>;

const finite = z.number().refine(Number.isFinite, 'expected a finite number');
export const PointSchema = z.object({ x: finite, y: finite });

export const SavedViewInputSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(120),
  state: SavedViewStateSchema,
  /** Model positions of the nodes on the canvas, by node id. */
  positions: z
    .record(z.string().regex(DRAWN_NODE_ID, 'positions are keyed by node id'), PointSchema)
    .refine((p) => Object.keys(p).length <= MAX_VIEW_NODES, `at most ${MAX_VIEW_NODES} positions`),
  viewport: z.object({ zoom: z.number().positive().max(100), pan: PointSchema }).nullable(),
});
export type SavedViewInput = z.infer<typeof SavedViewInputSchema>;

/** Ids are slugs made from the name: lower-case letters and digits joined by single hyphens. */
export const SavedViewIdSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a saved view id like bury-november-2017');

/** Who saved a view: the name given with the write token, when the instance is shared. */
export const SavedByNameSchema = z.string().trim().min(1).max(80);

export const SavedViewSchema = SavedViewInputSchema.extend({
  id: SavedViewIdSchema,
  createdAt: z.string(),
  savedBy: SavedByNameSchema.optional(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

export const SavedViewSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  savedBy: z.string().optional(),
  at: z.string().nullable(),
  nodeCount: z.number(),
});
export type SavedViewSummary = z.infer<typeof SavedViewSummarySchema>;
export const SavedViewListSchema = z.object({ views: z.array(SavedViewSummarySchema) });
export type SavedViewList = z.infer<typeof SavedViewListSchema>;
