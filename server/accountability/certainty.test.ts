import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityAt,
  boundsWindow,
  certaintyAt,
  inferredSpans,
  type PeriodFacts,
  type PostContext,
  type TenureFacts,
  windowOf,
} from './certainty.ts';

const day = (d: string) => windowOf(d);

function tenure(overrides: Partial<TenureFacts> = {}): TenureFacts {
  return {
    id: 'tenure:a',
    personId: 'person:a',
    postId: 'post:ce',
    capacity: 'interim',
    statedFrom: null,
    statedTo: null,
    attestations: [],
    periods: [],
    ...overrides,
  };
}

const post = (tenures: TenureFacts[], vacancies: string[] = []): PostContext => ({
  tenures,
  vacancies: vacancies.map(windowOf),
});

function period(kind: PeriodFacts['kind'], from: string | null, to: string | null): PeriodFacts {
  return { kind, from: from ? windowOf(from) : null, to: to ? windowOf(to) : null, reported: null };
}

describe('certaintyAt: the basic rules', () => {
  it('is attested on the day a dated source shows the person in post', () => {
    const t = tenure({ attestations: [day('2017-11-21')] });
    expect(certaintyAt(t, day('2017-11-21'))).toMatchObject({ certainty: 'attested', activity: 'in-post' });
  });

  it('is not known the day after a single day-dated attestation', () => {
    const t = tenure({ attestations: [day('2017-11-21')] });
    expect(certaintyAt(t, day('2017-11-22'))).toBeNull();
  });

  it('does not widen a month-dated source into a day: only possible on a day of that month', () => {
    const t = tenure({ attestations: [windowOf('2017-11')] });
    expect(certaintyAt(t, day('2017-11-21'))?.certainty).toBe('possible');
    expect(certaintyAt(t, windowOf('2017-11'))?.certainty).toBe('attested');
    expect(certaintyAt(t, day('2017-12-01'))).toBeNull();
  });

  it('infers between two attestations of the same holder', () => {
    const t = tenure({ attestations: [day('2017-06-20'), day('2017-11-21')] });
    const answer = certaintyAt(t, day('2017-09-01'));
    expect(answer?.certainty).toBe('inferred');
    expect(answer?.basis).toContain('2017-06-20');
  });

  it('is stated when a source gives bounds that certainly enclose the date, possible where they only may', () => {
    const t = tenure({ statedFrom: windowOf('2016'), statedTo: windowOf('2019-03') });
    expect(certaintyAt(t, day('2018-05-05'))?.certainty).toBe('stated');
    expect(certaintyAt(t, day('2016-05-05'))?.certainty).toBe('possible');
    expect(certaintyAt(t, day('2019-04-01'))).toBeNull();
  });

  it('does not outlive a stated end even with an earlier attestation', () => {
    const t = tenure({ statedTo: day('2018-01-31'), attestations: [day('2017-11-21')] });
    expect(certaintyAt(t, day('2018-06-01'))).toBeNull();
  });
});

describe('certaintyAt: the messier cases', () => {
  it('suspended substantive holder and interim: both listed, each saying what they were doing', () => {
    const substantive = tenure({
      id: 'tenure:sub',
      personId: 'person:sub',
      capacity: 'substantive',
      statedFrom: day('2015-04-01'),
      attestations: [day('2016-01-10')],
      periods: [period('suspended', '2017-02-01', '2017-09-30')],
    });
    const interim = tenure({
      id: 'tenure:int',
      personId: 'person:int',
      capacity: 'interim',
      statedFrom: day('2017-02-01'),
      attestations: [day('2017-06-01')],
    });
    const context = post([substantive, interim]);
    const on = day('2017-03-15');
    const sub = certaintyAt(substantive, on, context);
    const int = certaintyAt(interim, on, context);
    expect(sub).toMatchObject({ certainty: 'stated', activity: 'suspended' });
    expect(sub?.activityBasis).toContain('since 2017-02-01 until 2017-09-30');
    expect(int).toMatchObject({ certainty: 'inferred', activity: 'in-post' });
    // Before the suspension the substantive holder was in post, and the interim not yet known.
    expect(certaintyAt(substantive, day('2016-06-01'), context)).toMatchObject({
      certainty: 'inferred',
      activity: 'in-post',
    });
    expect(certaintyAt(interim, day('2016-06-01'), context)).toBeNull();
    expect(activityAt(substantive, day('2016-06-01')).activity).toBe('in-post');
    // With no end to the suspension known, the substantive holder is possibly still suspended.
    const open = { ...substantive, periods: [period('suspended', '2017-02-01', null)] };
    expect(certaintyAt(open, on, post([open, interim]))).toMatchObject({
      certainty: 'possible',
      activity: 'suspended',
    });
  });

  it('a stated start with no end and a later attestation: inferred up to it, possible after', () => {
    const t = tenure({
      capacity: 'substantive',
      statedFrom: windowOf('2018-03'),
      attestations: [day('2019-06-01')],
    });
    const context = post([t]);
    expect(certaintyAt(t, day('2018-12-01'), context)?.certainty).toBe('inferred');
    expect(certaintyAt(t, day('2019-06-01'), context)?.certainty).toBe('attested');
    const after = certaintyAt(t, day('2021-01-01'), context);
    expect(after?.certainty).toBe('possible');
    expect(after?.basis).toContain('no end');
    expect(certaintyAt(t, day('2018-01-01'), context)).toBeNull();
  });

  it('a stated start with no end is not possible past another holder’s start', () => {
    const a = tenure({ capacity: 'substantive', statedFrom: windowOf('2018-03') });
    const b = tenure({
      id: 'tenure:b',
      personId: 'person:b',
      capacity: 'substantive',
      statedFrom: day('2020-01-06'),
    });
    const context = post([a, b]);
    expect(certaintyAt(a, day('2019-01-01'), context)?.certainty).toBe('possible');
    expect(certaintyAt(a, day('2021-01-01'), context)).toBeNull();
  });

  it('a range-dated attestation overlapping the date makes the holder possible, with the range in the basis', () => {
    const t = tenure({ attestations: [boundsWindow('2018-03', '2024-05-09')] });
    const answer = certaintyAt(t, day('2019-06-01'));
    expect(answer?.certainty).toBe('possible');
    expect(answer?.basis).toContain('2018-03-01…2024-05-09');
    expect(certaintyAt(t, day('2024-05-10'))).toBeNull();
  });

  it('uses the latest possible day of a bounded source before the date to infer', () => {
    const t = tenure({ attestations: [boundsWindow('2017-06-16', '2017-11-21'), day('2017-12-01')] });
    expect(certaintyAt(t, day('2017-11-25'))?.certainty).toBe('inferred');
    expect(certaintyAt(t, day('2017-08-01'))?.certainty).toBe('possible');
  });

  it('a vacancy between two attestations of the holder is not bridged', () => {
    const a = tenure({ attestations: [day('2017-01-01'), day('2019-01-01')] });
    expect(certaintyAt(a, day('2017-06-01'), post([a]))?.certainty).toBe('inferred');
    expect(certaintyAt(a, day('2017-06-01'), post([a], ['2018-02']))).toBeNull();
  });

  it('a vacancy between two holders: neither is inferred across it', () => {
    const a = tenure({ attestations: [day('2017-01-01')], statedTo: day('2017-12-31') });
    const b = tenure({
      id: 'tenure:b',
      personId: 'person:b',
      statedFrom: day('2018-06-01'),
      attestations: [day('2019-01-01')],
    });
    const context = post([a, b], ['2018-03']);
    expect(certaintyAt(a, day('2018-03-15'), context)).toBeNull();
    expect(certaintyAt(b, day('2018-03-15'), context)).toBeNull();
    expect(certaintyAt(b, day('2018-09-01'), context)?.certainty).toBe('inferred');
  });

  it('refuses to infer across a gap in which someone else held the post', () => {
    const t = tenure({ attestations: [day('2017-01-01'), day('2019-01-01')] });
    const rival = tenure({ id: 'tenure:b', personId: 'person:b', attestations: [day('2018-01-01')] });
    expect(certaintyAt(t, day('2017-06-01'), post([t, rival]))).toBeNull();
    expect(inferredSpans(t, post([t, rival]))).toEqual([]);
    expect(inferredSpans(t, post([t]))).toEqual([{ start: '2017-01-01', end: '2019-01-01' }]);
  });

  it('two joint holders: each is inferred through the other’s attestations', () => {
    const t = tenure({ capacity: 'joint', attestations: [day('2017-01-01'), day('2019-01-01')] });
    const joint = tenure({
      id: 'tenure:b',
      personId: 'person:b',
      capacity: 'joint',
      attestations: [day('2018-01-01')],
    });
    const context = post([t, joint]);
    expect(certaintyAt(t, day('2017-06-01'), context)?.certainty).toBe('inferred');
    expect(certaintyAt(joint, day('2018-01-01'), context)?.certainty).toBe('attested');
  });

  it('one person in two posts: each tenure is judged within its own post', () => {
    const ce = tenure({
      id: 'tenure:ce',
      personId: 'person:g',
      postId: 'post:ce',
      attestations: [day('2019-01-01'), day('2020-01-01')],
    });
    const ao = tenure({
      id: 'tenure:ao',
      personId: 'person:g',
      postId: 'post:ao',
      attestations: [day('2019-01-01')],
    });
    // Someone else attested in the CCG post in between does not touch the council post.
    const other = tenure({
      id: 'tenure:x',
      personId: 'person:x',
      postId: 'post:ao',
      attestations: [day('2019-06-01')],
    });
    expect(certaintyAt(ce, day('2019-07-01'), post([ce]))?.certainty).toBe('inferred');
    expect(certaintyAt(ao, day('2019-07-01'), post([ao, other]))).toBeNull();
  });

  it('a period given only by the date of its source makes the activity possible, not certain', () => {
    const t = tenure({
      attestations: [day('2017-01-01')],
      periods: [{ kind: 'on-leave', from: null, to: null, reported: windowOf('2017-03') }],
    });
    const answer = certaintyAt(t, day('2017-03-10'));
    expect(answer).toMatchObject({ certainty: 'possible', activity: 'on-leave' });
  });
});

describe('certaintyAt: a tenure known only from citations (a URL, no words quoted)', () => {
  it('is possible, never stated, inside the bounds a citation gives', () => {
    const t = tenure({ statedFrom: day('2018-01-01'), statedTo: day('2020-12-31'), citedOnly: true });
    const answer = certaintyAt(t, day('2019-06-01'));
    expect(answer?.certainty).toBe('possible');
    expect(answer?.basis).toContain('cited by URL, not quoted');
    expect(certaintyAt({ ...t, citedOnly: false }, day('2019-06-01'))?.certainty).toBe('stated');
  });

  it('is still nothing outside the bounds a citation gives', () => {
    const t = tenure({ statedFrom: day('2018-01-01'), statedTo: day('2020-12-31'), citedOnly: true });
    expect(certaintyAt(t, day('2021-02-01'))).toBeNull();
  });

  it('draws no inferred spans', () => {
    const t = tenure({ statedFrom: day('2018-01-01'), statedTo: day('2020-12-31'), citedOnly: true });
    expect(inferredSpans(t, post([t]))).toEqual([]);
  });

  it('is never stated, attested or inferred, whatever its dates and the date asked', () => {
    const dates = fc
      .date({ min: new Date('2010-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.option(dates),
        fc.option(dates),
        fc.array(dates, { maxLength: 3 }),
        dates,
        (from, to, attested, asked) => {
          const t = tenure({
            statedFrom: from ? day(from) : null,
            statedTo: to ? day(to) : null,
            attestations: attested.map(day),
            citedOnly: true,
          });
          const answer = certaintyAt(t, day(asked), post([t]));
          expect(answer === null || answer.certainty === 'possible').toBe(true);
        },
      ),
    );
  });
});
