import type { ExportGraph } from './elements.ts';

/** A small graph with the characters that break naive writers: commas, quotes, line breaks, <&>. */
export function trickyGraph(): ExportGraph {
  return {
    nodes: [
      {
        data: {
          id: 'org:bury-council',
          label: 'Organisation',
          name: 'Bury Council, "the council"',
          kind: 'council',
        },
        position: { x: 10.5, y: -20.25 },
      },
      {
        data: { id: 'person:a-b', label: 'Person', name: "Jane O'Brien & <Co>", kind: null, date: null },
        position: { x: 200, y: 40 },
      },
      { data: { id: 'post:chief-executive', label: 'Post', name: 'Chief Executive\nBury Council' } },
      {
        data: {
          id: 'finding:x',
          label: 'Finding',
          name: '=SUM(A1) leaders, governors; "too slow"',
          disputed: ['date', 'kind'],
          date: '2017-06',
        },
      },
    ],
    edges: [
      {
        data: {
          id: 'tenure:a-b-ceo',
          source: 'person:a-b',
          target: 'post:chief-executive',
          type: 'HOLDS',
          from: '2016-02',
          to: null,
          qualifier: 'interim',
          capacity: 'interim',
          known: 'stated',
          evidence: [
            { documentId: 'doc:one', quote: 'She said, "we will act"\nand did.' },
            { documentId: 'doc:two', quote: 'Interim chief executive' },
          ],
        },
      },
      {
        data: {
          id: 'rel:concerns-1',
          source: 'finding:x',
          target: 'org:bury-council',
          type: 'CONCERNS',
          from: null,
          to: null,
          qualifier: null,
          evidence: [],
        },
      },
      {
        data: {
          id: 'rel:post-in',
          source: 'post:chief-executive',
          target: 'org:bury-council',
          type: 'POST_IN',
          from: null,
          to: null,
          qualifier: null,
          evidence: [{ documentId: 'doc:one', quote: "Bury Council's chief executive" }],
        },
      },
    ],
  };
}
