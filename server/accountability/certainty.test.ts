import { describe, expect, it } from 'vitest';
import { boundsWindow, certaintyAt, type TenureFacts, windowOf } from './certainty.ts';

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
    ...overrides,
  };
}

describe('certaintyAt', () => {
  it('is attested on the day a dated source shows the person in post', () => {
    const t = tenure({ attestations: [day('2017-11-21')] });
    expect(certaintyAt(t, day('2017-11-21'))?.certainty).toBe('attested');
  });

  it('is not known the day after a single attestation', () => {
    const t = tenure({ attestations: [day('2017-11-21')] });
    expect(certaintyAt(t, day('2017-11-22'))).toBeNull();
  });

  it('does not widen a month-dated source into a day', () => {
    const t = tenure({ attestations: [windowOf('2017-11')] });
    expect(certaintyAt(t, day('2017-11-21'))).toBeNull();
    expect(certaintyAt(t, windowOf('2017-11'))?.certainty).toBe('attested');
  });

  it('infers between two attestations of the same holder', () => {
    const t = tenure({ attestations: [day('2017-06-20'), day('2017-11-21')] });
    const answer = certaintyAt(t, day('2017-09-01'));
    expect(answer?.certainty).toBe('inferred');
    expect(answer?.basis).toContain('2017-06-20');
  });

  it('uses the latest possible day of a bounded source before the date', () => {
    const t = tenure({ attestations: [boundsWindow('2017-06-16', '2017-11-21'), day('2017-12-01')] });
    expect(certaintyAt(t, day('2017-11-25'))?.certainty).toBe('inferred');
    expect(certaintyAt(t, day('2017-08-01'))).toBeNull();
  });

  it('refuses to infer across a gap in which someone else held the post', () => {
    const t = tenure({ attestations: [day('2017-01-01'), day('2019-01-01')] });
    const rival = tenure({ id: 'tenure:b', personId: 'person:b', attestations: [day('2018-01-01')] });
    expect(certaintyAt(t, day('2017-06-01'), [t, rival])).toBeNull();
  });

  it('allows a joint holder in the gap', () => {
    const t = tenure({ attestations: [day('2017-01-01'), day('2019-01-01')] });
    const joint = tenure({
      id: 'tenure:b',
      personId: 'person:b',
      capacity: 'joint',
      attestations: [day('2018-01-01')],
    });
    expect(certaintyAt(t, day('2017-06-01'), [t, joint])?.certainty).toBe('inferred');
  });

  it('is stated when a source gives bounds that enclose the date', () => {
    const t = tenure({ statedFrom: windowOf('2016'), statedTo: windowOf('2019-03') });
    expect(certaintyAt(t, day('2018-05-05'))?.certainty).toBe('stated');
    expect(certaintyAt(t, day('2016-05-05'))).toBeNull();
    expect(certaintyAt(t, day('2019-04-01'))).toBeNull();
  });

  it('does not outlive a stated end even with a later attestation elsewhere', () => {
    const t = tenure({ statedTo: day('2018-01-31'), attestations: [day('2017-11-21')] });
    expect(certaintyAt(t, day('2018-06-01'))).toBeNull();
  });
});
