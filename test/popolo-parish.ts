// One small Popolo file whose membership rests on sources cited by URL only (no quote), imported by
// the integration and browser tests of `npm run import -- popolo`: a parish clerk, 2018-04 to 2021.

export const PARISH_ORG = 'org:example-parish-council';
export const PARISH_TENURE = 'tenure:alex-example-clerk';
export const PARISH_MINUTES = 'https://example.org/minutes/2018-04';

export const PARISH_POPOLO = {
  persons: [
    {
      id: 'p-1',
      name: 'Alex Example',
      sources: [{ url: 'https://example.org/people/alex', note: 'council website' }],
    },
  ],
  organizations: [
    {
      id: 'o-1',
      name: 'Example Parish Council',
      classification: 'local-authority',
      sources: [{ url: 'https://example.org/' }],
    },
  ],
  posts: [
    { id: 'post-1', label: 'Clerk', organization_id: 'o-1', sources: [{ url: 'https://example.org/clerk' }] },
  ],
  memberships: [
    {
      id: 'm-1',
      person_id: 'p-1',
      post_id: 'post-1',
      organization_id: 'o-1',
      start_date: '2018-04',
      end_date: '2021',
      sources: [{ url: PARISH_MINUTES, note: 'minutes, April 2018' }],
    },
  ],
};
