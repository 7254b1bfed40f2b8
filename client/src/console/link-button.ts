import { h } from '../ui/dom.ts';
import { type ConsoleLink, consoleUrl } from './link.ts';

/**
 * "Copy link": a link that opens the console with the editors' query and parameters. Copied to the
 * clipboard when the browser allows, else shown in a box to copy by hand; `report` says which.
 */
export function createLinkButton(current: () => ConsoleLink, report: (text: string) => void) {
  const input = h('input', {
    type: 'text',
    readonly: true,
    class: 'console-link',
    'aria-label': 'Link to this query',
    'data-testid': 'console-link',
    hidden: true,
  });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button',
      'data-testid': 'console-copy-link',
      title: 'Copy a link that opens the console with this query and its parameters',
      onclick: async () => {
        const url = consoleUrl(window.location, current());
        input.value = url;
        input.hidden = false;
        try {
          await navigator.clipboard.writeText(url);
          report('Link copied');
        } catch {
          input.select();
          report('Copy the link from the box');
        }
      },
    },
    'Copy link',
  );
  return { button, input };
}
