// Kept apart from opening.ts (its zod schemas) so the page's first script can read it cheaply.

/**
 * The page on a blank address carries the opening's answer (GET /api/opening's body, as sent) in a
 * `<script type="application/json">` element with this id, so the client draws it without asking.
 */
export const OPENING_ANSWER_ELEMENT_ID = 'opening-answer';
