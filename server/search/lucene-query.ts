/**
 * Builds a Lucene query for the full-text index from what a person typed, so that case, accents,
 * hyphens and unfinished words do not matter and no Lucene syntax typed by the user is interpreted.
 */
export function luceneQuery(input: string): string | null {
  const folded = input
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
  const terms = folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, 8);
  if (terms.length === 0) return null;
  // Every term must match, each as a whole word or the beginning of one.
  const all = terms.map((term) => `(${term} OR ${term}*)`).join(' AND ');
  // A phrase match ranks first.
  return terms.length > 1 ? `("${terms.join(' ')}")^3 OR (${all})` : all;
}
