import { z } from 'zod';
import { DatedSourceSchema, EvidenceSchema, TenureEndSchema, TenurePeriodSchema } from './api.ts';

/**
 * GET /api/posts-chart?org=&from=&to=: everything a post-by-post chart of an organisation (and of
 * the bodies answerable with it) needs, in one round trip. Dates keep their precision; the spans
 * meant for drawing are in days.
 */

const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD');

export const PostsChartQuerySchema = z
  .object({
    org: z
      .string()
      .min(3)
      .max(200)
      .regex(/^[a-z]+:[a-z0-9-]+$/, 'expected a node id like org:bury-council'),
    from: partialDate.optional(),
    to: partialDate.optional(),
  })
  .strict();
export type PostsChartQuery = z.infer<typeof PostsChartQuerySchema>;

const Ref = z.object({ id: z.string(), name: z.string() });

/** Days; null where open (no start or no end known). */
export const DaySpanSchema = z.object({ start: z.string().nullable(), end: z.string().nullable() });
export type DaySpan = z.infer<typeof DaySpanSchema>;

export const ChartTenureSchema = z.object({
  id: z.string(),
  person: Ref,
  capacity: z.string().nullable(),
  status: z.string().nullable(),
  /** Stated start and end with their precision (or `notBefore/notAfter`); null where not stated. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  fromEvidence: z.array(EvidenceSchema),
  toEvidence: z.array(EvidenceSchema),
  spans: z.object({
    /** Where a source states the tenure: from the latest day its start can be to the earliest day its end can be (null end: no end stated). */
    stated: DaySpanSchema.nullable(),
    /** Stretches between pieces of evidence that can be bridged (nothing contradicting in between). */
    inferred: z.array(DaySpanSchema),
    /** The widest the tenure may have run: outside it, certainly not in post. */
    possible: DaySpanSchema.nullable(),
  }),
  attestations: z.array(DatedSourceSchema),
  periods: z.array(TenurePeriodSchema),
  end: TenureEndSchema.nullable(),
  evidence: z.array(EvidenceSchema),
});
export type ChartTenure = z.infer<typeof ChartTenureSchema>;

export const ChartPostSchema = z.object({
  id: z.string(),
  title: z.string(),
  vacancies: z.array(
    z.object({
      date: z.string(),
      notBefore: z.string(),
      notAfter: z.string(),
      evidence: z.array(EvidenceSchema),
    }),
  ),
  tenures: z.array(ChartTenureSchema),
});

export const ChartOrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** How it is answerable with the organisation asked for (with the date a source says so, where it does). */
  relation: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  succeededBy: z.array(z.object({ id: z.string(), name: z.string(), date: z.string().nullable() })),
  posts: z.array(ChartPostSchema),
});

/** An inspection, report or finding to mark on the time axis, with its date or bounds. */
export const ChartEventSchema = z.object({
  id: z.string(),
  label: z.enum(['Inspection', 'Report', 'Finding']),
  kind: z.string().nullable(),
  name: z.string(),
  /** With its precision, or `notBefore/notAfter` (an inspection's fieldwork, a report's bounds). */
  date: z.string(),
  /** The first and last day the date can stand for. */
  start: z.string(),
  end: z.string(),
  /** For a finding: the report or inspection that made it. */
  foundBy: z.string().nullable(),
  evidence: z.array(EvidenceSchema),
});
export type ChartEvent = z.infer<typeof ChartEventSchema>;

export const PostsChartSchema = z.object({
  organisation: Ref,
  /** The range asked for, as given. */
  range: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  /** The days the data spans (for a default zoom that fits it). */
  extent: DaySpanSchema,
  organisations: z.array(ChartOrganisationSchema),
  events: z.array(ChartEventSchema),
});
export type PostsChart = z.infer<typeof PostsChartSchema>;
