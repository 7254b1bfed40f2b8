import { describe, expect, it } from 'vitest';
import { BenchArgsError, DEFAULT_OUT, iterationsFor, parseBenchArgs } from './args.ts';

describe('parseBenchArgs', () => {
  it('defaults to every suite but api-scale, scale 10000 and the committed results file', () => {
    const args = parseBenchArgs([]);
    expect(args).toEqual({
      suites: ['load', 'scale', 'api'],
      scale: 10_000,
      seconds: 30,
      out: DEFAULT_OUT,
      allowWipe: false,
      help: false,
    });
    expect(iterationsFor(args, 'load')).toBe(5);
    expect(iterationsFor(args, 'api')).toBe(200);
    // Three alternating rounds where a round takes seconds; one at a million relationships.
    expect(iterationsFor(args, 'scale')).toBe(3);
    expect(iterationsFor(parseBenchArgs(['scale', '--scale', '120000']), 'scale')).toBe(1);
    expect(iterationsFor(parseBenchArgs(['scale', '--iterations', '2', '--scale', '120000']), 'scale')).toBe(
      2,
    );
    expect(parseBenchArgs(['api-scale', '--seconds', '5'])).toMatchObject({
      suites: ['api-scale'],
      seconds: 5,
    });
    // The bundle sizes need neither Neo4j nor Chromium, and run only when named.
    expect(parseBenchArgs(['bundle', 'nav']).suites).toEqual(['nav', 'bundle']);
  });

  it('keeps the chosen suites in the canonical order, once each, and reads both option forms', () => {
    const args = parseBenchArgs([
      'api',
      'load',
      'api',
      '--scale',
      '500',
      '--iterations=3',
      '--out',
      'x.json',
      '--allow-wipe',
    ]);
    expect(args.suites).toEqual(['load', 'api']);
    expect(args.scale).toBe(500);
    expect(args.out).toBe('x.json');
    expect(args.allowWipe).toBe(true);
    expect(iterationsFor(args, 'api')).toBe(3);
  });

  it.each([
    [['nope'], /unknown suite 'nope'; expected one of load, scale, api/],
    [['--scale', 'many'], /--scale expects a number/],
    [['--scale', '1.5'], /--scale expects a whole number/],
    [['--iterations', '0'], /--iterations must be at least 1/],
    [['--scale'], /--scale expects a value/],
    [['--scale', '--iterations', '2'], /--scale expects a value/],
    [['--out', 'results.txt'], /--out expects a \.json file/],
    [['--fast'], /unknown option '--fast'/],
    [['--allow-wipe=yes'], /--allow-wipe takes no value/],
    [['--scale', '1', '--scale', '2'], /more than once/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(BenchArgsError);
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});
