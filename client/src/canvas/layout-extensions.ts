import cytoscape from 'cytoscape';

/**
 * The layout extensions (fcose, dagre), loaded when a layout first needs them rather than with the
 * page: the opening draws with the accountability columns, which need neither, and they are a
 * sixth of the explorer's code. After the first drawing they are fetched while the page is idle, so
 * choosing another layout seldom waits.
 */

let loaded = false;
let loading: Promise<void> | null = null;

/** The layouts Cytoscape does not have built in. */
function needsExtension(name: string): boolean {
  return name === 'fcose' || name === 'dagre';
}

export function loadLayoutExtensions(): Promise<void> {
  loading ??= Promise.all([import('cytoscape-fcose'), import('cytoscape-dagre')]).then(
    ([fcose, dagre]) => {
      if (loaded) return;
      cytoscape.use(fcose.default);
      cytoscape.use(dagre.default);
      loaded = true;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Loads the extensions once the browser has nothing else to do. */
export function loadLayoutExtensionsWhenIdle(): void {
  const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  idle(() => void loadLayoutExtensions().catch(() => {}));
}

/**
 * Starts layouts that may have to wait for their extension. While one waits the canvas counts as
 * laying out (`pending`); a newer layout, or a stop, overtakes it. If the extension cannot be
 * loaded, `fallback` lays the graph out with what is built in.
 */
export function createLayoutStarter(changed: () => void) {
  let waiting: symbol | null = null;
  return {
    get pending(): boolean {
      return waiting !== null;
    },
    cancel(): void {
      waiting = null;
    },
    start(name: string, run: () => void, fallback: () => void): void {
      waiting = null;
      if (loaded || !needsExtension(name)) {
        run();
        return;
      }
      const mine = Symbol(name);
      waiting = mine;
      changed();
      const settle = (go: () => void) => {
        if (waiting !== mine) return;
        waiting = null;
        go();
        changed();
      };
      loadLayoutExtensions().then(
        () => settle(run),
        () => settle(fallback),
      );
    },
  };
}
