import type { FactInput, Mention, QuoteInput } from '../../../graph/contract/sources.ts';
import type { Deps } from '../ui/deps.ts';
import { h, replace } from '../ui/dom.ts';
import { FACT_KINDS, type FactKind, FIELDS, type FormValues, factsOf } from './fact-form.ts';

let formCount = 0;

/**
 * "Use as evidence for…": the quote (from the selection, or typed, so the keyboard can do it too),
 * what it is evidence for, and that kind's fields. A reference to an existing entity is its id,
 * offered from the names found in this text and from the graph's search as one types.
 */
export function createEvidenceForm(
  deps: Deps,
  options: { mentions: () => readonly Mention[]; submit(facts: FactInput[]): Promise<boolean> },
) {
  const id = `evidence-${++formCount}`;
  const listId = `${id}-entities`;
  const datalist = h('datalist', { id: listId });
  const quoteBox = h('textarea', { rows: 3, 'data-testid': 'evidence-quote-input', required: true });
  let position: { start: number; end: number } | null = null;
  quoteBox.addEventListener('input', () => {
    position = null;
  });
  const kind = h(
    'select',
    { 'data-testid': 'evidence-kind' },
    ...FACT_KINDS.map((k) => h('option', { value: k }, k)),
  );
  const fields = h('div', { class: 'sources-grid' });
  const problems = h('div', { 'aria-live': 'polite' });
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();

  function offer(prefixes: readonly string[], q: string) {
    const known = options
      .mentions()
      .filter((m) => prefixes.some((p) => m.entityId.startsWith(`${p}:`)))
      .map((m) => ({ id: m.entityId, name: m.name }));
    const fill = (found: { id: string; name: string }[]) => {
      const seen = new Set<string>();
      replace(
        datalist,
        ...[...known, ...found]
          .filter((e) => !seen.has(e.id) && seen.add(e.id))
          .map((e) => h('option', { value: e.id }, e.name)),
      );
    };
    fill([]);
    if (q.trim().length < 2 || q.includes(':')) return;
    deps.api.search(q, { limit: 8 }).then(
      (r) => fill(r.results.filter((e) => prefixes.some((p) => e.id.startsWith(`${p}:`)))),
      () => undefined,
    );
  }

  function renderFields() {
    inputs.clear();
    const k = kind.value as FactKind;
    replace(
      fields,
      ...FIELDS[k].map((f) => {
        let input: HTMLInputElement | HTMLSelectElement;
        if (f.type === 'select') {
          input = h('select', {}, ...(f.options ?? []).map((o) => h('option', { value: o }, o || '—')));
        } else if (f.type === 'checkbox') {
          input = h('input', { type: 'checkbox', checked: f.name === 'attest' });
        } else {
          input = h('input', {
            type: 'text',
            list: f.type === 'ref' ? listId : null,
            placeholder: f.type === 'ref' ? `${(f.refPrefixes ?? []).join('|')}:… or a name` : f.hint,
          });
          if (f.type === 'ref') {
            const el = input;
            el.addEventListener('input', () => offer(f.refPrefixes ?? [], el.value));
            el.addEventListener('focus', () => offer(f.refPrefixes ?? [], el.value));
          }
        }
        input.dataset.field = f.name;
        inputs.set(f.name, input);
        return h(
          'label',
          { class: f.type === 'checkbox' ? 'sources-check' : 'sources-field' },
          h('span', {}, f.label, f.required ? ' *' : ''),
          input,
        );
      }),
    );
  }
  kind.addEventListener('change', renderFields);
  renderFields();

  function values(): FormValues {
    const out: FormValues = {};
    for (const [name, input] of inputs) {
      out[name] =
        input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
    }
    return out;
  }

  const submitButton = h(
    'button',
    { type: 'submit', class: 'primary', 'data-testid': 'evidence-submit' },
    'Add',
  );
  const form = h(
    'form',
    {
      class: 'sources-evidence',
      'data-testid': 'evidence-form',
      'aria-labelledby': `${id}-title`,
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const exact = quoteBox.value.trim();
        const quote: QuoteInput = position && quoteBox.value === exact ? { exact, ...position } : { exact };
        const result = factsOf(kind.value as FactKind, values(), quote);
        if ('problems' in result) {
          replace(
            problems,
            h('ul', { class: 'sources-error', role: 'alert' }, ...result.problems.map((p) => h('li', {}, p))),
          );
          return;
        }
        replace(problems);
        submitButton.disabled = true;
        try {
          if (await options.submit(result.facts)) {
            quoteBox.value = '';
            position = null;
            renderFields();
          }
        } finally {
          submitButton.disabled = false;
        }
      },
    },
    datalist,
    h('h3', { id: `${id}-title` }, 'Use as evidence for…'),
    h(
      'label',
      { class: 'sources-field' },
      h('span', {}, 'Quote (select words in the text, or type them)'),
      quoteBox,
    ),
    h('label', { class: 'sources-field' }, h('span', {}, 'Evidence for a'), kind),
    fields,
    problems,
    submitButton,
  );

  return {
    element: form,
    /** Puts a selection in the form and moves focus there, so the keyboard goes on from it. */
    use(quote: QuoteInput) {
      quoteBox.value = quote.exact;
      position =
        quote.start !== undefined && quote.end !== undefined ? { start: quote.start, end: quote.end } : null;
      kind.focus();
    },
  };
}
