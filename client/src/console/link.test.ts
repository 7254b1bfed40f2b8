import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from '../state/url-state.ts';
import { compactParams, consoleUrl, decodeConsoleLink, encodeConsoleLink, withConsoleLink } from './link.ts';

const QUERY = "MATCH (p:Person) WHERE p.name CONTAINS $name\nRETURN p.name AS name, 'a&b=c #1' AS odd";

describe('the console link', () => {
  it('round-trips a query and its parameters, whatever characters they hold', () => {
    const search = encodeConsoleLink({ query: QUERY, params: '{\n  "name": "Dolton & co"\n}' });
    expect(search).toMatch(/^cypher=/);
    expect(decodeConsoleLink(`?${search}`)).toEqual({
      query: QUERY,
      params: '{\n  "name": "Dolton & co"\n}',
    });
  });

  it('writes parameters compactly, and none when empty', () => {
    expect(compactParams('{\n  "a": 1\n}')).toBe('{"a":1}');
    expect(compactParams('  ')).toBe('');
    expect(compactParams('{}')).toBe('');
    expect(encodeConsoleLink({ query: 'RETURN 1', params: '{}' })).toBe('cypher=RETURN+1');
    expect(encodeConsoleLink({ query: '  ', params: '' })).toBe('');
    expect(encodeConsoleLink(null)).toBe('');
  });

  it('keeps parameters that are not JSON as they are, for the editor to report', () => {
    expect(decodeConsoleLink('?cypher=RETURN+%24a&params=%7Bbroken')).toEqual({
      query: 'RETURN $a',
      params: '{broken',
    });
  });

  it('opens nothing without a query, or with one longer than the server takes', () => {
    expect(decodeConsoleLink('?view=console')).toBeNull();
    expect(decodeConsoleLink(`?cypher=${'x'.repeat(20_001)}`)).toBeNull();
  });

  it('sits beside the explorer’s own keys, which still decode', () => {
    const link = { ...decodeLink(''), tab: 'console' as const };
    const search = withConsoleLink(encodeLink(link), { query: 'RETURN $n', params: '{"n": 1}' });
    expect(search).toBe('view=console&cypher=RETURN+%24n&params=%7B%22n%22%3A1%7D');
    expect(decodeLink(search).tab).toBe('console');
    expect(decodeConsoleLink(search)?.query).toBe('RETURN $n');
    expect(withConsoleLink('view=console', null)).toBe('view=console');
  });

  it('builds a full link from the page’s address', () => {
    expect(
      consoleUrl({ origin: 'http://127.0.0.1:3000', pathname: '/' }, { query: 'RETURN 1', params: '' }),
    ).toBe('http://127.0.0.1:3000/?view=console&cypher=RETURN+1');
  });
});
