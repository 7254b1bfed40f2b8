import { boundsWindow, type Window, windowOf } from './certainty.ts';

/**
 * Which bodies answer on a date. Organisations begin and end (`validFrom`/`validTo`), pass their
 * duties to a successor (`SUCCEEDED_BY {date}`), and the bodies responsible for a local area are
 * named by sources of particular dates. Pure: the queries fetch every candidate, this decides.
 */

export interface Successor {
  id: string;
  name: string;
  /** The date of the succession (partial), if a source gives it. */
  date: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface ScopeCandidate {
  id: string;
  name: string;
  relation: string;
  validFrom: string | null;
  validTo: string | null;
  successors: Successor[];
  /**
   * For a body answerable for an area: when a source names it so (a date or bounds, partial
   * dates), or null when the source gives no date. Absent for other relations.
   */
  responsibleAt?: { notBefore: string; notAfter: string } | null;
}

export interface ScopeEntry {
  id: string;
  name: string;
  relation: string;
}

const overlapsWindow = (a: Window, b: Window) => a.start <= b.end && b.start <= a.end;

function inForce(org: { validFrom: string | null; validTo: string | null }, window: Window): boolean {
  if (org.validFrom && windowOf(org.validFrom).start > window.end) return false;
  if (org.validTo && windowOf(org.validTo).end < window.start) return false;
  return true;
}

/** The succession that has certainly happened before `window` begins, if any. */
function succeededBefore(org: ScopeCandidate, window: Window): Successor | null {
  return org.successors.find((s) => s.date !== null && windowOf(s.date).end < window.start) ?? null;
}

const shown = (w: { notBefore: string; notAfter: string }) =>
  w.notBefore === w.notAfter ? w.notBefore : `${w.notBefore} to ${w.notAfter}`;

/**
 * Of the bodies named responsible for an area, those that may be so during `window`: a source of a
 * date names a set of bodies, which stands until a later source names another set; the earliest
 * set also stands for the time before it (nothing says otherwise). Undated namings always stand.
 */
function responsibleDuring(candidates: readonly ScopeCandidate[], window: Window): Set<ScopeCandidate> {
  const dated = candidates.filter((c) => c.responsibleAt);
  const sets = new Map<string, { window: Window; members: ScopeCandidate[] }>();
  for (const c of dated) {
    const at = c.responsibleAt as { notBefore: string; notAfter: string };
    const key = `${at.notBefore}/${at.notAfter}`;
    const set = sets.get(key) ?? { window: boundsWindow(at.notBefore, at.notAfter), members: [] };
    set.members.push(c);
    sets.set(key, set);
  }
  const ordered = [...sets.values()].sort((a, b) => a.window.start.localeCompare(b.window.start));
  const keep = new Set(candidates.filter((c) => c.responsibleAt === null));
  ordered.forEach((set, i) => {
    const start = i === 0 ? '0000-01-01' : set.window.start;
    // It stands until the next naming: on a day that naming certainly covers, the next set answers.
    const next = ordered[i + 1];
    const standsOn = !next || window.start < next.window.end;
    if (start <= window.end && standsOn) for (const m of set.members) keep.add(m);
  });
  return keep;
}

/**
 * The bodies in scope during `window`, each once: an organisation not yet formed is left out; one
 * that had ended or been succeeded is replaced by its successor (when that one is in force).
 */
export function scopeAt(candidates: readonly ScopeCandidate[], window: Window): ScopeEntry[] {
  const responsible = responsibleDuring(
    candidates.filter((c) => c.responsibleAt !== undefined),
    window,
  );
  const out = new Map<string, ScopeEntry>();
  const add = (entry: ScopeEntry) => {
    const existing = out.get(entry.id);
    if (!existing) out.set(entry.id, entry);
    else if (!existing.relation.includes(entry.relation)) existing.relation += `; ${entry.relation}`;
  };
  for (const c of candidates) {
    if (c.responsibleAt !== undefined && !responsible.has(c)) continue;
    const relation = c.responsibleAt
      ? `${c.relation} (as a source says on ${shown(c.responsibleAt)})`
      : c.relation;
    const successor = succeededBefore(c, window);
    if (successor) {
      if (inForce(successor, window)) {
        add({
          id: successor.id,
          name: successor.name,
          relation: `successor of ${c.name} since ${successor.date}, in its place: ${relation}`,
        });
      }
      continue;
    }
    if (!inForce(c, window)) continue;
    add({ id: c.id, name: c.name, relation });
    // A succession dated only to a month or year that includes the date: either body may answer.
    for (const s of c.successors) {
      if (s.date && overlapsWindow(windowOf(s.date), window) && inForce(s, window)) {
        add({
          id: s.id,
          name: s.name,
          relation: `successor of ${c.name} in ${s.date} (possibly already): ${relation}`,
        });
      }
    }
  }
  return [...out.values()];
}
