import { AppError } from '../../graph/errors.ts';
import { labelOfId, type NodeLabel } from '../../graph/seed/schema.ts';

/** The one "no such node" answer, for an id with no known prefix and for an id the graph lacks. */
export function nodeNotFound(id: string): AppError {
  return new AppError('NOT_FOUND', `No node with id '${id}'`, { id });
}

/** The label an id names by its prefix; an id with no known prefix cannot exist, so it is a 404. */
export function labelForId(id: string): NodeLabel {
  const label = labelOfId(id);
  if (!label) throw nodeNotFound(id);
  return label;
}
