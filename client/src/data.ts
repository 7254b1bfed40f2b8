import type {
  AccountabilityByFinding,
  AccountabilityByOrg,
  DocumentView,
  GraphSchemaInfo,
  Neighbours,
  NodeDetail,
} from '../../graph/contract/api.ts';
import type { Opening } from '../../graph/contract/opening.ts';
import type { Api } from './api.ts';

/**
 * Memoised reads. Documents and node details do not change while the page is open, and an
 * expansion is keyed by node, date and limit, so going back to a date or redoing an expansion costs
 * nothing. A failed read is forgotten so that it is tried again next time.
 */
export interface DataCache {
  node(id: string): Promise<NodeDetail>;
  /** `types` limits the relationship types asked for (undefined: all), so hidden types use up no limit. */
  neighbours(id: string, at: string | null, limit: number, types?: readonly string[]): Promise<Neighbours>;
  schema(): Promise<GraphSchemaInfo>;
  document(id: string): Promise<DocumentView>;
  accountabilityForOrg(org: string, at: string): Promise<AccountabilityByOrg>;
  accountabilityForFinding(finding: string): Promise<AccountabilityByFinding>;
  accountabilityForReport(report: string): Promise<AccountabilityByFinding>;
  /**
   * Keep what GET /api/opening reads in advance, under the keys the canvas asks by, so drawing the
   * opening (and clicking around it later) asks none of it again. Given the request in flight: the
   * schema is answered from it at once (nobody asks /api/schema as well), the rest once it arrives,
   * before anyone awaiting the same promise later hears of it. What is already kept stays.
   */
  prime(opening: Promise<Opening>): void;
  /** Forget everything fetched (after the database comes back, say). */
  clear(): void;
}

function memo<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const cached = map.get(key);
  if (cached) return cached;
  const promise = load();
  map.set(key, promise);
  promise.catch(() => {
    if (map.get(key) === promise) map.delete(key);
  });
  return promise;
}

/** One key per neighbourhood as asked: node, day, limit and relationship types (undefined: all). */
function neighboursKey(id: string, at: string | null, limit: number, types?: readonly string[] | null) {
  return `${id}|${at ?? ''}|${limit}|${types?.join(',') ?? '*'}`;
}

export function createDataCache(api: Api): DataCache {
  const nodes = new Map<string, Promise<NodeDetail>>();
  const neighbours = new Map<string, Promise<Neighbours>>();
  const documents = new Map<string, Promise<DocumentView>>();
  const byOrg = new Map<string, Promise<AccountabilityByOrg>>();
  const byFinding = new Map<string, Promise<AccountabilityByFinding>>();
  const schemas = new Map<string, Promise<GraphSchemaInfo>>();
  return {
    node: (id) => memo(nodes, id, () => api.node(id)),
    neighbours: (id, at, limit, types) =>
      memo(neighbours, neighboursKey(id, at, limit, types), () =>
        api.neighbours(id, { at, limit, types: types ? [...types] : undefined }),
      ),
    schema: () => memo(schemas, 'schema', () => api.schema()),
    document: (id) => memo(documents, id, () => api.document(id)),
    accountabilityForOrg: (org, at) => memo(byOrg, `${org}|${at}`, () => api.accountabilityForOrg(org, at)),
    accountabilityForFinding: (finding) =>
      memo(byFinding, finding, () => api.accountabilityForFinding(finding)),
    accountabilityForReport: (report) =>
      memo(byFinding, `report|${report}`, () => api.accountabilityForReport(report)),
    prime(opening) {
      // A failed opening leaves the schema to be asked for again, like any failed read.
      memo(schemas, 'schema', () => opening.then((answer) => answer.schema));
      opening.then(
        (answer) => {
          const report = answer.view?.inspection;
          if (report && answer.accountability && !byFinding.has(`report|${report}`))
            byFinding.set(`report|${report}`, Promise.resolve(answer.accountability));
          for (const detail of answer.nodes)
            if (!nodes.has(detail.node.id)) nodes.set(detail.node.id, Promise.resolve(detail));
          for (const { id, at, limit, types, result } of answer.neighbours) {
            const key = neighboursKey(id, at, limit, types);
            if (!neighbours.has(key)) neighbours.set(key, Promise.resolve(result));
          }
        },
        () => {},
      );
    },
    clear() {
      for (const map of [nodes, neighbours, documents, byOrg, byFinding, schemas]) map.clear();
    },
  };
}
