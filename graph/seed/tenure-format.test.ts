import { describe, expect, it } from 'vitest';
import { intersect } from './dating.ts';
import { makeTenureSeedRoot, TENURE_FACTS } from './fixtures/tenure-fixture.ts';
import { nameOf } from './plan/context.ts';
import { prepareSeeds } from './prepare.ts';
import { type SeedProblem, SeedValidationError } from './problems.ts';
import { eventSpans, intervalSpans } from './spans.ts';

function problemsOf(root: string): SeedProblem[] {
  try {
    prepareSeeds(root);
  } catch (error) {
    if (error instanceof SeedValidationError) return [...error.problems];
    throw error;
  }
  return [];
}

const planOf = () => prepareSeeds(makeTenureSeedRoot()).plan;

describe('dates kept honest', () => {
  it('narrows a coarse date by what the document allows, never widening it', () => {
    expect(
      intersect({ notBefore: '2017', notAfter: '2017' }, { notBefore: '2017-10', notAfter: '2017-12-31' }),
    ).toEqual({
      notBefore: '2017-10',
      notAfter: '2017-12-31',
    });
    expect(
      intersect({ notBefore: '2017-11-21', notAfter: '2017-11-21' }, { notBefore: '2017', notAfter: '2017' }),
    ).toEqual({
      notBefore: '2017-11-21',
      notAfter: '2017-11-21',
    });
    expect(
      intersect({ notBefore: '2016', notAfter: '2016' }, { notBefore: '2017', notAfter: '2017' }),
    ).toBeNull();
  });

  it('keeps possibly and certainly in force apart', () => {
    // "Formed in April 1974", no end: possibly in force from 1 April, never certainly.
    expect(intervalSpans({ notBefore: '1974-04', notAfter: '1974-04' }, null)).toEqual({
      spanStart: '1974-04-01',
    });
    expect(
      intervalSpans({ notBefore: '2016', notAfter: '2016' }, { notBefore: '2019-03', notAfter: '2019-03' }),
    ).toEqual({
      spanStart: '2016-01-01',
      spanEnd: '2019-03-31',
      certainStart: '2016-12-31',
      certainEnd: '2019-03-01',
    });
    // A finding of an inspection between 12 and 16 June: possibly from the 12th, certainly by the 16th.
    expect(eventSpans({ notBefore: '2017-06-12', notAfter: '2017-06-16' })).toEqual({
      spanStart: '2017-06-12',
      certainStart: '2017-06-16',
    });
  });
});

describe('the tenure seed format', () => {
  it('plans evidenced starts, periods, ends and vacancies, and keeps every quote as evidence', () => {
    const plan = planOf();
    const node = (id: string) => plan.nodes.find((n) => n.id === id)?.properties;
    expect(node('tenure:sam-sterling-chief-executive')).toMatchObject({
      capacity: 'substantive',
      from: '2015-04-01',
      fromDocumentIds: ['doc:fixture-gazette-2015'],
      periodKinds: ['suspended'],
      periodFrom: ['2019-02-01'],
      periodTo: [''],
      spanStart: '2015-04-01',
    });
    expect(node('tenure:sam-sterling-chief-executive')?.spanEnd).toBeUndefined();
    expect(node('tenure:dee-dunn-director-of-childrens-services')).toMatchObject({
      endReason: 'resigned',
      endDate: '2018-02',
      spanEnd: '2018-02-28',
      attestedDays: ['2017-11-21'],
    });
    expect(node('post:fixture-council-director-of-childrens-services')).toMatchObject({
      vacancyDates: ['2018-06-01'],
      vacancyEvidenceIndex: [0],
    });
    const ivy = plan.relationships.find(
      (r) => r.id === 'HELD:person:ivy-irwin>tenure:ivy-irwin-chief-executive',
    );
    expect(ivy?.properties.evidenceQuotes).toContain('Ivy Irwin, interim chief executive');
    expect(ivy?.properties.evidenceQuotes).toContain(
      'Ivy Irwin was appointed interim chief executive of Fixture Council from today.',
    );
    // An undated statement takes its document's date.
    const stated = plan.relationships.find((r) => r.type === 'STATED');
    expect(stated?.properties).toMatchObject({
      notBefore: '2017-11-21',
      notAfter: '2017-11-21',
      spanStart: '2017-11-21',
    });
  });

  it('refuses a period quote that is not in its document, naming file, entry and path', () => {
    const facts = TENURE_FACTS.replace('was suspended today.', 'was suspended yesterday.');
    const problems = problemsOf(makeTenureSeedRoot({ facts }));
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'seeds/facts/facts.yaml',
        entry: 'tenure:sam-sterling-chief-executive',
        path: 'periods[0].evidence[0].quote',
      }),
    );
  });

  it('refuses a vacancy quote not in its document', () => {
    const problems = problemsOf(
      makeTenureSeedRoot({ facts: TENURE_FACTS.replace('is vacant.', 'is empty.') }),
    );
    const paths = problems.map((p) => `${p.entry} › ${p.path}`);
    expect(paths).toContain(
      'post:fixture-council-director-of-childrens-services › vacancies[0].evidence[0].quote',
    );
  });

  it('refuses a start given both as a date and as bounds', () => {
    const facts = TENURE_FACTS.replace(
      "      date: '2015-04-01'\n",
      "      date: '2015-04-01'\n      notBefore: '2015'\n      notAfter: '2015'\n",
    );
    const problems = problemsOf(makeTenureSeedRoot({ facts }));
    expect(
      problems.some(
        (p) => p.entry === 'tenure:sam-sterling-chief-executive' && /either `date`/.test(p.message),
      ),
    ).toBe(true);
  });

  it('refuses a tenure whose stated end is before its start', () => {
    const facts = TENURE_FACTS.replace("    from: '2018-09'\n", "    from: '2018-09'\n    to: '2018-01'\n");
    const problems = problemsOf(makeTenureSeedRoot({ facts }));
    expect(problems).toContainEqual(
      expect.objectContaining({ entry: 'tenure:ed-ellis-director-of-childrens-services', path: 'to' }),
    );
  });
});

describe('post names', () => {
  it('do not repeat the organisation when the title already names it by an alias', () => {
    const organisations = new Map([['org:ccg', ['NHS Bury Clinical Commissioning Group', 'NHS Bury CCG']]]);
    const post = (title: string) =>
      ({
        label: 'Post',
        value: { id: 'post:x', title, organisation: 'org:ccg' },
      }) as unknown as Parameters<typeof nameOf>[0];
    expect(nameOf(post('Chair, NHS Bury CCG'), organisations)).toBe('Chair, NHS Bury CCG');
    expect(nameOf(post('Chair'), organisations)).toBe('Chair, NHS Bury Clinical Commissioning Group');
  });

  it('name the seed posts cleanly, title then organisation', () => {
    const root = new URL('../..', import.meta.url).pathname;
    const chair = prepareSeeds(root).plan.nodes.find((n) => n.id === 'post:nhs-bury-ccg-chair');
    expect(chair?.properties.name).toBe('Chair, NHS Bury Clinical Commissioning Group');
  });
});
