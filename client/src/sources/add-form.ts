import type {
  DateSuggestion,
  PrepareSourceResponse,
  SourceMetaInput,
} from '../../../graph/contract/sources.ts';
import { SOURCE_KINDS } from '../../../graph/contract/sources.ts';
import { h, replace } from '../ui/dom.ts';
import { errorBox } from './errors.ts';
import type { SourcesApi } from './sources-api.ts';

/**
 * "Add a source": paste text or choose a .txt/.html file, let the server prepare it (the stored
 * text, a duplicate check, dates it prints), fill in who published it and when, and save. The
 * dates the server finds are offered, never chosen for the person.
 */
export function createAddForm(
  api: SourcesApi,
  options: { version: () => string | null; onSaved(id: string): void; openDocument(id: string): void },
): HTMLElement {
  const field = (label: string, input: HTMLElement, hint?: string) =>
    h('label', { class: 'sources-field' }, h('span', {}, label), input, hint ? h('small', {}, hint) : null);
  const content = h('textarea', {
    rows: 8,
    'data-testid': 'source-content',
    placeholder: 'Paste the text of a press release, letter, minutes or article…',
  });
  let format: 'text' | 'html' = 'text';
  const file = h('input', {
    type: 'file',
    accept: '.txt,.html,.htm,text/plain,text/html',
    'data-testid': 'source-file',
  });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    content.value = await chosen.text();
    format = /\.html?$/i.test(chosen.name) || chosen.type === 'text/html' ? 'html' : 'text';
    prepared = null;
  });
  content.addEventListener('input', () => {
    format = 'text';
    prepared = null;
  });
  const title = h('input', { type: 'text', 'data-testid': 'source-title', required: true });
  const publisher = h('input', { type: 'text', 'data-testid': 'source-publisher' });
  const publisherNote = h('input', { type: 'text', 'data-testid': 'source-publisher-note' });
  const author = h('input', { type: 'text', 'data-testid': 'source-author' });
  const kind = h(
    'select',
    { 'data-testid': 'source-kind' },
    ...SOURCE_KINDS.map((k) => h('option', { value: k }, k)),
  );
  const url = h('input', { type: 'url', 'data-testid': 'source-url', placeholder: 'https://…' });
  const dateMode = h(
    'select',
    { 'data-testid': 'source-date-mode' },
    h('option', { value: 'exact' }, 'printed in the text (a day, month or year)'),
    h('option', { value: 'bounds' }, 'not printed: between two dates'),
  );
  const date = h('input', { type: 'text', 'data-testid': 'source-date', placeholder: 'YYYY-MM-DD' });
  const dateQuote = h('input', { type: 'text', 'data-testid': 'source-date-quote' });
  const notBefore = h('input', {
    type: 'text',
    'data-testid': 'source-not-before',
    placeholder: 'YYYY-MM-DD',
  });
  const notAfter = h('input', { type: 'text', 'data-testid': 'source-not-after', placeholder: 'YYYY-MM-DD' });
  const reason = h('input', { type: 'text', 'data-testid': 'source-date-reason' });
  const exactBox = h(
    'div',
    { class: 'sources-date-exact' },
    field('Date', date),
    field('The words that print it', dateQuote, 'copied from the text'),
  );
  const boundsBox = h(
    'div',
    { class: 'sources-date-bounds', hidden: true },
    field('Not before', notBefore),
    field('Not after', notAfter),
    field('Why between these', reason),
  );
  dateMode.addEventListener('change', () => {
    exactBox.hidden = dateMode.value !== 'exact';
    boundsBox.hidden = dateMode.value === 'exact';
  });
  const suggestions = h('div', { class: 'sources-date-suggestions', 'data-testid': 'date-suggestions' });
  const status = h('div', { class: 'sources-status', 'aria-live': 'polite' });
  let prepared: PrepareSourceResponse | null = null;

  const useDate = (s: DateSuggestion) => {
    dateMode.value = 'exact';
    exactBox.hidden = false;
    boundsBox.hidden = true;
    date.value = s.date;
    dateQuote.value = s.quote;
  };

  async function prepare(): Promise<PrepareSourceResponse | null> {
    if (!content.value.trim()) {
      replace(
        status,
        h('p', { class: 'sources-error', role: 'alert' }, 'Paste a text or choose a file first.'),
      );
      return null;
    }
    try {
      prepared = await api.prepare({ format, content: content.value });
    } catch (error) {
      replace(status, errorBox(error, options.openDocument));
      return null;
    }
    replace(
      suggestions,
      prepared.dates.length === 0
        ? h('p', {}, 'No date found in the text: give it, or its bounds.')
        : h(
            'div',
            {},
            h('span', {}, 'Dates the text prints: '),
            ...prepared.dates.slice(0, 5).map((s) =>
              h(
                'button',
                {
                  type: 'button',
                  class: 'chip',
                  'data-testid': 'date-suggestion',
                  'data-date': s.date,
                  title: s.quote,
                  onclick: () => useDate(s),
                },
                `${s.date} — “${s.quote.length > 50 ? `${s.quote.slice(0, 49)}…` : s.quote}”`,
              ),
            ),
          ),
    );
    if (prepared.duplicateOf) {
      replace(
        status,
        h(
          'div',
          {
            class: 'sources-error',
            role: 'alert',
            'data-testid': 'sources-error',
            'data-reason': 'duplicate',
          },
          h('strong', {}, 'This text is already a source: '),
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'data-testid': 'duplicate-link',
              onclick: () => options.openDocument(prepared?.duplicateOf ?? ''),
            },
            prepared.duplicateOf,
          ),
        ),
      );
    } else replace(status);
    const first = prepared.dates[0];
    if (first && !date.value && first.rule === 'labelled') useDate(first);
    return prepared;
  }

  function meta(): SourceMetaInput {
    const orNull = (s: string) => (s.trim() ? s.trim() : null);
    return {
      title: title.value.trim(),
      publisher: orNull(publisher.value),
      ...(publisherNote.value.trim() ? { publisherNote: publisherNote.value.trim() } : {}),
      author: orNull(author.value),
      kind: kind.value as SourceMetaInput['kind'],
      url: orNull(url.value),
      published:
        dateMode.value === 'exact'
          ? { date: date.value.trim(), ...(dateQuote.value.trim() ? { quote: dateQuote.value.trim() } : {}) }
          : {
              notBefore: notBefore.value.trim(),
              notAfter: notAfter.value.trim(),
              reason: reason.value.trim(),
            },
    };
  }

  async function save(event: Event) {
    event.preventDefault();
    const version = options.version();
    if (!version) return;
    if (!prepared && !(await prepare())) return;
    if (prepared?.duplicateOf) return;
    replace(status, h('p', { class: 'status status-loading', role: 'status' }, 'Saving…'));
    try {
      const saved = await api.create({ version, content: { format, content: content.value }, meta: meta() });
      replace(status);
      form.reset();
      prepared = null;
      replace(suggestions);
      options.onSaved(saved.document.id);
    } catch (error) {
      replace(status, errorBox(error, options.openDocument));
    }
  }

  const form = h(
    'form',
    { class: 'sources-add', 'data-testid': 'add-source-form', onsubmit: save },
    h('h3', {}, 'Add a source'),
    field('Text', content),
    h(
      'div',
      { class: 'sources-row' },
      field('…or a .txt / .html file', file),
      h(
        'button',
        { type: 'button', 'data-testid': 'source-prepare', onclick: () => void prepare() },
        'Check the text and find its date',
      ),
    ),
    suggestions,
    h(
      'div',
      { class: 'sources-grid' },
      field('Title', title),
      field('Kind', kind),
      field('Publisher', publisher, 'leave empty when the text does not show it'),
      field('Why the publisher is unknown', publisherNote),
      field('Author', author),
      field('URL', url),
    ),
    h('fieldset', {}, h('legend', {}, 'Published'), field('Its date is', dateMode), exactBox, boundsBox),
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'source-save' }, 'Save the source'),
    status,
  );
  return form;
}
