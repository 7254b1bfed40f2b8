import { describe, expect, it } from 'vitest';
import { FACT_KINDS, FIELDS, factsOf, newId } from './fact-form.ts';

const quote = { exact: 'Jane Doe, Chief Executive of Bury Council', start: 10, end: 51 };

describe('factsOf', () => {
  it('makes a new person with an id from the name and the quote as evidence', () => {
    expect(factsOf('person', { name: 'Jane Doe', honorific: '', aliases: 'J. Doe, Jane' }, quote)).toEqual({
      facts: [
        {
          collection: 'people',
          value: { id: 'person:jane-doe', name: 'Jane Doe', aliases: ['J. Doe', 'Jane'] },
          quote,
        },
      ],
    });
  });

  it('makes a tenure with its capacity and bounds, attested when asked', () => {
    const result = factsOf(
      'tenure',
      {
        person: 'person:jane-doe',
        post: 'post:bury-chief-executive',
        capacity: 'interim',
        from: '2017-11',
        attest: true,
      },
      quote,
    );
    expect(result).toEqual({
      facts: [
        {
          collection: 'tenures',
          value: {
            id: 'tenure:jane-doe-bury-chief-executive',
            person: 'person:jane-doe',
            post: 'post:bury-chief-executive',
            capacity: 'interim',
            from: '2017-11',
          },
          quote,
          attest: true,
        },
      ],
    });
  });

  it('makes an attestation of an existing tenure, dated only when a date is given', () => {
    expect(factsOf('attestation', { tenure: 'tenure:x-y', date: '' }, quote)).toEqual({
      facts: [{ collection: 'attestations', tenure: 'tenure:x-y', quote }],
    });
  });

  it('takes the quote as a finding’s text when none is typed', () => {
    const result = factsOf('finding', { foundBy: 'report:r', text: '', kind: 'weakness' }, quote);
    expect(result).toMatchObject({ facts: [{ value: { text: quote.exact, foundBy: 'report:r' } }] });
  });

  it('makes a relationship without an id', () => {
    const result = factsOf('relationship', { type: 'MEMBER_OF', source: 'person:a', target: 'org:b' }, quote);
    expect(result).toEqual({
      facts: [
        {
          collection: 'relationships',
          value: { type: 'MEMBER_OF', source: 'person:a', target: 'org:b' },
          quote,
        },
      ],
    });
  });

  it('says which required fields are missing', () => {
    expect(factsOf('post', { title: 'Director', organisation: ' ' }, quote)).toEqual({
      problems: ['Organisation is needed.'],
    });
  });

  it('has fields for every kind, and ids only for entities', () => {
    for (const kind of FACT_KINDS) expect(FIELDS[kind].length).toBeGreaterThan(0);
    expect(newId('relationship', {})).toBeNull();
    expect(
      newId('post', { organisation: 'org:bury-council', title: 'Director of Children’s Services' }),
    ).toBe('post:bury-council-director-of-childrens-services');
  });
});
