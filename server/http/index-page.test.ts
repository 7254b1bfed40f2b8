import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENING_ANSWER_ELEMENT_ID } from '../../graph/contract/opening-answer.ts';
import { type IndexPageOptions, indexPage, OPENING_PRELOAD, openingElement } from './index-page.ts';

const ANSWER = JSON.stringify({ view: { note: 'a </script><script>alert(1)</script> in a quote' } });

describe('openingElement', () => {
  it('holds JSON that reads back the same and cannot close its element early', () => {
    const element = openingElement(ANSWER);
    expect(element.startsWith(`<script type="application/json" id="${OPENING_ANSWER_ELEMENT_ID}">`)).toBe(
      true,
    );
    const content = element.slice(element.indexOf('>') + 1, -'</script>'.length);
    expect(content).not.toContain('<');
    expect(JSON.parse(content)).toEqual(JSON.parse(ANSWER));
  });
});

describe('indexPage', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'index-page-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** The page served by an app with these options, for `address`. */
  async function page(options: IndexPageOptions, address = '/'): Promise<string> {
    const server = express().get(/.*/, indexPage(dir, options)).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      return await (await fetch(`http://127.0.0.1:${port}${address}`)).text();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('carries the opening’s answer on a blank address when it comes in time', async () => {
    const html = await page({ opening: async () => ANSWER });
    expect(html).toContain(openingElement(ANSWER));
    // After everything the page must fetch, so the browser finds the scripts first.
    expect(html.indexOf(openingElement(ANSWER))).toBeGreaterThan(html.indexOf('<body>'));
    expect(html).not.toContain(OPENING_PRELOAD);
    expect(html).toContain('csp-nonce');
  });

  it('asks the browser to preload the opening instead when the answer is late or fails', async () => {
    const late = await page({ opening: () => new Promise<string>(() => {}), waitMs: 50 });
    expect(late).toContain(OPENING_PRELOAD);
    expect(late).not.toContain(OPENING_ANSWER_ELEMENT_ID);
    const failed = await page({ opening: () => Promise.reject(new Error('Neo4j is away')) });
    expect(failed).toContain(OPENING_PRELOAD);
    expect(failed).not.toContain(OPENING_ANSWER_ELEMENT_ID);
  });

  it('neither carries nor preloads the opening for a link that names its own view', async () => {
    let asked = 0;
    const html = await page(
      {
        opening: async () => {
          asked += 1;
          return ANSWER;
        },
      },
      '/?node=inspection:x',
    );
    expect(asked).toBe(0);
    expect(html).not.toContain(OPENING_ANSWER_ELEMENT_ID);
    expect(html).not.toContain('/api/opening');
  });
});
