import type {
  AppositionSuggestion,
  FactInput,
  SourceDetail,
  SourceFact,
  SourceSuggestions,
} from '../../../graph/contract/sources.ts';
import { formatDate } from '../format/dates.ts';
import type { Deps } from '../ui/deps.ts';
import { h, replace, statusLine } from '../ui/dom.ts';
import { createEvidenceForm } from './evidence-form.ts';
import { type Mark, quoteOf, segmentsOf } from './quote.ts';

export interface AnnotateActions {
  addFacts(facts: FactInput[]): Promise<boolean>;
  edit(fact: SourceFact, value: Record<string, unknown>): Promise<boolean>;
  retract(fact: SourceFact): Promise<boolean>;
  undo(): Promise<boolean>;
  close(): void;
}

/** The offset in the document of a point in the reader's text (each segment knows its start). */
function offsetOf(node: Node, offset: number, root: HTMLElement): number | null {
  if (!root.contains(node)) return null;
  const segment = (
    node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element)
  )?.closest<HTMLElement>('[data-start]');
  if (!segment) return null;
  const start = Number(segment.dataset.start);
  return node.nodeType === Node.TEXT_NODE ? start + offset : start;
}

function marksOf(detail: SourceDetail, suggestions: SourceSuggestions | null): Mark[] {
  const marks: Mark[] = [];
  for (const fact of detail.facts) {
    for (const q of fact.quotes) {
      if (q.anchor)
        marks.push({
          start: q.anchor.position.start,
          end: q.anchor.position.end,
          kind: 'quote',
          title: fact.summary,
        });
    }
  }
  for (const s of suggestions?.attestations ?? []) {
    marks.push({
      start: s.anchor.position.start,
      end: s.anchor.position.end,
      kind: 'suggestion',
      title: `Suggested: ${s.person.text}, ${s.title}`,
    });
  }
  for (const m of suggestions?.mentions ?? []) {
    marks.push({
      start: m.start,
      end: m.end,
      kind: 'mention',
      title: `${m.name} (${m.label})`,
      entityId: m.entityId,
    });
  }
  return marks;
}

function suggestionItem(s: AppositionSuggestion, confirm: (s: AppositionSuggestion) => void): HTMLElement {
  const what = s.facts.map((f) =>
    f.collection === 'attestations'
      ? `attests ${f.tenure}`
      : `new ${f.collection.replace(/s$/, '')} ${String(f.value.id ?? '')}`,
  );
  return h(
    'li',
    { class: 'sources-suggestion', 'data-testid': 'suggestion', 'data-person': s.person.text },
    h('p', {}, h('strong', {}, s.person.text), ` — ${s.post.text}${s.capacity ? ` (${s.capacity})` : ''}`),
    h('blockquote', {}, s.quote),
    h('p', { class: 'muted' }, what.join('; ')),
    s.needs.length > 0 ? h('p', { class: 'sources-error' }, s.needs.join(' ')) : null,
    h(
      'button',
      {
        type: 'button',
        class: 'primary',
        'data-testid': 'confirm-suggestion',
        disabled: s.needs.length > 0,
        onclick: () => confirm(s),
      },
      'Confirm',
    ),
  );
}

function factItem(fact: SourceFact, actions: AnnotateActions, canWrite: boolean): HTMLElement {
  const editor = h('textarea', { rows: 8, 'data-testid': 'fact-edit-value', hidden: true });
  const saveEdit = h(
    'button',
    { type: 'button', hidden: true, 'data-testid': 'fact-edit-save' },
    'Save the change',
  );
  const editProblem = h('p', { class: 'sources-error', role: 'alert', hidden: true });
  const { evidence: _evidence, ...withoutEvidence } = fact.value;
  saveEdit.addEventListener('click', () => {
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(editor.value) as Record<string, unknown>;
    } catch (error) {
      editProblem.hidden = false;
      editProblem.textContent = `Not valid JSON: ${(error as Error).message}`;
      return;
    }
    void actions.edit(fact, value);
  });
  return h(
    'li',
    {
      class: 'sources-fact',
      'data-testid': 'source-fact',
      'data-fact-id': fact.ref.id,
      'data-editable': String(fact.editable),
    },
    h('p', {}, h('strong', {}, fact.summary)),
    ...fact.quotes.map((q) => h('blockquote', {}, q.exact)),
    fact.editable && canWrite
      ? h(
          'div',
          { class: 'sources-row' },
          h(
            'button',
            {
              type: 'button',
              'data-testid': 'fact-edit',
              onclick: () => {
                editor.value = JSON.stringify(withoutEvidence, null, 2);
                editor.hidden = !editor.hidden;
                saveEdit.hidden = editor.hidden;
              },
            },
            'Edit',
          ),
          h(
            'button',
            { type: 'button', 'data-testid': 'fact-retract', onclick: () => void actions.retract(fact) },
            'Retract',
          ),
        )
      : h('p', { class: 'muted' }, `Kept by hand in ${fact.file}`),
    editor,
    saveEdit,
    editProblem,
  );
}

/**
 * The annotating reader: the text with known names, this document's quotes and suggested
 * appositions marked; a selection goes into "Use as evidence for…"; in the margin the suggestions
 * to confirm and the facts citing the document, to edit, retract or undo.
 */
export function createAnnotator(root: HTMLElement, deps: Deps, actions: AnnotateActions) {
  let detail: SourceDetail | null = null;
  let suggestions: SourceSuggestions | null = null;
  const text = h('div', {
    class: 'sources-text',
    'data-testid': 'source-text',
    tabindex: 0,
    'aria-label': 'The document’s text: select words to use them as evidence',
  });
  const selectionNote = h('p', { class: 'muted', 'aria-live': 'polite', 'data-testid': 'selection-note' });
  const form = createEvidenceForm(deps, {
    mentions: () => suggestions?.mentions ?? [],
    submit: actions.addFacts,
  });
  const margin = h('div', { class: 'sources-margin' });
  const header = h('div', { class: 'sources-reader-head' });
  const useSelection = h(
    'button',
    { type: 'button', 'data-testid': 'use-selection', disabled: true, onclick: () => takeSelection() },
    'Use the selection as evidence…',
  );
  replace(
    root,
    header,
    h(
      'div',
      { class: 'sources-reader-body' },
      h(
        'div',
        { class: 'sources-text-column' },
        h('div', { class: 'sources-row' }, useSelection, selectionNote),
        text,
      ),
      h('div', { class: 'sources-side' }, form.element, margin),
    ),
  );

  function currentQuote() {
    const selection = window.getSelection();
    if (!detail || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const a = offsetOf(range.startContainer, range.startOffset, text);
    const b = offsetOf(range.endContainer, range.endOffset, text);
    if (a === null || b === null) return null;
    return quoteOf(detail.text, a, b);
  }

  function takeSelection() {
    const choice = currentQuote();
    if (!choice) return;
    if ('problem' in choice) {
      selectionNote.textContent = choice.problem;
      return;
    }
    form.use(choice.quote);
  }

  const onSelect = () => {
    const choice = currentQuote();
    useSelection.disabled = !choice || 'problem' in choice;
    selectionNote.textContent = choice
      ? 'problem' in choice
        ? choice.problem
        : `Selected: “${choice.quote.exact.slice(0, 60)}${choice.quote.exact.length > 60 ? '…' : ''}”`
      : '';
  };
  text.addEventListener('mouseup', onSelect);
  text.addEventListener('keyup', onSelect);

  function drawText() {
    if (!detail) return;
    const body = detail.text;
    replace(
      text,
      ...segmentsOf(body.length, marksOf(detail, suggestions)).map((s) => {
        const kinds = [...new Set(s.marks.map((m) => m.kind))];
        const mention = s.marks.find((m) => m.kind === 'mention');
        return h(
          kinds.length > 0 ? 'mark' : 'span',
          {
            'data-start': s.start,
            class: kinds.map((k) => `src-${k}`).join(' ') || null,
            title: s.marks.map((m) => m.title).join(' · ') || null,
            'data-testid': mention ? 'source-mention' : kinds.includes('quote') ? 'source-quote' : null,
            'data-entity-id': mention?.entityId ?? null,
          },
          body.slice(s.start, s.end),
        );
      }),
    );
  }

  function drawMargin() {
    if (!detail) return;
    const d = detail;
    // A suggestion whose words already back a fact here has been confirmed: it is not offered again.
    const used = new Set(
      d.facts.flatMap((f) =>
        f.quotes.map((q) => (q.anchor ? `${q.anchor.position.start}-${q.anchor.position.end}` : '')),
      ),
    );
    const open =
      suggestions?.attestations.filter(
        (s) => s.facts.length > 0 && !used.has(`${s.anchor.position.start}-${s.anchor.position.end}`),
      ) ?? null;
    replace(
      margin,
      h('h3', {}, 'Suggested attestations'),
      open === null
        ? statusLine('loading', 'Looking for names and titles…')
        : open.length === 0
          ? h('p', { class: 'muted' }, 'Nothing to suggest: select words yourself.')
          : h(
              'ul',
              { class: 'sources-list', 'data-testid': 'suggestions' },
              ...open.map((s) => suggestionItem(s, (x) => void actions.addFacts(x.facts))),
            ),
      h('h3', {}, `Facts citing this document (${d.facts.length})`),
      d.facts.length === 0
        ? h('p', { class: 'muted', 'data-testid': 'no-facts' }, 'None yet.')
        : h(
            'ul',
            { class: 'sources-list', 'data-testid': 'source-facts' },
            ...d.facts.map((f) => factItem(f, actions, true)),
          ),
    );
  }

  function drawHeader() {
    if (!detail) return;
    const doc = detail.document;
    const when = doc.date
      ? formatDate(doc.date)
      : `between ${formatDate(doc.notBefore)} and ${formatDate(doc.notAfter)}`;
    replace(
      header,
      h('h2', { class: 'panel-title', 'data-testid': 'source-title-heading' }, doc.title),
      h('p', { class: 'muted' }, [doc.publisher ?? 'Publisher not shown', doc.kind, when].join(' · ')),
      h(
        'div',
        { class: 'sources-row' },
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'source-undo',
            disabled: !detail.canUndo,
            onclick: () => void actions.undo(),
          },
          'Undo the last change',
        ),
        h(
          'button',
          { type: 'button', 'data-testid': 'source-close', onclick: () => actions.close() },
          'Back to the list',
        ),
      ),
    );
  }

  return {
    show(next: SourceDetail, nextSuggestions: SourceSuggestions | null) {
      detail = next;
      suggestions = nextSuggestions;
      drawHeader();
      drawText();
      drawMargin();
    },
    get detail() {
      return detail;
    },
  };
}
