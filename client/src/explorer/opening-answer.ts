import type { Opening } from '../../../graph/contract/opening.ts';
import { OPENING_ANSWER_ELEMENT_ID } from '../../../graph/contract/opening-answer.ts';

/**
 * The opening's answer the page carries (server/http/index-page.ts), taken once: a retry asks the
 * server afresh. Null when the page came without it (the answer was not ready in time, and the page
 * asked the browser to preload it instead) or when it does not read as JSON.
 */
export function takeCarriedOpening(doc: Document = document): Opening | null {
  const element = doc.getElementById(OPENING_ANSWER_ELEMENT_ID);
  if (!element) return null;
  element.remove();
  try {
    return JSON.parse(element.textContent ?? '') as Opening;
  } catch {
    return null;
  }
}
