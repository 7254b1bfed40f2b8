// `npm test`: installs what is missing, then runs every check: formatting and lint, the type
// checker, unit tests, integration tests against a real Neo4j (started on its own port and data
// folder, never the one `npm start` serves) and browser end-to-end tests in headless Chromium.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function step(title, command, args, env = {}) {
  console.log(`\n▸ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed.`);
    process.exit(result.status ?? 1);
  }
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    step('Installing Chromium for the browser tests (apt-get)', 'bash', [
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
    ]);
    return;
  }
  console.error(
    `The browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium), or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

step('Checking dependencies', process.execPath, [path.join(root, 'scripts', 'ensure-deps.mjs')]);
step('Format and lint (Biome)', bin('biome'), ['check', '.']);
step('Type check (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
// Each Vitest run also writes a JSON report, so the closing line can count every test.
const reports = path.join(root, '.cache', 'test-reports');
mkdirSync(reports, { recursive: true });
const reporting = (name) => [
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${path.join(reports, `${name}.json`)}`,
];

step('Unit tests', bin('vitest'), ['run', '--project', 'unit', ...reporting('unit')]);
ensureChromium();
step('Building the client for the browser tests', bin('vite'), ['build', '--logLevel', 'warn']);
step('Integration and browser end-to-end tests (real Neo4j, headless Chromium)', bin('vitest'), [
  'run',
  '--project',
  'integration',
  '--project',
  'e2e',
  ...reporting('integration-e2e'),
]);

let passed = 0;
let failed = 0;
for (const name of ['unit', 'integration-e2e']) {
  const report = JSON.parse(readFileSync(path.join(reports, `${name}.json`), 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);

// Under CI the tests must leave the tree as they found it (everything they write is git-ignored).
// Not checked on a developer's machine, where uncommitted work is normal.
if (process.env.CI === 'true' && existsSync(path.join(root, '.git'))) {
  const status = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
  if (status.trim() !== '') {
    console.error(`\n✖ The working tree is not clean after the tests:\n${status}`);
    process.exit(1);
  }
}
