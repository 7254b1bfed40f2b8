import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j, { type Driver, Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testNeo4jConfig } from '../../test/neo4j-env.ts';
import { instanceDir, instanceStatus, startInstance, TEST_INSTANCE } from './instance.ts';

const LAUNCHER_CLASS = 'accountabilitygraph.launcher.Launcher';
const config = testNeo4jConfig();

async function errorOf(driver: Driver, cypher: string): Promise<Neo4jError> {
  try {
    await driver.executeQuery(cypher, {}, { database: config.database });
  } catch (error) {
    if (error instanceof Neo4jError) {
      return error;
    }
    throw error;
  }
  throw new Error(`expected the query to fail: ${cypher}`);
}

/** Launcher processes whose working directory is the given instance folder (Linux /proc only). */
function launcherPidsIn(dir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return (
          readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(LAUNCHER_CLASS) &&
          readlinkSync(`/proc/${pid}/cwd`) === dir
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe.skipIf(!config.managed)('local Neo4j test instance', () => {
  let driver: Driver;

  beforeAll(async () => {
    driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password));
    await driver.verifyConnectivity();
  });

  afterAll(async () => {
    await driver.close();
  });

  it('answers a query with the configured password', async () => {
    const { records } = await driver.executeQuery('RETURN 1 AS one', {}, { database: config.database });

    expect(records[0]?.get('one').toNumber()).toBe(1);
  });

  it('is Neo4j Community 5.26', async () => {
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
      {},
      { database: config.database },
    );

    expect(records).toHaveLength(1);
    expect(records[0]?.get('edition')).toBe('community');
    expect(records[0]?.get('versions')[0]).toMatch(/^5\.26\./);
  });

  it('runs with the launcher settings for transactions and LOAD CSV', async () => {
    const { records } = await driver.executeQuery(
      'SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value',
      { names: ['db.transaction.timeout', 'dbms.security.allow_csv_import_from_file_urls'] },
      { database: config.database },
    );
    const settings = Object.fromEntries(records.map((record) => [record.get('name'), record.get('value')]));

    expect(settings).toEqual({
      'db.transaction.timeout': '30s',
      'dbms.security.allow_csv_import_from_file_urls': 'false',
    });
  });

  it('refuses LOAD CSV from file URLs', async () => {
    const error = await errorOf(driver, "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row");

    expect(error.code).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
  });

  it('refuses LOAD CSV from http URLs', async () => {
    const error = await errorOf(driver, "LOAD CSV FROM 'http://127.0.0.1:1/x' AS row RETURN row");

    expect(error.code).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
  });

  // Port 1 above would fail with the same code even without a blocklist (connection refused), and
  // Neo4j has no separate code for "blocked". A live server that would serve the CSV, and never
  // sees a request, shows the failure comes from the IP blocklist.
  it('never contacts a reachable http server from LOAD CSV', async () => {
    let requests = 0;
    const server: Server = createServer((_request, response) => {
      requests += 1;
      response.end('a,b\n1,2\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const error = await errorOf(
        driver,
        `LOAD CSV FROM 'http://127.0.0.1:${port}/data.csv' AS row RETURN row`,
      );

      expect(error.code).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
      expect(requests).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('reports an already running instance on a second start and spawns nothing', async () => {
    const before = await instanceStatus(TEST_INSTANCE.name);

    const result = await startInstance({ ...TEST_INSTANCE, password: config.password });

    expect(before.running).toBe(true);
    expect(result.status).toBe('already-running');
    expect(result.pid).toBe(before.pid);
    expect(launcherPidsIn(instanceDir(TEST_INSTANCE.name))).toEqual([before.pid]);
  });
});
