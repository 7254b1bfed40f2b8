import type { TenureDataset } from '../contract/exports.ts';

/**
 * Tenure data with what the tracker writers must get right: a tenure with stated bounds at month
 * and year precision, one known only from sources (one dated to the day, one only within bounds),
 * a disputed capacity, a document with an address and one without, and a quote a spreadsheet
 * would run as a formula.
 */
export function trickyDataset(): TenureDataset {
  return {
    subject: { id: 'org:bury-council', name: 'Bury Council' },
    organisations: [
      {
        id: 'org:bury-council',
        name: 'Bury Council',
        aliases: ['Bury Metropolitan Borough Council'],
        kind: 'local-authority',
        validFrom: '1974',
        validTo: null,
        evidence: [{ documentId: 'doc:release', quote: 'Bury Council' }],
        citations: [],
        evidenceKind: 'quoted',
      },
    ],
    persons: [
      {
        id: 'person:pat-jones-greenhalgh',
        name: 'Pat Jones-Greenhalgh',
        aliases: [],
        honorific: null,
        evidence: [
          { documentId: 'doc:release', quote: "Pat Jones-Greenhalgh, the council's interim chief executive" },
        ],
        citations: [],
        evidenceKind: 'quoted',
      },
      {
        id: 'person:a-b',
        name: "Jane O'Brien & <Co>",
        aliases: ['J. O’Brien'],
        honorific: 'Cllr',
        evidence: [{ documentId: 'doc:web', quote: '=SUM(A1) said Jane, "leader"' }],
        citations: [],
        evidenceKind: 'quoted',
      },
    ],
    posts: [
      {
        id: 'post:bury-council-chief-executive',
        title: 'Chief Executive, Bury Council',
        organisationId: 'org:bury-council',
        accountable: true,
        evidence: [{ documentId: 'doc:release', quote: "the council's interim chief executive" }],
        citations: [],
        evidenceKind: 'quoted',
      },
      {
        id: 'post:bury-council-leader',
        title: 'Leader of Bury Council',
        organisationId: 'org:bury-council',
        accountable: true,
        evidence: [{ documentId: 'doc:web', quote: 'leader of Bury Council' }],
        citations: [],
        evidenceKind: 'quoted',
      },
    ],
    tenures: [
      {
        id: 'tenure:pat-jones-greenhalgh-bury-council-chief-executive',
        personId: 'person:pat-jones-greenhalgh',
        postId: 'post:bury-council-chief-executive',
        capacity: 'interim',
        status: null,
        from: null,
        to: null,
        attestations: [
          {
            documentId: 'doc:release',
            quote: "Pat Jones-Greenhalgh, the council's interim chief executive",
            notBefore: '2017-11-21',
            notAfter: '2017-11-21',
          },
          {
            documentId: 'doc:undated',
            quote: 'Pat Jones-Greenhalgh, interim chief executive of Bury Council',
            notBefore: '2017-06-16',
            notAfter: '2017-11-21',
          },
        ],
        evidence: [
          { documentId: 'doc:release', quote: "Pat Jones-Greenhalgh, the council's interim chief executive" },
          {
            documentId: 'doc:undated',
            quote: 'Pat Jones-Greenhalgh, interim chief executive of Bury Council',
          },
        ],
        citations: [],
        evidenceKind: 'quoted',
        claims: [
          {
            property: 'capacity',
            value: 'interim',
            documentId: 'doc:release',
            quote: 'interim chief executive',
          },
          {
            property: 'capacity',
            value: 'acting',
            documentId: 'doc:undated',
            quote: 'Acting chief executive',
          },
        ],
      },
      {
        id: 'tenure:a-b-bury-council-leader',
        personId: 'person:a-b',
        postId: 'post:bury-council-leader',
        capacity: 'acting',
        status: 'suspended',
        from: '2016-02',
        to: '2019',
        attestations: [],
        evidence: [{ documentId: 'doc:web', quote: '=SUM(A1) said Jane, "leader"' }],
        citations: [],
        evidenceKind: 'quoted',
        claims: [],
      },
    ],
    documents: [
      {
        id: 'doc:release',
        title: 'Building a better Bury',
        publisher: 'Bury Council',
        author: null,
        kind: 'press-release',
        url: null,
        published: '2017-11-21',
        publishedNotBefore: '2017-11-21',
        publishedNotAfter: '2017-11-21',
        sourceFile: 'release.txt',
      },
      {
        id: 'doc:undated',
        title: 'Bury two years behind',
        publisher: null,
        author: null,
        kind: 'news',
        url: null,
        published: null,
        publishedNotBefore: '2017-06-16',
        publishedNotAfter: '2017-11-21',
        sourceFile: 'undated.txt',
      },
      {
        id: 'doc:web',
        title: 'Leader named',
        publisher: 'Example News',
        author: 'A Reporter',
        kind: 'news',
        url: 'https://example.org/leader',
        published: '2016-02',
        publishedNotBefore: '2016-02',
        publishedNotAfter: '2016-02',
        sourceFile: null,
      },
    ],
  };
}

/**
 * The tricky data plus what an imported Popolo file adds when its sources quote nothing found in
 * a seed document: a person, a post and a tenure with stated-looking dates resting on citations
 * alone, and a citation beside the quotes of a quoted tenure.
 */
export function citedDataset(): TenureDataset {
  const dataset = trickyDataset();
  const cite = (url: string, note: string | null) => ({ kind: 'cited' as const, url, note });
  dataset.persons.push({
    id: 'person:ann-other',
    name: 'Ann Other',
    aliases: [],
    honorific: null,
    evidence: [],
    citations: [cite('https://example.com/ann', 'Wikipedia')],
    evidenceKind: 'cited',
  });
  dataset.posts.push({
    id: 'post:bury-council-clerk',
    title: 'Clerk, Bury Council',
    organisationId: 'org:bury-council',
    accountable: true,
    evidence: [],
    citations: [cite('https://example.org/clerk', null)],
    evidenceKind: 'cited',
  });
  dataset.tenures.push({
    id: 'tenure:ann-other-bury-council-clerk',
    personId: 'person:ann-other',
    postId: 'post:bury-council-clerk',
    capacity: null,
    status: null,
    from: '2019-05',
    to: '2021',
    attestations: [],
    evidence: [],
    citations: [cite('https://example.org/minutes/2019-05', 'minutes, May 2019')],
    evidenceKind: 'cited',
    claims: [],
  });
  const leader = dataset.tenures.find((t) => t.id === 'tenure:a-b-bury-council-leader');
  leader?.citations.push(cite('https://example.com/profile', 'profile page'));
  return dataset;
}
