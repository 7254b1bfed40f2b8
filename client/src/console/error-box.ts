import { h, replace } from '../ui/dom.ts';

/** What the server refused or Neo4j could not run, titled by the error's code, with the line and column when known. */

const ERROR_TITLES: Record<string, string> = {
  WRITE_NOT_ALLOWED: 'The console is read-only',
  FORBIDDEN_CLAUSE: 'Not allowed in the console',
  CYPHER_SYNTAX: 'Neo4j could not run the query',
  QUERY_TIMEOUT: 'The query took too long',
  TOO_LARGE: 'The query is too long',
  BAD_REQUEST: 'The request was refused',
  DATABASE_UNAVAILABLE: 'The database is not available',
  NETWORK_ERROR: 'The server could not be reached',
};

export function errorTitle(code: string): string {
  return ERROR_TITLES[code] ?? 'The query failed';
}

/** `onPosition` is called when the reader follows the position link (to focus the query, where it is marked). */
export function createErrorBox(onPosition: () => void) {
  const box = h('div', {
    class: 'console-error',
    role: 'alert',
    'data-testid': 'console-error',
    hidden: true,
  });
  return {
    element: box,
    show(title: string, message: string, where?: { line: number; column: number }): void {
      const children = [
        h('strong', { class: 'console-error-title' }, title),
        h('pre', { class: 'console-error-message' }, message),
      ];
      if (where) {
        children.push(
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'data-testid': 'console-error-position',
              onclick: onPosition,
            },
            `Line ${where.line}, column ${where.column}: marked in the query`,
          ),
        );
      }
      replace(box, ...children);
      box.hidden = false;
    },
    hide(): void {
      box.hidden = true;
    },
  };
}
