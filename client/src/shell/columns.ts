import { h } from '../ui/dom.ts';

/**
 * The two side columns fold away to give the canvas the width, and come back with the same button,
 * which always says what it will do. The choice is remembered in localStorage, per column.
 */

export type Column = 'sidebar' | 'panel';

const KEY = (column: Column) => `accountability-graph.${column}`;
const NAMES: Record<Column, { hide: string; show: string }> = {
  sidebar: { hide: '« Hide search & filters', show: '» Search & filters' },
  panel: { hide: 'Hide details »', show: '« Details' },
};

function readOpen(column: Column): boolean {
  try {
    return window.localStorage.getItem(KEY(column)) !== 'closed';
  } catch {
    return true;
  }
}

function writeOpen(column: Column, open: boolean): void {
  try {
    window.localStorage.setItem(KEY(column), open ? 'open' : 'closed');
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
}

/**
 * Puts a toggle for each column at either end of `bar`; `onChange` hears when the canvas's width
 * changed (so it can resize). `layout` carries `data-sidebar` / `data-panel` = open | closed.
 */
export function createColumnToggles(layout: HTMLElement, bar: HTMLElement, onChange: () => void) {
  const toggles = (['sidebar', 'panel'] as const).map((column) => {
    const target = document.getElementById(column);
    const button = h('button', {
      type: 'button',
      class: `button small column-toggle column-toggle-${column}`,
      'data-testid': `toggle-${column}`,
      'aria-controls': column,
    });
    const apply = (open: boolean) => {
      layout.dataset[column] = open ? 'open' : 'closed';
      if (target) target.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? NAMES[column].hide : NAMES[column].show;
      button.title = open
        ? 'Fold this column away; the same button brings it back'
        : 'Bring this column back';
    };
    button.addEventListener('click', () => {
      const open = layout.dataset[column] !== 'open';
      writeOpen(column, open);
      apply(open);
      onChange();
    });
    apply(readOpen(column));
    return button;
  });
  bar.prepend(toggles[0] as HTMLElement);
  bar.append(toggles[1] as HTMLElement);
  return {
    /** Opens a column (for example the details, when the reader asks to read evidence). */
    open(column: Column) {
      if (layout.dataset[column] === 'open') return;
      const index = column === 'sidebar' ? 0 : 1;
      (toggles[index] as HTMLButtonElement).click();
    },
  };
}
