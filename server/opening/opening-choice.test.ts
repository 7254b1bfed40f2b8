import { describe, expect, it } from 'vitest';
import type { ElementEdge, Elements } from '../../graph/contract/api.ts';
import { edgeElement } from '../../test/elements.ts';
import {
  dayFor,
  firstDayHoldersKnown,
  firstDayOf,
  heldPosts,
  inspectedOrganisations,
  pickInspection,
  postsOf,
  responsibleFor,
} from './opening-choice.ts';

const edge = (source: string, target: string, type: string) => edgeElement(source, type, target);
const node = (id: string, label: string) => ({ data: { id, label, name: id } });

const AROUND: Elements = {
  nodes: [
    node('inspection:i', 'Inspection'),
    node('org:bury-council', 'Organisation'),
    node('org:nhs-bury-ccg', 'Organisation'),
    node('org:ofsted', 'Organisation'),
    node('finding:f', 'Finding'),
  ],
  edges: [
    edge('inspection:i', 'org:bury-council', 'INSPECTED'),
    edge('inspection:i', 'org:nhs-bury-ccg', 'INSPECTED'),
    edge('inspection:i', 'org:ofsted', 'CONDUCTED_BY'),
    edge('inspection:i', 'finding:f', 'FOUND'),
  ],
};

describe('the opening', () => {
  it('prefers the 2017 inspection among search results', () => {
    const results = [
      { id: 'org:ofsted', label: 'Organisation', name: 'Ofsted', score: 9 },
      { id: 'inspection:revisit-2021', label: 'Inspection', name: 'Revisit 2021', score: 8 },
      {
        id: 'inspection:bury-local-area-send-2017',
        label: 'Inspection',
        name: 'Local area SEND inspection',
        score: 5,
      },
    ];
    expect(pickInspection(results)).toBe('inspection:bury-local-area-send-2017');
    expect(pickInspection(results.slice(0, 1))).toBeNull();
  });

  it('takes the inspected organisations, not the inspector', () => {
    expect(inspectedOrganisations(AROUND, 'inspection:i')).toEqual(['org:bury-council', 'org:nhs-bury-ccg']);
  });

  it('falls back to neighbouring organisations other than the inspector when nothing is INSPECTED', () => {
    const loose: Elements = {
      ...AROUND,
      edges: [edge('org:bury-council', 'inspection:i', 'RESPONDS_TO'), AROUND.edges[2] as ElementEdge],
    };
    expect(inspectedOrganisations(loose, 'inspection:i')).toEqual(['org:bury-council']);
  });

  it('finds the bodies responsible for a partnership, not the partnership itself', () => {
    const elements: Elements = {
      nodes: [
        node('org:area', 'Organisation'),
        node('org:council', 'Organisation'),
        node('person:p', 'Person'),
      ],
      edges: [
        edge('org:council', 'org:area', 'RESPONSIBLE_FOR'),
        edge('person:p', 'org:area', 'RESPONSIBLE_FOR'),
        edge('org:area', 'org:area', 'RESPONSIBLE_FOR'),
      ],
    };
    expect(responsibleFor(elements, ['org:area'])).toEqual(['org:council']);
  });

  it('finds the posts of the organisations', () => {
    const elements: Elements = {
      nodes: [node('post:ceo', 'Post'), node('org:bury-council', 'Organisation'), node('person:p', 'Person')],
      edges: [
        edge('post:ceo', 'org:bury-council', 'POST_IN'),
        edge('person:p', 'org:bury-council', 'MEMBER_OF'),
      ],
    };
    expect(postsOf(elements, ['org:bury-council'])).toEqual(['post:ceo']);
  });

  it('keeps the posts someone holds on the day, in their order', () => {
    const elements: Elements = {
      nodes: [node('post:a', 'Post'), node('post:b', 'Post'), node('post:c', 'Post')],
      edges: [
        edge('person:p', 'post:c', 'HOLDS'),
        edge('post:b', 'org:o', 'POST_IN'),
        edge('person:q', 'post:a', 'HOLDS'),
      ],
    };
    expect(heldPosts(elements, ['post:a', 'post:b', 'post:c'])).toEqual(['post:a', 'post:c']);
  });

  it('narrows a month to its first day only with a note', () => {
    expect(dayFor('2017-06-12')).toEqual({ day: '2017-06-12', note: null });
    expect(dayFor('2017-06')).toEqual({
      day: '2017-06-01',
      note: { kind: 'narrowed', dated: '2017-06', day: '2017-06-01' },
    });
    expect(dayFor('2017/2018-03')).toEqual({
      day: '2017-01-01',
      note: { kind: 'narrowed', dated: '2017', day: '2017-01-01' },
    });
    expect(dayFor(null)).toEqual({ day: null, note: null });
    expect(dayFor('sometime')).toEqual({ day: null, note: null });
  });

  it('takes the first day of a year or a month, and refuses what is not a date', () => {
    expect(firstDayOf('2017')).toBe('2017-01-01');
    expect(firstDayOf('2017-02')).toBe('2017-02-01');
    expect(firstDayOf('2017-02-30')).toBeNull();
    expect(firstDayOf('spring 2017')).toBeNull();
  });

  it('finds the first later day by which a source certainly shows someone in post', () => {
    const post = { id: 'post:p', title: 'P' };
    const org = { id: 'org:o', name: 'O' };
    const next = (date: string | null) => ({
      post,
      organisation: org,
      lastKnownBefore: null,
      nextKnownAfter: date ? { person: { id: 'person:a', name: 'A' }, date } : null,
    });
    const results = [
      { notKnown: [next('2017-10/2017-12-31'), next('2017-06-16/2017-11-21')] },
      { notKnown: [next(null), next('2018-03')] },
    ];
    expect(firstDayHoldersKnown(results, '2017-06-12')).toBe('2017-11-21');
    expect(firstDayHoldersKnown(results, '2017-11-21')).toBe('2017-12-31');
    expect(firstDayHoldersKnown([{ notKnown: [next(null)] }], '2017-06-12')).toBeNull();
  });
});
