// `npm start`: installs what is missing, starts the project's Neo4j (unless NEO4J_URI names
// another), loads the seeds, builds the client and serves the app.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Settings may come from a .env file (see .env.example); the environment wins over it.
if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function step(title, command, args) {
  console.log(`\n▸ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed.`);
    process.exit(result.status ?? 1);
  }
}

step('Checking dependencies', process.execPath, [path.join(root, 'scripts', 'ensure-deps.mjs')]);
step('Starting Neo4j', tsx, ['scripts/db.ts', 'start']);
step('Loading the seeds', tsx, ['scripts/load.ts']);
step('Building the client', path.join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn']);
console.log('\n▸ Serving the app (Ctrl+C to stop; `npm run db:stop` stops Neo4j)');
const server = spawnSync(tsx, ['server/main.ts'], { cwd: root, stdio: 'inherit' });
process.exit(server.status ?? 0);
