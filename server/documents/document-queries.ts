/** A document's metadata and full text, so a quote can be shown highlighted in its context. */
export const DOCUMENT = `
MATCH (d:Document {id: $id})
RETURN d {.id, .title, .publisher, .author, .kind, .published, .publishedNotBefore, .publishedNotAfter,
          .publishedReason, .url, .text} AS doc`;
