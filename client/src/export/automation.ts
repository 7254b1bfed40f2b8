import type { CanvasExport } from '../canvas/cy-export.ts';
import type { LinkState } from '../state/link-state.ts';
import type { Store } from '../state/store.ts';
import type { Exporter, ImageRequest } from './exporter.ts';

/**
 * What `npm run export` drives in headless Chromium: wait until the view has loaded and stopped
 * moving, open a saved view, and draw an image, returned as base64 so it crosses into Node intact.
 * Installed as `window.__agExport`; the page works the same without it being called.
 */
export interface ExportAutomation {
  settled(timeoutMs?: number): Promise<{ status: string; nodes: number }>;
  openSavedView(id: string): Promise<void>;
  /** Show this view (what a link would hold) and resolve once it is drawn. */
  show(link: LinkState): Promise<void>;
  /** Node positions and the viewport now, as a saved view would keep them. */
  positions(): {
    positions: Record<string, { x: number; y: number }>;
    zoom: number;
    pan: { x: number; y: number };
  };
  image(request: ImageRequest): Promise<{ name: string; base64: string; type: string }>;
}

const BUSY = new Set(['idle', 'loading']);

export function installAutomation(deps: {
  store: Store;
  canvas: CanvasExport;
  exporter: Exporter;
  openSavedView(id: string): Promise<void>;
  afterLoad(fn: () => void): void;
}): ExportAutomation {
  const automation: ExportAutomation = {
    async settled(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let last = '';
      let steady = 0;
      // Settled: the load has finished and no node has moved for half a second (layouts animate).
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const status = deps.store.getState().status;
        // Nothing is drawn while busy (and before the canvas's code has arrived, there is no canvas).
        if (BUSY.has(status)) {
          steady = 0;
          continue;
        }
        const now = JSON.stringify(deps.canvas.snapshot().positions);
        steady = now === last ? steady + 1 : 0;
        last = now;
        if (steady >= 5) return { status, nodes: deps.canvas.snapshot().graph.nodes.length };
      }
      throw new Error(
        `The view did not settle within ${timeoutMs} ms (status ${deps.store.getState().status})`,
      );
    },
    openSavedView: (id) => deps.openSavedView(id),
    show(link) {
      return new Promise<void>((resolve) => {
        deps.afterLoad(resolve);
        deps.store.dispatch({ type: 'restore', link });
        deps.store.dispatch({ type: 'reload' });
      });
    },
    positions() {
      const { positions, viewport } = deps.canvas.snapshot();
      return { positions, ...viewport };
    },
    async image(request) {
      const file = await deps.exporter.image(request);
      const bytes = new Uint8Array(await file.blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { name: file.name, base64: btoa(binary), type: file.blob.type };
    },
  };
  Object.assign(window, { __agExport: automation });
  return automation;
}
