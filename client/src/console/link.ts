/**
 * A console query in the link: `?view=console&cypher=<query>&params=<json>`. Opening such a link
 * shows the console with the query and parameters in the editors (it does not run them: a link
 * should not do work, or make the reader wait, before they have seen what it asks).
 */

export interface ConsoleLink {
  query: string;
  /** Parameters as JSON text; empty for none. */
  params: string;
}

/** As the server's limit: a longer query would be refused anyway. */
export const MAX_LINK_QUERY = 20_000;

/** The compact form of parameters for a link: one-line JSON when valid, the text as is otherwise. */
export function compactParams(params: string): string {
  const text = params.trim();
  if (text === '') return '';
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
      return '';
    return JSON.stringify(value);
  } catch {
    return text;
  }
}

/** The console's part of the query string (without `view`), or '' when there is no query. */
export function encodeConsoleLink(link: ConsoleLink | null): string {
  if (!link || link.query.trim() === '') return '';
  const params = new URLSearchParams();
  params.set('cypher', link.query);
  const compact = compactParams(link.params);
  if (compact) params.set('params', compact);
  return params.toString();
}

export function decodeConsoleLink(search: string): ConsoleLink | null {
  const params = new URLSearchParams(search);
  const query = params.get('cypher');
  if (!query || query.trim() === '' || query.length > MAX_LINK_QUERY) return null;
  const raw = params.get('params') ?? '';
  let pretty = raw;
  try {
    pretty = raw ? JSON.stringify(JSON.parse(raw), null, 2) : '';
  } catch {
    // Shown as it came, so the parameters editor can say what is wrong with it.
  }
  return { query, params: pretty };
}

/** Adds the console's keys to a query string built by the view's own encoder. */
export function withConsoleLink(viewQuery: string, link: ConsoleLink | null): string {
  const own = encodeConsoleLink(link);
  if (!own) return viewQuery;
  return viewQuery ? `${viewQuery}&${own}` : own;
}

/** A full link that opens the console with this query, from the page's own address. */
export function consoleUrl(location: { origin: string; pathname: string }, link: ConsoleLink): string {
  return `${location.origin}${location.pathname}?${withConsoleLink('view=console', link)}`;
}
