import { describe, expect, it } from 'vitest';
import { formatParams, jsonErrorOffset, missingParams, paramsUsed, parseParams } from './params.ts';

describe('parseParams', () => {
  it('takes empty text as no parameters', () => {
    expect(parseParams('  \n')).toEqual({ ok: true, params: {} });
  });

  it('parses a JSON object', () => {
    expect(parseParams('{"name": "Karen Dolton", "n": 3}')).toEqual({
      ok: true,
      params: { name: 'Karen Dolton', n: 3 },
    });
  });

  it('says where invalid JSON fails', () => {
    const result = parseParams('{\n  "name": "Karen",\n  "n": }');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('The parameters are not valid JSON: unexpected "}" at line 3, column 8.');
    expect(result.line).toBe(3);
  });

  it('finds the first fault in many kinds of broken JSON', () => {
    const cases: Array<[string, number]> = [
      ['{"a": 1,}', 8],
      ["{'a': 1}", 1],
      ['{"a": 1', 7],
      ['{"a" 1}', 5],
      ['{"a": tru}', 9],
      ['{"a": 01}', 7],
      ['{"a": "x\\q"}', 9],
      ['{"a": [1 2]}', 9],
      ['{} x', 3],
    ];
    for (const [text, offset] of cases) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(jsonErrorOffset(text), text).toBe(offset);
    }
    expect(parseParams('{"a": 1').ok).toBe(false);
    const end = parseParams('{"a": 1');
    if (!end.ok) expect(end.message).toContain('the text ends too soon');
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[1, 2]', '"x"', '42', 'null']) {
      const result = parseParams(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/must be a JSON object/);
    }
  });
});

describe('paramsUsed', () => {
  it('finds $names, quoted ones too, once each', () => {
    expect(paramsUsed('MATCH (p {id: $id}) WHERE p.name = $name OR p.id = $id RETURN $`odd name`')).toEqual([
      'id',
      'name',
      'odd name',
    ]);
  });

  it('ignores $ in strings, quoted names and comments', () => {
    const query = `RETURN '$a', "$b \\" $c", \`$d\` // $e
    /* $f */ , $g`;
    expect(paramsUsed(query)).toEqual(['g']);
  });

  it('reports the names the parameters lack', () => {
    expect(missingParams('RETURN $a, $b', { a: 1 })).toEqual(['b']);
    expect(missingParams('RETURN $a', { a: null })).toEqual([]);
  });
});

describe('formatParams', () => {
  it('pretty-prints, or gives nothing for none', () => {
    expect(formatParams(undefined)).toBe('');
    expect(formatParams({})).toBe('');
    expect(formatParams({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
