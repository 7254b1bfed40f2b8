import {
  closeBrackets,
  closeBracketsKeymap,
  closeCompletion,
  startCompletion,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter } from '@codemirror/lint';
import { EditorState, type Extension, Prec, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  EditorView,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import type { GraphSchemaInfo } from '../../../graph/contract/api.ts';
import type { ErrorRange } from './error-position.ts';

/**
 * The console's two editors. The query editor is Neo4j's own Cypher support for CodeMirror 6
 * (@neo4j-cypher/codemirror): highlighting, bracket matching and completion of keywords, labels,
 * relationship types, property keys and $parameters from the schema we give it. It bundles with
 * Vite 8 as it is (its ANTLR parser is plain ES modules), so no other editor was needed. The
 * parameters editor is a plain CodeMirror 6 view with JSON highlighting and JSON linting.
 *
 * Both share the console's keys (Ctrl/Cmd+Enter runs) and the query editor can mark where an
 * error points. Nothing from the data is put into the page as HTML here: CodeMirror renders text.
 */

const setErrorMark = StateEffect.define<ErrorRange | null>();

const errorMarkField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects) {
      if (!effect.is(setErrorMark)) continue;
      const range = effect.value;
      if (!range) return Decoration.none;
      const doc = tr.state.doc;
      const from = Math.min(range.from, doc.length);
      const to = Math.min(Math.max(range.to, from), doc.length);
      const line = doc.lineAt(from);
      const decorations = [Decoration.line({ class: 'cm-console-error-line' }).range(line.from)];
      if (to > from) decorations.push(Decoration.mark({ class: 'cm-console-error-mark' }).range(from, to));
      return Decoration.set(decorations, true);
    }
    // Any edit clears the mark: it pointed into a query that no longer exists.
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

function runKeys(run: () => void): Extension {
  const binding = {
    key: 'Mod-Enter',
    run: () => {
      run();
      return true;
    },
  };
  return Prec.highest(keymap.of([binding]));
}

/**
 * Opening the completion list when a label, type, property or parameter can follow (after `:`,
 * `.`, `$` or an opening bracket). The package means to do this itself, but 1.0.3 reads the
 * inserted text through a CodeMirror internal that newer @codemirror/state no longer has, so its
 * trigger never fires; this does the same through the public API.
 */
const TRIGGERS = new Set(['.', ':', '$', '(', '[', '{', '()', '[]', '{}']);
const completeAfterTrigger = EditorView.updateListener.of((update) => {
  if (!update.docChanged || !update.transactions.some((tr) => tr.isUserEvent('input.type'))) return;
  let inserted = '';
  update.changes.iterChanges((_fromA, _toA, _fromB, _toB, text) => {
    inserted += text.toString();
  });
  if (TRIGGERS.has(inserted)) setTimeout(() => startCompletion(update.view), 0);
});

export interface QueryEditor {
  value(): string;
  setValue(text: string): void;
  setSchema(schema: GraphSchemaInfo, parameters: string[]): void;
  markError(range: ErrorRange | null): void;
  /** Closes the completion list, if open (a run should not leave it hanging over the editor). */
  closeCompletion(): void;
  focus(): void;
}

export function createQueryEditor(
  parent: HTMLElement,
  options: { value: string; onRun: () => void; onChange?: () => void },
): QueryEditor {
  const created: unknown = createCypherEditor(parent, {
    value: options.value,
    autofocus: false,
    lineNumbers: true,
    lineNumberFormatter: (line) => String(line),
    lineWrapping: true,
    // Tab moves focus on, as everywhere else on the page; completions are accepted with Enter.
    tabKey: false,
    theme: 'light',
    placeholder: 'MATCH (n:Person) RETURN n.name LIMIT 10',
    preExtensions: [runKeys(options.onRun), errorMarkField, completeAfterTrigger],
  });
  // The package's types say it returns the editor API; version 1.0.3 returns `{ editor: api }`.
  const api = ((created as { editor?: EditorApi }).editor ?? created) as EditorApi;
  api.codemirror.contentDOM.setAttribute('aria-label', 'Cypher query');
  api.codemirror.contentDOM.setAttribute('data-testid', 'console-query-input');
  if (options.onChange) api.onValueChanged(options.onChange);
  return {
    value: () => api.codemirror.state.doc.toString(),
    setValue(text) {
      api.setValue(text);
    },
    setSchema(schema, parameters) {
      // Labels and types are given as they are written after the colon, as Neo4j Browser does:
      // editor-support matches them against the typed `:Pe`, colon included.
      api.setSchema({
        labels: schema.labels.map((l) => `:${l.label}`),
        relationshipTypes: schema.relationshipTypes.map((t) => `:${t.type}`),
        propertyKeys: schema.propertyKeys,
        parameters,
      });
    },
    markError(range) {
      const view = api.codemirror;
      const effects: StateEffect<unknown>[] = [setErrorMark.of(range)];
      if (range) {
        const at = Math.min(range.from, view.state.doc.length);
        effects.push(EditorView.scrollIntoView(at, { y: 'center' }));
        view.dispatch({ effects, selection: { anchor: at } });
      } else view.dispatch({ effects });
    },
    closeCompletion: () => void closeCompletion(api.codemirror),
    focus: () => api.focus(),
  };
}

export interface ParamsEditor {
  value(): string;
  setValue(text: string): void;
  focus(): void;
}

export function createParamsEditor(
  parent: HTMLElement,
  options: { value: string; onRun: () => void; onChange?: () => void },
): ParamsEditor {
  const jsonLint = jsonParseLinter();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.value,
      extensions: [
        runKeys(options.onRun),
        lineNumbers(),
        history(),
        closeBrackets(),
        bracketMatching(),
        json(),
        // No parameters is fine: only text that is there is checked.
        linter((view) => (view.state.doc.toString().trim() === '' ? [] : jsonLint(view)), { delay: 300 }),
        syntaxHighlighting(defaultHighlightStyle),
        placeholder('None. For $name: {"name": "Karen Dolton"}'),
        EditorView.lineWrapping,
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap]),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange?.();
        }),
        EditorView.contentAttributes.of({
          'aria-label': 'Query parameters (JSON)',
          'data-testid': 'console-params-input',
        }),
      ],
    }),
  });
  return {
    value: () => view.state.doc.toString(),
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
  };
}
