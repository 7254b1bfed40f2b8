import { z } from 'zod';
import {
  AccountabilityByFindingSchema,
  DaySchema,
  GraphSchemaSchema,
  NeighboursSchema,
  NodeDetailSchema,
} from './api.ts';

// The opening view: what a blank link opens on (GET /api/opening).

/** Why the opening shows the day it shows, when that is not simply the inspection's own day. */
export const OpeningNoteSchema = z.discriminatedUnion('kind', [
  /** The inspection is dated to a month or a year: its first day is shown. */
  z.strictObject({ kind: z.literal('narrowed'), dated: z.string(), day: DaySchema }),
  /** No source names the holders on the inspection's day; `day` is the first one that does. */
  z.strictObject({ kind: z.literal('later'), inspectionDay: DaySchema, day: DaySchema }),
  /** No day with known holders was found: every relationship is shown, whenever it held. */
  z.strictObject({ kind: z.literal('all-dates') }),
]);
export type OpeningNote = z.infer<typeof OpeningNoteSchema>;

export const OpeningViewSchema = z.strictObject({
  /** Pinned and selected. */
  inspection: z.string(),
  expansions: z.array(z.strictObject({ id: z.string(), limit: z.number().int().min(1) })),
  /** The day shown, or null for all dates. */
  at: DaySchema.nullable(),
  hiddenTypes: z.array(z.string()),
  note: OpeningNoteSchema.nullable(),
});
export type OpeningView = z.infer<typeof OpeningViewSchema>;

/**
 * GET /api/opening: what a blank link opens on, and everything drawing it reads, in one answer.
 * `nodes` and `neighbours` are the answers GET /api/nodes/:id and GET /api/nodes/:id/neighbours
 * would give for the pinned inspection, each expansion and the holders of expanded organisations'
 * posts, keyed as asked (`types` null: every type), so the client asks none of them again. A read
 * that failed is left out (the client asks it itself). `schema` is GET /api/schema's answer, which
 * the canvas needs first (to know which relationship types to ask for). `accountability` is
 * GET /api/accountability?report=<inspection>, which the details beside the canvas show first.
 * `view` is null when no inspection exists.
 */
export const OpeningSchema = z.strictObject({
  view: OpeningViewSchema.nullable(),
  schema: GraphSchemaSchema,
  accountability: AccountabilityByFindingSchema.nullable(),
  nodes: z.array(NodeDetailSchema),
  neighbours: z.array(
    z.strictObject({
      id: z.string(),
      at: DaySchema.nullable(),
      limit: z.number().int().min(1),
      types: z.array(z.string()).nullable(),
      result: NeighboursSchema,
    }),
  ),
});
export type Opening = z.infer<typeof OpeningSchema>;
