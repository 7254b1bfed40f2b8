import type { AppState } from '../state/app-state.ts';
import { TABS, type TabName } from '../state/link-state.ts';
import type { Store } from '../state/store.ts';
import { h, replace } from '../ui/dom.ts';

/**
 * The tab strip and the panels it switches between, built from main.ts's tab table: one button and
 * one panel per entry, in the order of `TABS`. The panel is created here (`#view-<name>`, the hook
 * the browser tests use) and handed to the entry's `build`; only the current tab's panel is shown.
 */

export interface TabContent {
  render(state: AppState): void;
}

export interface TabEntry {
  title: string;
  /** A class for the panel besides `tab-panel`, for the feature's own CSS. */
  panelClass?: string;
  /** Fills the panel. Called once, in table order, after every panel exists. */
  build(panel: HTMLElement): TabContent;
}

export type TabTable = Record<TabName, TabEntry>;

/** One panel per tab, appended to `stage`, before anything is built into them. */
export function createTabPanels(stage: HTMLElement, table: TabTable): Record<TabName, HTMLElement> {
  const panels = {} as Record<TabName, HTMLElement>;
  for (const name of TABS) {
    const className = table[name].panelClass;
    panels[name] = h('div', {
      id: `view-${name}`,
      class: className ? `tab-panel ${className}` : 'tab-panel',
      role: 'tabpanel',
      'aria-labelledby': `tab-${name}`,
      hidden: name !== 'explore',
    });
  }
  stage.append(...TABS.map((name) => panels[name]));
  return panels;
}

export function createTabs(
  tabsRoot: HTMLElement,
  panels: Record<TabName, HTMLElement>,
  table: TabTable,
  store: Store,
) {
  const buttons = TABS.map((tab) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${tab}`,
        class: 'tab',
        'aria-controls': `view-${tab}`,
        'data-testid': `tab-${tab}`,
        onclick: () => store.dispatch({ type: 'setTab', tab }),
      },
      table[tab].title,
    ),
  );
  replace(tabsRoot, ...buttons);
  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  tabsRoot.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const index = TABS.indexOf(store.getState().tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (!next) return;
    store.dispatch({ type: 'setTab', tab: next });
    buttons[TABS.indexOf(next)]?.focus();
  });
  tabsRoot.setAttribute('role', 'tablist');
  tabsRoot.setAttribute('aria-label', 'Views');

  const contents = TABS.map((name) => table[name].build(panels[name]));

  return {
    render(state: AppState): void {
      for (const [i, tab] of TABS.entries()) {
        const button = buttons[i];
        if (button) {
          button.setAttribute('aria-selected', String(state.tab === tab));
          button.tabIndex = state.tab === tab ? 0 : -1;
        }
        panels[tab].hidden = state.tab !== tab;
        contents[i]?.render(state);
      }
    },
  };
}
