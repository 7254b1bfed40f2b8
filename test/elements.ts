import type { ElementEdge } from '../graph/contract/api.ts';

/**
 * A relationship as the API sends it, for unit tests: no dates, no qualifier, no evidence unless
 * given. Its id is `source-TYPE-target` unless one is given.
 */
export function edgeElement(
  source: string,
  type: string,
  target: string,
  extra: Partial<ElementEdge['data']> = {},
): ElementEdge {
  return {
    data: {
      id: `${source}-${type}-${target}`,
      source,
      target,
      type,
      from: null,
      to: null,
      qualifier: null,
      evidence: [],
      ...extra,
    },
  };
}
