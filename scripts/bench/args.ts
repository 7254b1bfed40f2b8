/** Command-line arguments of `npm run bench`, parsed once with zod and failing with a precise message. */
import { z } from 'zod';

export const SUITES = ['load', 'scale', 'api', 'api-scale', 'draw', 'nav', 'bundle'] as const;
/**
 * `api-scale` loads a large graph first, `draw` and `nav` need Chromium and `bundle` builds the
 * client, so they run only when named.
 */
export const DEFAULT_SUITES = ['load', 'scale', 'api'] as const;
export type Suite = (typeof SUITES)[number];

export const DEFAULT_OUT = 'bench/results/latest.json';
export const DEFAULT_SCALE = 10_000;
export const DEFAULT_LOAD_ITERATIONS = 5;
export const DEFAULT_API_ITERATIONS = 200;
export const DEFAULT_SECONDS = 30;

export const USAGE = `Usage: npm run bench -- [suite...] [options]

Suites (default: ${DEFAULT_SUITES.join(', ')}, in this order): ${SUITES.join(', ')}
  load   validate+plan the real seeds, first load, unchanged reload, reload after one edit
  scale  load a synthetic graph of --scale people into an empty graph, then reload it unchanged;
         beside LOAD CSV and a naive script. With api-scale, api-scale measures the loader's graph
  api    latency of representative API requests on the real seeds, plus a short concurrent run
  api-scale  the app on the synthetic graph of --scale people beside a bare neo4j-driver script
             running the same Cypher: 32 connections for --seconds per endpoint, PROFILE db hits
  draw   Cytoscape.js alone in headless Chromium: 1k/5k/20k elements, canvas and WebGL renderers
  nav    navigation to the opening view drawn, cold and warm, in headless Chromium (the built client)
  bundle gzipped JS of the client's first view and of the console chunk (no database)

Options:
  --scale N        people in the synthetic graph (default ${DEFAULT_SCALE})
  --seconds N      seconds of concurrent requests per endpoint and side in api-scale (default ${DEFAULT_SECONDS})
  --iterations N   repetitions per measurement (default ${DEFAULT_LOAD_ITERATIONS} for load, ${DEFAULT_API_ITERATIONS} requests per endpoint for api,
                   rounds of loader and LOAD CSV for scale: 3 up to scale 20,000, else 1)
  --out FILE       JSON results (default ${DEFAULT_OUT}); a Markdown table is written beside it as .md
  --allow-wipe     allow wiping the database named by NEO4J_URI (the benchmarks empty it repeatedly)
  --help           print this help`;

const count = (name: string, max: number) =>
  z.coerce
    .number({ error: `${name} expects a number` })
    .int(`${name} expects a whole number`)
    .min(1, `${name} must be at least 1`)
    .max(max, `${name} must be at most ${max}`);

export const BenchArgsSchema = z.object({
  suites: z
    .array(
      z.enum(SUITES, {
        error: (issue) => `unknown suite '${String(issue.input)}'; expected one of ${SUITES.join(', ')}`,
      }),
    )
    .transform((chosen) =>
      chosen.length === 0 ? [...DEFAULT_SUITES] : SUITES.filter((s) => chosen.includes(s)),
    ),
  scale: count('--scale', 1_000_000).default(DEFAULT_SCALE),
  iterations: count('--iterations', 100_000).optional(),
  seconds: count('--seconds', 600).default(DEFAULT_SECONDS),
  out: z
    .string()
    .min(1, '--out expects a file name')
    .regex(/\.json$/, '--out expects a .json file (the Markdown table is written beside it as .md)')
    .default(DEFAULT_OUT),
  allowWipe: z.boolean().default(false),
  help: z.boolean().default(false),
});
export type BenchArgs = z.infer<typeof BenchArgsSchema>;

export class BenchArgsError extends Error {
  override readonly name = 'BenchArgsError';
}

const VALUE_OPTIONS = {
  '--scale': 'scale',
  '--iterations': 'iterations',
  '--seconds': 'seconds',
  '--out': 'out',
} as const;
const FLAG_OPTIONS = { '--allow-wipe': 'allowWipe', '--help': 'help', '-h': 'help' } as const;

/** Parses `argv` (without node and the script), accepting `--name value` and `--name=value`. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const raw: Record<string, unknown> = { suites: [] as string[] };
  const suites = raw.suites as string[];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-')) {
      suites.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (name in FLAG_OPTIONS) {
      if (inline !== undefined) throw new BenchArgsError(`${name} takes no value`);
      raw[FLAG_OPTIONS[name as keyof typeof FLAG_OPTIONS]] = true;
    } else if (name in VALUE_OPTIONS) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
        throw new BenchArgsError(`${name} expects a value`);
      }
      const key = VALUE_OPTIONS[name as keyof typeof VALUE_OPTIONS];
      if (key in raw) throw new BenchArgsError(`${name} is given more than once`);
      raw[key] = value;
    } else {
      throw new BenchArgsError(`unknown option '${name}'`);
    }
  }
  const parsed = BenchArgsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BenchArgsError(issue?.message ?? 'invalid arguments');
  }
  return parsed.data;
}

/** Rounds of the scale suite by default: three where a round takes seconds, one at a million. */
export const scaleRounds = (scale: number) => (scale <= 20_000 ? 3 : 1);

/** Repetitions for a suite: the --iterations given, or that suite's default. */
export function iterationsFor(args: BenchArgs, suite: 'load' | 'api' | 'scale'): number {
  if (args.iterations !== undefined) return args.iterations;
  return suite === 'load'
    ? DEFAULT_LOAD_ITERATIONS
    : suite === 'scale'
      ? scaleRounds(args.scale)
      : DEFAULT_API_ITERATIONS;
}
