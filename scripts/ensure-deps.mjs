// Installs what `npm start` and `npm test` need and is missing: the npm packages (from the lock
// file) and, where the project runs its own Neo4j, checks for the JDK and Maven that build it.
// Plain Node with no dependencies, because it runs before any package is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
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
  // `npm install` rather than `npm ci`: it honours the lock file too, but does not fail when a
  // registry mirror lacks another platform's optional binary (Biome ships one per platform).
  console.log('Installing npm packages from the lock file…');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm install failed; see the messages above.');
    process.exit(result.status ?? 1);
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
ensureNodeModules();
ensureJavaAndMaven();
