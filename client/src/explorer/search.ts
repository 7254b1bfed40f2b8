import type { SearchResult } from '../../../graph/contract/api.ts';
import { ApiError, isAbort } from '../api.ts';
import { styleOf } from '../canvas/style.ts';
import type { Deps } from '../ui/deps.ts';
import { h, replace } from '../ui/dom.ts';

/**
 * The search box: suggestions as you type (debounced), a listbox navigable with the arrow keys,
 * Enter to jump to the node, Escape to close. Follows the ARIA combobox pattern.
 */

const DEBOUNCE_MS = 200;

export function createSearch(root: HTMLElement, deps: Deps): void {
  const input = h('input', {
    id: 'search-input',
    type: 'search',
    class: 'search-input',
    placeholder: 'Person, organisation, post, finding…',
    autocomplete: 'off',
    spellcheck: 'false',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'search-suggestions',
    'data-testid': 'search-input',
  });
  const list = h('ul', {
    id: 'search-suggestions',
    class: 'suggestions',
    role: 'listbox',
    'aria-label': 'Suggestions',
    hidden: true,
  });
  const hint = h('p', { class: 'search-hint', 'aria-live': 'polite' });
  replace(
    root,
    h('label', { for: 'search-input', class: 'section-title' }, 'Search'),
    h('div', { class: 'search-box' }, input, list),
    hint,
  );

  let results: SearchResult['results'] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;

  function close(): void {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(index: number): void {
    active = index;
    list.querySelectorAll('[role="option"]').forEach((option, i) => {
      option.setAttribute('aria-selected', String(i === index));
      if (i === index) {
        input.setAttribute('aria-activedescendant', option.id);
        option.scrollIntoView({ block: 'nearest' });
      }
    });
  }

  function choose(index: number): void {
    const result = results[index];
    if (!result) return;
    close();
    input.value = result.name;
    hint.textContent = '';
    deps.jumpTo(result.id);
  }

  function show(): void {
    if (results.length === 0) {
      close();
      hint.textContent = input.value.trim() ? 'No matches.' : '';
      return;
    }
    hint.textContent = '';
    replace(
      list,
      ...results.map((result, i) => {
        const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.setProperty('--swatch', styleOf(result.label).color);
        return h(
          'li',
          {
            id: `search-option-${i}`,
            role: 'option',
            class: 'suggestion',
            'aria-selected': 'false',
            'data-testid': 'search-suggestion',
            'data-node-id': result.id,
            // mousedown, not click: it fires before the input's blur closes the list.
            onmousedown: (event: Event) => {
              event.preventDefault();
              choose(i);
            },
          },
          swatch,
          h('span', { class: 'suggestion-name' }, result.name),
          h('span', { class: 'suggestion-label' }, result.label),
        );
      }),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
  }

  async function query(q: string): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await deps.api.search(q, { limit: 10 }, { signal: controller.signal });
      if (input.value.trim() !== q) return;
      results = response.results;
      show();
    } catch (error) {
      if (isAbort(error)) return;
      results = [];
      close();
      hint.textContent = error instanceof ApiError ? `Search failed: ${error.message}` : 'Search failed.';
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) {
      results = [];
      close();
      hint.textContent = '';
      return;
    }
    hint.textContent = 'Searching…';
    timer = setTimeout(() => void query(q), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden && results.length > 0) show();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const count = results.length;
      if (count > 0) setActive((active + step + count + (active === -1 && step < 0 ? 1 : 0)) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(Math.max(active, 0));
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => close());
  input.addEventListener('focus', () => {
    if (results.length > 0 && input.value.trim()) show();
  });
}
