import type { Api } from '../api.ts';
import type { Canvas } from '../canvas/cy.ts';
import type { DataCache } from '../data.ts';
import type { Store } from '../state/store.ts';

/** What panels are built with; each panel takes only this, never a global. */
export interface Deps {
  store: Store;
  api: Api;
  data: DataCache;
  canvas: Canvas;
  reader: { open(documentId: string, quote: string): void };
  /** Put a node on the canvas if absent, select it and bring it into view. */
  jumpTo(id: string): void;
}
