import type { Elements } from './api.ts';

/**
 * What drawing a view asks the API for, decided the same way wherever it is asked: by the explorer's
 * canvas, by the export command, and by the server when it answers the whole opening view at once
 * (GET /api/opening), whose answers the client keeps under the same keys as its own.
 */

/** How many neighbours one expansion asks for unless the user asks for more. */
export const DEFAULT_EXPANSION_LIMIT = 25;

/**
 * The relationship types the canvas can show. The database has HELD and OF_POST through Tenure
 * nodes; the canvas folds each tenure into one HOLDS edge (person → post), so HOLDS is offered
 * too, counted as the tenures are.
 */
export function viewRelationshipTypes(
  types: ReadonlyArray<{ type: string; count: number }>,
): Array<{ type: string; count: number }> {
  const held = types.find((t) => t.type === 'HELD');
  if (!held || types.some((t) => t.type === 'HOLDS')) return [...types];
  return [{ type: 'HOLDS', count: held.count }, ...types];
}

/**
 * The relationship types to ask the server for when some are hidden: every type the canvas can
 * show (`viewRelationshipTypes`) but the hidden ones, so hidden types do not use up an expansion's
 * limit. Undefined when nothing is hidden: ask for every type.
 */
export function requestedRelationshipTypes(
  schemaTypes: ReadonlyArray<{ type: string; count: number }>,
  hidden: readonly string[],
): string[] | undefined {
  if (hidden.length === 0) return undefined;
  return viewRelationshipTypes(schemaTypes)
    .map((t) => t.type)
    .filter((type) => !hidden.includes(type));
}

/** How many of an expanded organisation's posts have their holders drawn. */
export const MAX_POST_HOLDERS = 12;

/**
 * An organisation expanded shows who held its posts on the date, not posts alone: the posts whose
 * HOLDS relationships should be fetched too (without marking the post expanded), for the explorer,
 * the export command and the opening alike. None when HOLDS is filtered out.
 */
export function postsToShowHolders(
  fetched: ReadonlyArray<{ id: string; elements: Elements }>,
  types: readonly string[] | undefined,
): string[] {
  if (types && !types.includes('HOLDS')) return [];
  const expanded = new Set(fetched.map((e) => e.id));
  const posts = new Set<string>();
  for (const expansion of fetched) {
    const labels = new Map(expansion.elements.nodes.map((n) => [n.data.id, n.data.label]));
    if (labels.get(expansion.id) !== 'Organisation') continue;
    for (const edge of expansion.elements.edges)
      if (
        edge.data.type === 'POST_IN' &&
        edge.data.target === expansion.id &&
        labels.get(edge.data.source) === 'Post'
      )
        posts.add(edge.data.source);
  }
  return [...posts].filter((id) => !expanded.has(id)).slice(0, MAX_POST_HOLDERS);
}
