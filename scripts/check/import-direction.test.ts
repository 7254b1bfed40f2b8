import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImports, readProjectSources, relativeImports } from './import-direction.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('import direction', () => {
  it('holds for the whole project', () => {
    const violations = checkImports(readProjectSources(root));
    expect(violations.map((v) => `${v.file} → ${v.specifier} (${v.rule})`)).toEqual([]);
  });

  it('fails on a planted wrong-way import from the client, graph or contract', () => {
    const planted = new Map([
      ['client/src/app/planted.ts', "import { createApp } from '../../../server/app.ts';"],
      ['graph/load/planted.ts', "import type { Deps } from '../../server/deps.ts';"],
      ['graph/contract/planted.ts', "export { AppError } from '../errors.ts';"],
      ['graph/export/planted.ts', "const lazy = () => import('../driver.ts');"],
      ['server/ok.ts', "import { AppError } from '../graph/errors.ts';"],
    ]);
    const violations = checkImports(planted);
    expect(violations.map((v) => v.file)).toEqual([
      'client/src/app/planted.ts',
      'graph/load/planted.ts',
      'graph/contract/planted.ts',
      'graph/export/planted.ts',
    ]);
    expect(violations[0]?.resolved).toBe('server/app.ts');
  });

  it('reads static, type-only, re-export and dynamic imports, and skips packages', () => {
    const source = [
      "import { z } from 'zod';",
      "import type { A } from './a.ts';",
      "export * from '../b.ts';",
      "const c = await import('./c.ts');",
    ].join('\n');
    expect(relativeImports(source)).toEqual(['./a.ts', '../b.ts', './c.ts']);
  });
});
