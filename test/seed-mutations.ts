// Random mutations of valid seed files, shared by the seed fuzz tests (unit: planned or refused;
// integration: a refusal leaves the graph as it was). A facts file is parsed, one random change is
// made somewhere in it (a value replaced, a key dropped, an entry duplicated, a text cut and altered,
// two values swapped), and it is written back as YAML.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Mutation {
  file: string;
  /** Indices used to walk to the spot that changes, taken modulo each level's size. */
  route: number[];
  kind: 'replace' | 'drop' | 'duplicate' | 'alter-text' | 'swap';
  value: Json;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '<script>alert(1)</script>',
  '\u202Eevil\u202C',
  '2017-02-30',
  '2017-13',
  '9999-99-99',
  'person:does-not-exist',
  'doc:does-not-exist',
  '../../etc/passwd',
  '=HYPERLINK("x")',
  '\u0000',
  'x'.repeat(5_000),
];

const jsonValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(...HOSTILE_STRINGS, null, true, false, 0, -1, 1e308, [], {}),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
);

export function mutationArbitrary(files: readonly string[]): fc.Arbitrary<Mutation> {
  return fc.record({
    file: fc.constantFrom(...files),
    route: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
    kind: fc.constantFrom<Mutation['kind']>('replace', 'drop', 'duplicate', 'alter-text', 'swap'),
    value: jsonValue,
  });
}

function children(node: Json): Array<[string | number, Json]> {
  if (Array.isArray(node)) return node.map((v, i) => [i, v]);
  if (node !== null && typeof node === 'object') return Object.entries(node);
  return [];
}

/** Applies the mutation to parsed data, in place; returns false when it found nothing to change. */
export function mutate(data: Json, mutation: Mutation): boolean {
  let parent: Json = data;
  let key: string | number | undefined;
  for (const step of mutation.route) {
    const next = children(key === undefined ? parent : ((parent as Record<string, Json>)[key] as Json));
    if (next.length === 0) break;
    const [childKey] = next[step % next.length] as [string | number, Json];
    if (key !== undefined) parent = (parent as Record<string | number, Json>)[key] as Json;
    key = childKey;
  }
  if (key === undefined) return false;
  const holder = parent as Record<string | number, Json>;
  const current = holder[key] as Json;
  switch (mutation.kind) {
    case 'replace':
      holder[key] = mutation.value;
      return true;
    case 'drop':
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete holder[key];
      return true;
    case 'duplicate':
      if (!Array.isArray(holder)) return false;
      holder.splice(key as number, 0, structuredClone(current));
      return true;
    case 'alter-text':
      if (typeof current !== 'string') return false;
      holder[key] = `${current.slice(0, Math.floor(current.length / 2))}${String(mutation.value)}`;
      return true;
    case 'swap': {
      const siblings = children(parent).filter(([k]) => k !== key);
      const other = siblings[Math.abs(mutation.route.at(-1) ?? 0) % Math.max(1, siblings.length)];
      if (!other) return false;
      holder[key] = other[1];
      holder[other[0]] = current;
      return true;
    }
  }
}

/** A private copy of the seeds under a temporary root, and a way to change one file and put it back. */
export function seedSandbox(projectRoot: string): {
  root: string;
  factsFiles: string[];
  apply(mutation: Mutation): boolean;
  restore(): void;
} {
  const root = mkdtempSync(path.join(tmpdir(), 'seed-fuzz-'));
  cpSync(path.join(projectRoot, 'seeds'), path.join(root, 'seeds'), { recursive: true });
  const factsDir = path.join(root, 'seeds', 'facts');
  const factsFiles = readdirSync(factsDir).filter((f) => f.endsWith('.yaml'));
  const originals = new Map(factsFiles.map((f) => [f, readFileSync(path.join(factsDir, f), 'utf8')]));
  let touched: string | undefined;
  return {
    root,
    factsFiles,
    apply(mutation) {
      const original = originals.get(mutation.file) as string;
      const data = parse(original) as Json;
      if (!mutate(data, mutation)) return false;
      writeFileSync(path.join(factsDir, mutation.file), stringify(data));
      touched = mutation.file;
      return true;
    },
    restore() {
      if (touched) writeFileSync(path.join(factsDir, touched), originals.get(touched) as string);
      touched = undefined;
    },
  };
}
