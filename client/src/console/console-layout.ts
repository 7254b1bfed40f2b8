import { h, replace } from '../ui/dom.ts';

/**
 * The console's page: saved questions and history on the side; the two editors, the run bar and
 * the result in the main column. Only arranges the parts it is given.
 */
export interface ConsoleParts {
  library: HTMLElement;
  history: HTMLElement;
  clearHistory: HTMLElement;
  queryBox: HTMLElement;
  paramsBox: HTMLElement;
  paramsError: HTMLElement;
  runBar: HTMLElement[];
  below: HTMLElement[];
}

export function layOutConsole(root: HTMLElement, parts: ConsoleParts): void {
  replace(
    root,
    h(
      'div',
      { class: 'console', 'data-testid': 'console' },
      h(
        'aside',
        { class: 'console-side', 'aria-label': 'Saved questions and history' },
        h(
          'section',
          { class: 'console-side-section' },
          h('h2', { class: 'section-title' }, 'Saved questions'),
          h('p', { class: 'console-hint' }, 'Click one to run it; its query stays in the editor to change.'),
          parts.library,
        ),
        h(
          'section',
          { class: 'console-side-section' },
          h(
            'div',
            { class: 'console-side-head' },
            h('h2', { class: 'section-title' }, 'History'),
            parts.clearHistory,
          ),
          parts.history,
        ),
      ),
      h(
        'div',
        { class: 'console-main' },
        h(
          'div',
          { class: 'console-editors' },
          h(
            'div',
            { class: 'console-editor-field' },
            h('span', { class: 'console-label', id: 'console-query-label' }, 'Cypher query'),
            parts.queryBox,
          ),
          h(
            'div',
            { class: 'console-editor-field' },
            h(
              'span',
              { class: 'console-label', id: 'console-params-label' },
              'Parameters ',
              h('span', { class: 'muted' }, '(JSON, used as $name)'),
            ),
            parts.paramsBox,
            parts.paramsError,
          ),
        ),
        h('div', { class: 'console-runbar' }, ...parts.runBar),
        ...parts.below,
      ),
    ),
  );
}
