import type { Canvas } from '../canvas/cy.ts';
import type { DataCache } from '../data.ts';
import type { Store } from '../state/store.ts';
import { installAutomation } from './automation.ts';
import { createExportMenu } from './export-menu.ts';
import { lazyWriters } from './lazy-writers.ts';
import { createSavedViews, type SavedViewsDeps } from './saved-views.ts';
import { createSavedViewsApi } from './saved-views-api.ts';

/**
 * Adds exports and saved views to the page: the Export… and Views… buttons at the end of the
 * toolbar, their dialogs, and the hook `npm run export` drives. main.ts calls this once.
 */
export function installExports(deps: {
  toolbar: HTMLElement;
  store: Store;
  data: DataCache;
  canvas: Canvas;
  afterLoad(fn: () => void): void;
  query?: SavedViewsDeps['query'];
}) {
  const canvas = deps.canvas.exports;
  // The writers themselves arrive on the first export, not with the page.
  const { exporter, trackers } = lazyWriters({ canvas, data: deps.data, at: () => deps.store.getState().at });
  createExportMenu(deps.toolbar, deps.store, exporter, trackers);
  const savedViews = createSavedViews(deps.toolbar, {
    store: deps.store,
    canvas,
    api: createSavedViewsApi(),
    afterLoad: deps.afterLoad,
    query: deps.query,
  });
  installAutomation({
    store: deps.store,
    canvas,
    exporter,
    openSavedView: savedViews.open,
    afterLoad: deps.afterLoad,
  });
  return { exporter, savedViews };
}
