import type { ChartTenure, PostsChart } from '../../../graph/contract/posts-chart.ts';

/**
 * Charts built in code for the unit tests and the bench: the messy cases (a suspended substantive
 * holder and an interim, a vacancy, joint holders, one person in two posts, a body succeeded
 * mid-range) and a synthetic chart of any size.
 */

const ev = (documentId: string, quote: string) => ({ documentId, quote });

export function tenure(partial: Partial<ChartTenure> & Pick<ChartTenure, 'id' | 'person'>): ChartTenure {
  return {
    capacity: 'substantive',
    status: null,
    from: null,
    to: null,
    fromEvidence: [],
    toEvidence: [],
    spans: { stated: null, inferred: [], possible: null },
    attestations: [],
    periods: [],
    end: null,
    evidence: [],
    ...partial,
  };
}

export function messyChart(): PostsChart {
  const sam = { id: 'person:sam-sterling', name: 'Sam Sterling' };
  const ivy = { id: 'person:ivy-irwin', name: 'Ivy Irwin' };
  const jo = { id: 'person:jo-joint', name: 'Jo Joint' };
  const kim = { id: 'person:kim-joint', name: 'Kim Joint' };
  return {
    organisation: { id: 'org:fixture-council', name: 'Fixture Council' },
    range: { from: null, to: null },
    extent: { start: '2015-04-01', end: '2023-03-31' },
    organisations: [
      {
        id: 'org:fixture-council',
        name: 'Fixture Council',
        relation: 'the organisation asked for',
        validFrom: null,
        validTo: null,
        succeededBy: [],
        posts: [
          {
            id: 'post:ce',
            title: 'Chief Executive',
            vacancies: [],
            tenures: [
              tenure({
                id: 'tenure:sam-ce',
                person: sam,
                from: '2015-04-01',
                fromEvidence: [ev('doc:gazette-2015', 'Sam Sterling was appointed Chief Executive')],
                spans: {
                  stated: { start: '2015-04-01', end: null },
                  inferred: [],
                  possible: { start: '2015-04-01', end: '2020-06-30' },
                },
                attestations: [
                  {
                    documentId: 'doc:minutes-2018',
                    quote: 'The Chief Executive, Sam Sterling',
                    date: '2018-05-10',
                    notBefore: '2018-05-10',
                    notAfter: '2018-05-10',
                  },
                ],
                periods: [
                  {
                    kind: 'suspended',
                    from: '2019-02-01',
                    to: null,
                    reported: null,
                    evidence: [ev('doc:gazette-2019', 'Sam Sterling was suspended')],
                  },
                ],
              }),
              tenure({
                id: 'tenure:ivy-ce',
                person: ivy,
                capacity: 'interim',
                spans: {
                  stated: null,
                  inferred: [{ start: '2019-02-01', end: '2019-03-01' }],
                  possible: { start: '2019-02-01', end: '2019-12-31' },
                },
                attestations: [
                  {
                    documentId: 'doc:gazette-2019',
                    quote: 'Ivy Irwin, interim Chief Executive',
                    date: '2019-02-01',
                    notBefore: '2019-02-01',
                    notAfter: '2019-02-01',
                  },
                  {
                    documentId: 'doc:report-2019',
                    quote: 'Ivy Irwin, interim',
                    date: '2019-03/2019-12-31',
                    notBefore: '2019-03-01',
                    notAfter: '2019-12-31',
                  },
                ],
              }),
            ],
          },
          {
            id: 'post:dcs',
            title: "Director of Children's Services",
            vacancies: [
              {
                date: '2018-06-01',
                notBefore: '2018-06-01',
                notAfter: '2018-06-01',
                evidence: [ev('doc:minutes-2018', 'the post is vacant')],
              },
            ],
            tenures: [
              tenure({
                id: 'tenure:sam-dcs',
                person: sam,
                capacity: 'acting',
                from: '2017-01',
                to: '2018-05',
                spans: {
                  stated: { start: '2017-01-31', end: '2018-05-01' },
                  inferred: [],
                  possible: { start: '2017-01-01', end: '2018-05-31' },
                },
              }),
              tenure({
                id: 'tenure:dee-dcs',
                person: { id: 'person:dee-dunn', name: 'Dee Dunn' },
                from: '2018-09-01',
                to: '2020-08-31',
                spans: {
                  stated: { start: '2018-09-01', end: '2020-08-31' },
                  inferred: [],
                  possible: { start: '2018-09-01', end: '2020-08-31' },
                },
              }),
            ],
          },
          {
            id: 'post:sendco',
            title: 'SEND Lead',
            vacancies: [],
            tenures: [
              tenure({
                id: 'tenure:jo',
                person: jo,
                capacity: 'joint',
                from: '2016',
                to: '2018',
                spans: {
                  stated: { start: '2016-12-31', end: '2018-01-01' },
                  inferred: [],
                  possible: { start: '2016-01-01', end: '2018-12-31' },
                },
              }),
              tenure({
                id: 'tenure:kim',
                person: kim,
                capacity: 'joint',
                from: '2016',
                to: '2018',
                spans: {
                  stated: { start: '2016-12-31', end: '2018-01-01' },
                  inferred: [],
                  possible: { start: '2016-01-01', end: '2018-12-31' },
                },
              }),
            ],
          },
          { id: 'post:empty', title: 'Monitoring Officer', vacancies: [], tenures: [] },
        ],
      },
      {
        id: 'org:fixture-ccg',
        name: 'Fixture CCG',
        relation: 'answerable with it',
        validFrom: '2013-04-01',
        validTo: '2022-06-30',
        succeededBy: [{ id: 'org:fixture-icb', name: 'Fixture ICB', date: '2022-07-01' }],
        posts: [
          {
            id: 'post:ccg-accountable',
            title: 'Accountable Officer',
            vacancies: [],
            tenures: [
              tenure({
                id: 'tenure:ao',
                person: { id: 'person:al-officer', name: 'Al Officer' },
                from: '2016-04-01',
                to: '2022-06-30',
                spans: {
                  stated: { start: '2016-04-01', end: '2022-06-30' },
                  inferred: [],
                  possible: { start: '2016-04-01', end: '2022-06-30' },
                },
              }),
            ],
          },
        ],
      },
    ],
    events: [
      {
        id: 'inspection:2017',
        label: 'Inspection',
        kind: 'local area SEND',
        name: 'Local area SEND inspection',
        date: '2017-06-12/2017-06-16',
        start: '2017-06-12',
        end: '2017-06-16',
        foundBy: null,
        evidence: [ev('doc:report-2017', 'inspected')],
      },
      {
        id: 'report:2017',
        label: 'Report',
        kind: null,
        name: 'Inspection report',
        date: '2017-08-21',
        start: '2017-08-21',
        end: '2017-08-21',
        foundBy: null,
        evidence: [],
      },
      {
        id: 'finding:2017',
        label: 'Finding',
        kind: null,
        name: 'Weak joint working',
        date: '2017-08-21',
        start: '2017-08-21',
        end: '2017-08-21',
        foundBy: 'inspection:2017',
        evidence: [],
      },
    ],
  };
}

/** A chart of `posts` posts over `years` years from 2000, four tenures a post, dated in a fixed pattern. */
export function syntheticChart(posts: number, years: number): PostsChart {
  const orgs = Array.from({ length: Math.ceil(posts / 50) }, (_, o) => ({
    id: `org:synthetic-${o}`,
    name: `Synthetic body ${o}`,
    relation: o === 0 ? 'the organisation asked for' : 'answerable with it',
    validFrom: null,
    validTo: null,
    succeededBy: [],
    posts: [] as PostsChart['organisations'][number]['posts'],
  }));
  for (let p = 0; p < posts; p += 1) {
    const tenures: ChartTenure[] = [];
    const per = (years * 365) / 4;
    for (let k = 0; k < 4; k += 1) {
      const start = new Date(Date.UTC(2000, 0, 1) + (k * per + (p % 90)) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const end = new Date(Date.UTC(2000, 0, 1) + ((k + 1) * per - 30) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      tenures.push(
        tenure({
          id: `tenure:${p}-${k}`,
          person: { id: `person:${p}-${k}`, name: `Holder ${p}.${k} with a long name` },
          capacity: ['substantive', 'interim', 'acting', 'joint'][k % 4] ?? null,
          from: start,
          to: end,
          spans:
            k % 2 === 0
              ? { stated: { start, end }, inferred: [], possible: { start, end } }
              : { stated: null, inferred: [{ start, end }], possible: { start, end } },
          attestations: [
            {
              documentId: `doc:${p}`,
              quote: 'in post',
              date: start.slice(0, 7),
              notBefore: `${start.slice(0, 7)}-01`,
              notAfter: `${start.slice(0, 7)}-28`,
            },
          ],
        }),
      );
    }
    orgs[Math.floor(p / 50)]?.posts.push({
      id: `post:${p}`,
      title: `Post number ${p}`,
      vacancies: [],
      tenures,
    });
  }
  return {
    organisation: { id: 'org:synthetic-0', name: 'Synthetic body 0' },
    range: { from: null, to: null },
    extent: { start: '2000-01-01', end: `${2000 + years - 1}-12-31` },
    organisations: orgs,
    events: [],
  };
}
