import type { AppState } from '../state/app-state.ts';
import type { TabName } from '../state/link-state.ts';
import type { TabContent } from './tabs.ts';

/**
 * A tab whose module is loaded the first time the tab is shown (or when a link opens on it), so the
 * first view downloads and compiles only the explorer. Until it arrives the panel is empty and
 * hidden; the state it missed is handed over on arrival. A failed load says so in the panel and is
 * tried again the next time the tab is shown.
 */
export function lazyTab(name: TabName, panel: HTMLElement, load: () => Promise<TabContent>): TabContent {
  let content: TabContent | null = null;
  let requested = false;
  let latest: AppState | null = null;
  return {
    render(state) {
      latest = state;
      if (content) {
        content.render(state);
        return;
      }
      if (state.tab !== name || requested) return;
      requested = true;
      load().then(
        (loaded) => {
          content = loaded;
          if (latest) loaded.render(latest);
        },
        (error: unknown) => {
          requested = false;
          panel.textContent = `This tab could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
        },
      );
    },
  };
}
