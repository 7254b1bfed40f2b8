import { describe, expect, it } from 'vitest';
import { subjectDate } from './subject-date.ts';

const source = (id: string, published: string | null, notBefore: string, notAfter: string) => ({
  id,
  name: id,
  published,
  publishedNotBefore: notBefore,
  publishedNotAfter: notAfter,
});

describe('subjectDate', () => {
  it("prefers the report's own date", () => {
    const at = subjectDate({ name: 'R', published: '2017-11' }, 'Report', null, '2017-11-20', []);
    expect(at).toEqual({ at: '2017-11', basis: 'the date of R' });
  });

  it('uses the approval date when the report has none', () => {
    expect(subjectDate({ name: 'R' }, 'Report', null, '2017-11-20', []).at).toBe('2017-11-20');
  });

  it('ignores an approval known only to the year and falls back to the earliest dated source', () => {
    const sources = [
      source('later', '2017-12-01', '2017-12-01', '2017-12-01'),
      source('first', '2017-11-21', '2017-11-21', '2017-11-21'),
    ];
    const answer = subjectDate({ name: 'R' }, 'Report', null, '2017', sources);
    expect(answer.at).toBe('2017-11-21');
    expect(answer.basis).toContain('"first"');
  });

  it('keeps a bounded source as bounds rather than inventing a day', () => {
    const answer = subjectDate({ name: 'R' }, 'Report', null, null, [
      source('bbc', null, '2017-06-16', '2017-11-21'),
    ]);
    expect(answer.at).toBe('2017-06-16/2017-11-21');
  });

  it('falls back to the fieldwork of the inspection, then to saying no date is known', () => {
    expect(subjectDate(null, null, { name: 'I', from: '2017-06-12', to: '2017-06-16' }, null, []).at).toBe(
      '2017-06-12/2017-06-16',
    );
    expect(subjectDate(null, null, null, null, [])).toEqual({
      at: null,
      basis: 'the sources give no date for the report or its inspection',
    });
  });
});
