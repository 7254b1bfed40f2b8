import type { AppState } from '../state/app-state.ts';
import type { ConsoleDeps, createConsolePanel } from './console-panel.ts';
import { type ConsoleLink, decodeConsoleLink } from './link.ts';

/**
 * The console, loaded the first time it is shown. Its Cypher parser (ANTLR) is over a megabyte, and
 * a reader who only explores should not download it; until the module arrives the link the page
 * opened with stands in for the console's own.
 */
export function createLazyConsole(root: HTMLElement, deps: ConsoleDeps) {
  let view: ReturnType<typeof createConsolePanel> | null = null;
  let requested = false;
  let latest: AppState | null = null;
  // The address as the page opened, before the explorer rewrites it.
  const search = deps.search ?? window.location.search;
  const opened: ConsoleLink | null = decodeConsoleLink(search);
  // A query handed over before the module arrived (a saved view reopened), put in once it has.
  let pending: string | null = null;

  function load(): void {
    if (requested) return;
    requested = true;
    import('./console-panel.ts').then(
      (module) => {
        view = module.createConsolePanel(root, { ...deps, search });
        if (pending !== null) view.open(pending);
        pending = null;
        if (latest) view.render(latest);
      },
      (error: unknown) => {
        requested = false;
        root.textContent = `The console could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
      },
    );
  }

  return {
    render(state: AppState): void {
      latest = state;
      if (view) view.render(state);
      else if (state.tab === 'console') load();
    },
    link(): ConsoleLink | null {
      return view ? view.link() : opened;
    },
    /** The console's query, saved with a view. */
    query(): string | null {
      return (view ? view.link() : pending !== null ? { query: pending } : opened)?.query ?? null;
    },
    setQuery(query: string): void {
      if (view) view.open(query);
      else pending = query;
    },
  };
}
