// Installs what `npm start` and `npm test` need and is missing: the npm packages (exactly as the
// lock file has them, with `npm ci`) and, where the project runs its own Neo4j, checks for the JDK
// and Maven that build it. Plain Node with no dependencies, because it runs before any package is
// installed. It must never change a tracked file: it checks that the lock file is byte for byte
// what it was, and under CI (CI=true) that `git status --porcelain` is empty.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

function ensureNodeModules() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (
    existsSync(marker) &&
    mtime(marker) >= mtime(lock) &&
    mtime(marker) >= mtime(path.join(root, 'package.json'))
  )
    return;
  // `npm ci` installs exactly what the lock lists and never rewrites it. The lock holds Biome's
  // binary for every platform (npm picks this machine's), so it installs the same everywhere.
  console.log('Installing npm packages from the lock file (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      'npm ci failed; see the messages above. If package.json was edited by hand, run `npm install` once to update package-lock.json, and commit both.',
    );
    process.exit(result.status ?? 1);
  }
}

function lockDigest() {
  const lock = path.join(root, 'package-lock.json');
  return existsSync(lock) ? createHash('sha256').update(readFileSync(lock)).digest('hex') : 'none';
}

/**
 * Under CI the whole working tree must be clean after install. On a developer's machine only the
 * lock file is checked (their own edits elsewhere are theirs), so `npm test` never fails for them.
 */
function ensureCleanTree(lockBefore) {
  if (lockDigest() !== lockBefore) {
    console.error(
      'Installing changed package-lock.json; it should be complete for every platform. Commit the lock that `npm install` writes.',
    );
    process.exit(1);
  }
  if (process.env.CI !== 'true' || !existsSync(path.join(root, '.git'))) return;
  const status = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
  if (status.trim() !== '') {
    console.error(`The working tree is not clean after install (CI=true):\n${status}`);
    process.exit(1);
  }
}

function has(command, args = ['-version']) {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function ensureJavaAndMaven() {
  if (process.env.NEO4J_URI) return;
  const missing = [];
  if (!has('java')) missing.push('a JDK 17+ (java)');
  if (!has('mvn', ['-v'])) missing.push('Apache Maven (mvn)');
  if (missing.length > 0) {
    console.error(
      `The project runs its own Neo4j, built from Maven Central, and needs ${missing.join(' and ')}.\n` +
        'Install them (e.g. apt-get install -y openjdk-17-jdk-headless maven), or point the app at another ' +
        'Neo4j with NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD.',
    );
    process.exit(1);
  }
}

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`Node ${process.versions.node} is too old: Node 20 or newer is needed.`);
  process.exit(1);
}
const lockBefore = lockDigest();
ensureNodeModules();
ensureCleanTree(lockBefore);
ensureJavaAndMaven();
