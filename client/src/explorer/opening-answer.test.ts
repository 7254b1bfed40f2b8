import { describe, expect, it } from 'vitest';
import { OPENING_ANSWER_ELEMENT_ID } from '../../../graph/contract/opening-answer.ts';
import { takeCarriedOpening } from './opening-answer.ts';

/** A page holding, or not, the element the server writes; `removed` says whether it was taken out. */
function pageWith(text: string | null) {
  const state = { removed: false };
  const element = { textContent: text, remove: () => (state.removed = true) };
  const doc = {
    getElementById: (id: string) =>
      text !== null && id === OPENING_ANSWER_ELEMENT_ID && !state.removed ? element : null,
  } as unknown as Document;
  return { doc, state };
}

describe('takeCarriedOpening', () => {
  it('reads the answer the page carries, once: a retry asks the server afresh', () => {
    const { doc, state } = pageWith('{"view":null,"nodes":[],"neighbours":[]}');
    expect(takeCarriedOpening(doc)).toEqual({ view: null, nodes: [], neighbours: [] });
    expect(state.removed).toBe(true);
    expect(takeCarriedOpening(doc)).toBeNull();
  });

  it('is null for a page without it, or with something that is not JSON', () => {
    expect(takeCarriedOpening(pageWith(null).doc)).toBeNull();
    expect(takeCarriedOpening(pageWith('{"view":').doc)).toBeNull();
  });
});
