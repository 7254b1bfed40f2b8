import { describe, expect, it } from 'vitest';
import type { ElementEdge, Elements, Neighbours, SearchResult } from '../../../graph/contract/api.ts';
import type { Api } from '../api.ts';
import { DEFAULT_LIMIT, EMPTY_LINK } from '../state/link-state.ts';
import {
  buildOpening,
  dayFor,
  firstDayHoldersKnown,
  heldPosts,
  inspectedOrganisations,
  openingFor,
  pickInspection,
  postsOf,
  responsibleFor,
  withLoneNodeDrawn,
} from './opening.ts';

function edge(source: string, target: string, type: string): ElementEdge {
  return {
    data: {
      id: `${source}-${type}-${target}`,
      source,
      target,
      type,
      from: null,
      to: null,
      qualifier: null,
      evidence: [],
    },
  };
}
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
    const month = dayFor('2017-06');
    expect(month.day).toBe('2017-06-01');
    expect(month.note).toContain('2017-06');
    expect(dayFor(null)).toEqual({ day: null, note: null });
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

describe('a link naming only a node', () => {
  it('draws the node and its neighbours, and leaves fuller links alone', () => {
    const lone = { ...EMPTY_LINK, selected: { kind: 'node' as const, id: 'person:a' } };
    expect(withLoneNodeDrawn(lone)).toMatchObject({
      pinned: ['person:a'],
      expansions: [{ id: 'person:a', limit: DEFAULT_LIMIT }],
    });
    const full = { ...lone, pinned: ['org:b'] };
    expect(withLoneNodeDrawn(full)).toBe(full);
    const edge = { ...EMPTY_LINK, selected: { kind: 'edge' as const, id: 'r1' } };
    expect(withLoneNodeDrawn(edge)).toBe(edge);
  });
});

/**
 * The API as the opening walks it, over a small graph: an inspection dated 12–16 June 2017 of the
 * local area, the council responsible for it, the council's chief executive post, and its holder on
 * any day. The holder lookups fail, as on a server under load: the opening then keeps the
 * inspection's own day. Records which days the posts' neighbourhoods were asked on.
 */
function openingApi() {
  const asked = { holders: 0, postDays: [] as (string | null)[] };
  const nodes = [
    {
      data: {
        id: 'inspection:i',
        label: 'Inspection',
        name: 'Inspection 2017',
        date: '2017-06-12/2017-06-16',
      },
    },
    node('org:area', 'Organisation'),
    node('org:council', 'Organisation'),
    node('post:ceo', 'Post'),
    node('person:p', 'Person'),
  ];
  const edges = [
    edge('inspection:i', 'org:area', 'INSPECTED'),
    edge('org:council', 'org:area', 'RESPONSIBLE_FOR'),
    edge('post:ceo', 'org:council', 'POST_IN'),
    edge('person:p', 'post:ceo', 'HOLDS'),
  ];
  const around = (id: string): Neighbours => {
    const touching = edges.filter((e) => e.data.source === id || e.data.target === id);
    const ids = new Set(touching.flatMap((e) => [e.data.source, e.data.target]));
    return {
      elements: { nodes: nodes.filter((n) => ids.has(n.data.id)), edges: touching },
      total: touching.length,
      truncated: false,
    };
  };
  const api = {
    search: async (): Promise<SearchResult> => ({
      results: [{ id: 'inspection:i', label: 'Inspection', name: 'Inspection 2017', score: 1 }],
    }),
    neighbours: async (id: string, params: { at?: string | null } = {}): Promise<Neighbours> => {
      if (id.startsWith('post:')) asked.postDays.push(params.at ?? null);
      return around(id);
    },
    accountabilityForOrg: async () => {
      asked.holders += 1;
      throw new Error('unavailable');
    },
  };
  return { api: api as unknown as Api, asked };
}

describe("the opening and the link's date", () => {
  it("is drawn on the inspection's day when the link names none", async () => {
    const { api, asked } = openingApi();
    const opening = await buildOpening(api);
    expect(opening?.link.at).toBe('2017-06-12');
    expect(asked.holders).toBeGreaterThan(0);
    expect(opening?.link.expansions.map((e) => e.id)).toContain('post:ceo');
  });

  it("is drawn on the link's day, choosing the posts held then, when the link names one", async () => {
    const { api, asked } = openingApi();
    const opening = await buildOpening(api, '2017-11-21');
    expect(opening?.link.at).toBe('2017-11-21');
    expect(opening?.note).toBeNull();
    // The link chose the day: the opening neither looks for another nor asks about the posts on one.
    expect(asked.holders).toBe(0);
    expect(asked.postDays).toEqual(['2017-11-21']);
    expect(opening?.link.expansions.map((e) => e.id)).toContain('post:ceo');
  });

  it("keeps the link's date, tab and chosen layout over the opening's", () => {
    const opening = {
      ...EMPTY_LINK,
      pinned: ['inspection:i'],
      at: '2017-06-12',
      layout: 'accountability' as const,
    };
    const link = { ...EMPTY_LINK, at: '2017-11-21', tab: 'posts' as const };
    expect(openingFor(link, opening)).toEqual({ ...opening, at: '2017-11-21', tab: 'posts' });
    // A link with no date (or the default layout) leaves the opening's choice.
    expect(openingFor(EMPTY_LINK, opening)).toEqual(opening);
    expect(openingFor({ ...EMPTY_LINK, layout: 'dagre' }, opening).layout).toBe('dagre');
  });
});
