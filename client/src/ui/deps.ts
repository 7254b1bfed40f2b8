import type { Api } from '../api.ts';
import type { GraphView } from '../canvas/cy.ts';
import type { DataCache } from '../data.ts';
import type { Store } from '../state/store.ts';

/** What views are built with; each view takes only this, never a global. */
export interface Deps {
  store: Store;
  api: Api;
  data: DataCache;
  graph: GraphView;
  reader: { open(documentId: string, quote: string): void };
  /** Put a node on the canvas if absent, select it and bring it into view. */
  jumpTo(id: string): void;
}
