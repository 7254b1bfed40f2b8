import { describe, expect, it } from 'vitest';
import { outputFiles, parseExportArgs, UsageError } from './args.ts';

const parse = (line: string) => parseExportArgs(line.split(' ').filter(Boolean));
const fails = (line: string) => {
  try {
    parse(line);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected '${line}' to be refused`);
};

describe('parseExportArgs', () => {
  it('reads a node export with defaults', () => {
    expect(parse('--from org:bury-council --format json --out x.json')).toEqual({
      source: { kind: 'node', id: 'org:bury-council', depth: 1, at: null, limit: 25 },
      format: 'json',
      out: 'x.json',
      scale: 2,
      background: 'white',
      full: true,
      frame: false,
      title: '',
      layout: 'fcose',
    });
  });

  it('reads a saved view export with image options, and takes the format from the extension', () => {
    const args = parse('--view bury-2017 --out a/b.png --scale 4 --background transparent --frame --visible');
    expect(args).toMatchObject({
      source: { kind: 'view', id: 'bury-2017' },
      format: 'png',
      scale: 4,
      background: 'transparent',
      frame: true,
      full: false,
    });
  });

  it('names the problem with each bad argument', () => {
    expect(fails('--from org:bury-council --format pdf --out x')).toBe(
      "--format 'pdf' is not a known format: expected one of png, svg, json, csv, graphml, popolo, ftm, gexf, wikidata",
    );
    expect(fails('--from org:bury-council --out x.docx')).toMatch(
      /extension of --out \('\.docx'\) is not a known format/,
    );
    expect(fails('--from Bury --format json --out x.json')).toMatch(/^--from: 'Bury' is not a node id/);
    expect(fails('--from org:a --at 2017-02-30 --format json --out x.json')).toMatch(
      /^--at: '2017-02-30' is not a date/,
    );
    expect(fails('--from org:a --at 21/11/2017 --format json --out x.json')).toMatch(/^--at: /);
    expect(fails('--from org:a --depth 9 --format json --out x.json')).toBe(
      "--depth: expected a whole number from 0 to 4, got '9'",
    );
    expect(fails('--from org:a --format json')).toBe('--out <file> is required');
    expect(fails('--format json --out x.json')).toMatch(/Either --from/);
    expect(fails('--view v --from org:a --out x.json')).toMatch(/--view cannot be combined with --from/);
    expect(fails('--from org:a --out x.json --scale 3')).toBe(
      '--scale applies to png and svg only, not json',
    );
    expect(fails('--from org:a --out x.json --colour red')).toMatch(/colour/);
  });

  it('answers --help', () => {
    expect(parse('--help')).toEqual({ help: true });
  });
});

describe('outputFiles', () => {
  it('writes two CSV files beside each other and one file otherwise', () => {
    expect(outputFiles('csv', 'out/bury.csv')).toEqual(['out/bury-nodes.csv', 'out/bury-relationships.csv']);
    expect(outputFiles('graphml', 'out/bury.graphml')).toEqual(['out/bury.graphml']);
  });

  it('reads the tracker formats for an organisation or a saved view, gexf from its extension', () => {
    expect(parse('--from org:bury-council --format popolo --out bury.json')).toMatchObject({
      source: { kind: 'node', id: 'org:bury-council' },
      format: 'popolo',
    });
    expect(parse('--from org:bury-council --out bury.gexf')).toMatchObject({ format: 'gexf' });
    expect(parse('--view bury-2017 --format wikidata --out w.csv')).toMatchObject({ format: 'wikidata' });
    expect(parse('--from org:bury-council --format ftm --out bury.ndjson')).toMatchObject({ format: 'ftm' });
  });

  it('refuses a tracker export of anything but an organisation, or scoped by depth or date', () => {
    expect(fails('--from person:pat-jones-greenhalgh --format popolo --out p.json')).toMatch(
      /popolo exports an organisation \(--from org:…\) or a saved view/,
    );
    expect(fails('--from org:bury-council --at 2017-11-21 --format wikidata --out w.csv')).toMatch(
      /--at does not apply to wikidata/,
    );
    expect(fails('--from org:bury-council --depth 2 --format gexf --out g.gexf')).toMatch(
      /--depth does not apply/,
    );
  });

  it('reads a Posts chart export, its years bounding it, images framed, CSV one file', () => {
    expect(parse('--chart org:bury-council --from 2015 --to 2020 --out posts.svg')).toMatchObject({
      source: { kind: 'chart', id: 'org:bury-council', from: '2015', to: '2020' },
      format: 'svg',
      frame: true,
      scale: 2,
    });
    expect(parse('--chart org:bury-council --out posts.png --scale 1 --title Bury')).toMatchObject({
      source: { kind: 'chart', from: null, to: null },
      format: 'png',
      scale: 1,
      title: 'Bury',
    });
    expect(parse('--chart org:bury-council --format csv --out tenures.csv')).toMatchObject({ format: 'csv' });
    expect(outputFiles('csv', 'tenures.csv', true)).toEqual(['tenures.csv']);
  });

  it('refuses a chart of anything but an organisation, in other formats, or with the graph options', () => {
    expect(fails('--chart person:pat --out p.svg')).toMatch(
      /--chart: 'person:pat' is not an organisation id/,
    );
    expect(fails('--chart org:bury-council --out p.json')).toMatch(
      /--chart draws png or svg, or writes csv, not json/,
    );
    expect(fails('--chart org:bury-council --at 2017-11-21 --out p.svg')).toMatch(
      /--at does not apply to --chart/,
    );
    expect(fails('--chart org:bury-council --from 20x7 --out p.svg')).toMatch(
      /--from: with --chart, expected a year/,
    );
    expect(fails('--chart org:bury-council --from 2020 --to 2015 --out p.svg')).toMatch(
      /--from 2020 is after --to 2015/,
    );
    expect(fails('--chart org:bury-council --scale 2 --out p.csv')).toMatch(
      /--scale applies to png and svg only/,
    );
    expect(fails('--from org:bury-council --to 2019 --out p.json')).toMatch(/--to applies to --chart only/);
  });
});
