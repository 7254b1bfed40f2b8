import { parseArgs } from 'node:util';
import {
  type SourceMetaInput,
  SourceMetaInputSchema,
  SourceNameSchema,
} from '../../graph/contract/sources.ts';

export const USAGE = `Usage:
  npm run add-source -- --text <file.txt|file.html> --title <title> --published <date> [options]
  npm run add-source -- --text <file> --title <title> --not-before <date> --not-after <date> --reason <why>

Writes the document into the seeds folder (SEEDS_DIR, default seeds/) as documents/<name>.txt and
documents/<name>.yaml, after the loader's own checks, and prints the attestations the text suggests.
A date is YYYY, YYYY-MM or YYYY-MM-DD. Without a date, prints the dates the text suggests and stops.

Options:
  --text <file>            the text; a .html or .htm file is turned into text, keeping its paragraphs
  --title <title>          the document's title
  --published <date>       the date it was published
  --date-quote <words>     the words in the text that print that date (default: found in the text)
  --not-before <date>      with --not-after and --reason, when the text prints no date
  --not-after <date>
  --reason <why>           why the date lies between the bounds
  --publisher <name>       who published it; leave out when unknown, and give --publisher-note
  --publisher-note <why>   why the publisher is unknown
  --kind <kind>            press-release | news | inspection-letter | report | minutes | other (default other)
  --url <url>              where it was published
  --author <name>          who wrote it
  --name <name>            the file name (default: the date and the title in lower-case words)
  --dry-run                check everything and write nothing
  --help                   this text`;

/** When the document was published, as given on the command line (checked with the metadata later). */
export type DateArg =
  | { date: string; quote?: string }
  | { notBefore: string; notAfter: string; reason: string }
  | null;

export type AddSourceArgs =
  | { help: true }
  | {
      help: false;
      textFile: string;
      name?: string;
      dryRun: boolean;
      date: DateArg;
      meta: Omit<SourceMetaInput, 'published'>;
    };

export class ArgsError extends Error {}

/** The command line, checked by the same schema as the API's request, each problem named by its option. */
export function parseAddSourceArgs(argv: readonly string[]): AddSourceArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      text: { type: 'string' },
      title: { type: 'string' },
      published: { type: 'string' },
      'date-quote': { type: 'string' },
      'not-before': { type: 'string' },
      'not-after': { type: 'string' },
      reason: { type: 'string' },
      publisher: { type: 'string' },
      'publisher-note': { type: 'string' },
      kind: { type: 'string', default: 'other' },
      url: { type: 'string' },
      author: { type: 'string' },
      name: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { help: true };
  if (!values.text) throw new ArgsError('--text <file> is required');
  if (!values.title) throw new ArgsError('--title is required');
  const bounded = values['not-before'] ?? values['not-after'] ?? values.reason;
  if (values.published && bounded) {
    throw new ArgsError('give --published or --not-before/--not-after/--reason, not both');
  }
  let date: DateArg = null;
  if (values.published) {
    date = { date: values.published, ...(values['date-quote'] ? { quote: values['date-quote'] } : {}) };
  } else if (bounded) {
    if (!values['not-before'] || !values['not-after'] || !values.reason) {
      throw new ArgsError('--not-before, --not-after and --reason go together');
    }
    date = { notBefore: values['not-before'], notAfter: values['not-after'], reason: values.reason };
  }
  const parsed = SourceMetaInputSchema.safeParse({
    title: values.title,
    publisher: values.publisher ?? null,
    publisherNote: values['publisher-note'],
    author: values.author ?? null,
    kind: values.kind,
    url: values.url ?? null,
    // Checked here for its form; --date-quote is checked against the text once it is read.
    published: date ?? { date: '2000' },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path ?? [];
    const option =
      at[0] === 'published'
        ? (({ date: 'published', quote: 'date-quote' } as Record<string, string>)[String(at[1])] ??
          String(at[1] ?? 'published').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))
        : String(at[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new ArgsError(`--${option}: ${issue?.message}`);
  }
  if (values.name) {
    const name = SourceNameSchema.safeParse(values.name);
    if (!name.success) throw new ArgsError(`--name: ${name.error.issues[0]?.message}`);
  }
  const { published: _published, ...meta } = parsed.data;
  return {
    help: false,
    textFile: values.text,
    name: values.name,
    dryRun: values['dry-run'] ?? false,
    date,
    meta,
  };
}
