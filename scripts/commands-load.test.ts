import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The commands run under tsx in plain Node, not through Vite as the tests do: a module that only
 * Vite can load (a style sheet imported by client code a command reaches) passes every test and
 * breaks the command. Each command is started with --help, which loads all of its modules.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

describe('the commands load in Node', () => {
  for (const command of ['bench', 'export'])
    it(`npm run ${command} -- --help`, () => {
      const result = spawnSync(tsx, [path.join('scripts', `${command}.ts`), '--help'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Usage');
    });
});
