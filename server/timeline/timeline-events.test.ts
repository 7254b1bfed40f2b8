import { describe, expect, it } from 'vitest';
import { inspectionsAnsweredFor } from './read-timeline.ts';
import { type TimelineRows, timelineEvents } from './timeline-events.ts';

const empty: TimelineRows = {
  tenures: [],
  inspections: [],
  reports: [],
  findings: [],
  statements: [],
  documents: [],
  vacantPosts: [],
};

describe('timelineEvents', () => {
  it('dates a statement by the window the loader narrowed it to, so it sorts after the inspection it speaks of', () => {
    const events = timelineEvents({
      ...empty,
      inspections: [{ id: 'inspection:i', name: 'I', from: '2017-06-12', to: '2017-06-16' }],
      statements: [
        {
          statement: {
            id: 's',
            date: '2017',
            notBefore: '2017-06-16',
            notAfter: '2017-11-21',
            text: 'We accept',
          },
          speaker: { id: 'person:p', name: 'P' },
          about: { id: 'inspection:i', name: 'I' },
        },
      ],
    });
    expect(events.map((e) => [e.kind, e.date, e.precision])).toEqual([
      ['inspection', '2017-06-12/2017-06-16', 'bounded'],
      ['statement', '2017-06-16/2017-11-21', 'bounded'],
    ]);
  });

  it('dates a finding by its inspection’s whole fieldwork, and shows periods, ends and vacancies', () => {
    const events = timelineEvents({
      ...empty,
      findings: [
        {
          finding: { id: 'finding:f', text: 'weak', kind: 'weakness' },
          by: { id: 'inspection:i', name: 'I', from: '2017-06-12', to: '2017-06-16' },
        },
      ],
      tenures: [
        {
          post: 'Chief Executive',
          person: { id: 'person:s', name: 'S' },
          tenure: {
            id: 'tenure:s',
            postId: 'post:ce',
            capacity: 'substantive',
            periodKinds: ['suspended'],
            periodFrom: ['2019-02-01'],
            periodTo: [''],
            periodEvidenceIndex: [0],
            periodDocumentIds: ['doc:g'],
            periodQuotes: ['was suspended today'],
            endReason: 'resigned',
            endDate: '2020-03',
          },
        },
      ],
      vacantPosts: [
        {
          id: 'post:ce',
          name: 'Chief Executive',
          vacancyDates: ['2020-06'],
          vacancyNotBefore: ['2020-06'],
          vacancyNotAfter: ['2020-06'],
          vacancyEvidenceIndex: [0],
          vacancyDocumentIds: ['doc:h'],
          vacancyQuotes: ['is vacant'],
        },
      ],
    });
    expect(events.find((e) => e.kind === 'finding')?.date).toBe('2017-06-12/2017-06-16');
    expect(events.find((e) => e.title.endsWith('suspended'))).toMatchObject({
      date: '2019-02-01',
      detail: 'no end known',
    });
    expect(events.find((e) => e.title.includes('ended: resigned'))?.date).toBe('2020-03');
    expect(events.find((e) => e.kind === 'vacancy')).toMatchObject({
      date: '2020-06',
      evidence: [{ documentId: 'doc:h', quote: 'is vacant' }],
    });
  });
});

describe('inspectionsAnsweredFor', () => {
  const named = (id: string, date: string) => ({
    id,
    name: id,
    validFrom: null,
    validTo: null,
    rel: { date },
  });
  const rows = [
    {
      inspection: { id: 'inspection:2017', from: '2017-06-12', to: '2017-06-16' },
      responsible: [
        named('org:council', '2017-11-21'),
        named('org:ccg', '2017-11-21'),
        named('org:icb', '2024-05-09'),
      ],
    },
  ];
  it('keeps an area inspection only for the bodies that answered for the area then', () => {
    expect(inspectionsAnsweredFor('org:ccg', rows)).toEqual(['inspection:2017']);
    expect(inspectionsAnsweredFor('org:icb', rows)).toEqual([]);
  });

  it('judges an inspection known only within bounds by the day it is known by, not the whole span', () => {
    const bounded = [
      {
        inspection: { id: 'inspection:2024', notBefore: '2018-03', notAfter: '2024-05-09' },
        responsible: rows[0]?.responsible ?? [],
      },
    ];
    expect(inspectionsAnsweredFor('org:icb', bounded)).toEqual(['inspection:2024']);
    expect(inspectionsAnsweredFor('org:ccg', bounded)).toEqual([]);
  });
});
