import type { ChartEvent } from '../../../graph/contract/posts-chart.ts';
import type { Scale } from './scale.ts';
import { dayNumber } from './scale.ts';

/**
 * The strip of inspections, reports and findings above the rows, pure: each event a marker at the
 * middle of the days its date stands for (with a thin bar over those days when they are several),
 * stacked into as many levels as needed so that no two markers overlap.
 */

export const MARKER = 10;
export const EVENT_LEVEL = 14;

export interface EventMarker {
  event: ChartEvent;
  /** Centre of the marker, and the days' extent in pixels. */
  x: number;
  x1: number;
  x2: number;
  level: number;
}

export function placeEvents(
  events: readonly ChartEvent[],
  scale: Scale,
): { markers: EventMarker[]; levels: number } {
  const left = scale.x0;
  const right = scale.x0 + scale.width;
  const shown = events
    .map((event) => {
      const x1 = scale.x(dayNumber(event.start));
      const x2 = scale.x(dayNumber(event.end) + 1);
      return { event, x1, x2, x: (x1 + x2) / 2 };
    })
    .filter((m) => m.x >= left && m.x <= right)
    .sort((a, b) => a.x - b.x || a.event.id.localeCompare(b.event.id));
  const ends: number[] = [];
  const markers: EventMarker[] = [];
  for (const m of shown) {
    const from = Math.min(m.x - MARKER / 2, m.x1);
    let level = ends.findIndex((end) => end + 2 <= from);
    if (level === -1) {
      level = ends.length;
      ends.push(0);
    }
    ends[level] = Math.max(m.x + MARKER / 2, m.x2);
    markers.push({ ...m, x1: Math.max(left, m.x1), x2: Math.min(right, m.x2), level });
  }
  return { markers, levels: Math.max(1, ends.length) };
}
