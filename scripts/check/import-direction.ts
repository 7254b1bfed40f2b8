import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Which project folders a module may import from. Dependencies point one way: the contract
 * (`graph/contract/`) imports nothing of the project's; the pure exports (`graph/export/`) only the
 * contract; the client only those two; `graph/` never reaches into `server/`, `client/` or `scripts/`.
 * The first rule whose prefix matches a file's path applies; packages (`zod`, `neo4j-driver`…) are
 * not checked here. Tests (`*.test.ts`) may also use the shared helpers in `test/`.
 */
export const IMPORT_RULES: readonly { from: string; mayImport: readonly string[] }[] = [
  { from: 'graph/contract/', mayImport: ['graph/contract/'] },
  { from: 'graph/export/', mayImport: ['graph/export/', 'graph/contract/'] },
  { from: 'graph/', mayImport: ['graph/'] },
  { from: 'client/', mayImport: ['client/', 'graph/contract/', 'graph/export/'] },
  { from: 'server/', mayImport: ['server/', 'graph/'] },
  // Scripts are the outermost layer: the export CLI serves the app and composes views as the client does.
  { from: 'scripts/', mayImport: ['scripts/', 'server/', 'graph/', 'client/'] },
];

/** The folders the check walks: the app's own code (tests included: they import as the code does). */
export const CHECKED_ROOTS = ['graph', 'client', 'server', 'scripts'] as const;

export interface ImportViolation {
  file: string;
  specifier: string;
  resolved: string;
  rule: string;
}

const IMPORT_PATTERN =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Relative specifiers a source text imports, static and dynamic, with `export … from` too. */
export function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT_PATTERN)) {
    const specifier = match[1] ?? match[2];
    if (specifier?.startsWith('.')) found.push(specifier);
  }
  return found;
}

function isTest(file: string): boolean {
  return /\.test\.ts$/.test(file);
}

/** The violations in a set of files given as repository-relative path → source text. */
export function checkImports(files: ReadonlyMap<string, string>): ImportViolation[] {
  const violations: ImportViolation[] = [];
  for (const [file, source] of files) {
    const rule = IMPORT_RULES.find((r) => file.startsWith(r.from));
    if (!rule) continue;
    for (const specifier of relativeImports(source)) {
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      const allowed = isTest(file) ? [...rule.mayImport, 'test/'] : rule.mayImport;
      if (!allowed.some((prefix) => resolved.startsWith(prefix))) {
        violations.push({
          file,
          specifier,
          resolved,
          rule: `${rule.from} may import ${rule.mayImport.join(', ')}`,
        });
      }
    }
  }
  return violations;
}

/** Every .ts/.mjs file under the checked roots, read from disk. */
export function readProjectSources(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (/\.(ts|mts|mjs)$/.test(entry.name))
        files.set(child, readFileSync(path.join(root, child), 'utf8'));
    }
  };
  for (const dir of CHECKED_ROOTS) walk(dir);
  return files;
}
