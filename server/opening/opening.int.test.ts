import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AccountabilityByFindingSchema,
  GraphSchemaSchema,
  NeighboursSchema,
  NodeDetailSchema,
} from '../../graph/contract/api.ts';
import { OpeningSchema } from '../../graph/contract/opening.ts';
import { OPENING_ANSWER_ELEMENT_ID } from '../../graph/contract/opening-answer.ts';
import { postsToShowHolders, requestedRelationshipTypes } from '../../graph/contract/view-fetch.ts';
import { getJson } from '../../test/api-calls.ts';
import { resetToProjectSeeds, startTestServer, useSeededApp, wipeGraph } from '../../test/graph-helpers.ts';
import { OPENING_PRELOAD } from '../http/index-page.ts';

// GET /api/opening over the project's seeds: the view a blank link opens on, and the answers it
// carries ahead, each the same as the endpoint the client would otherwise have asked.
const server = useSeededApp();
const INSPECTION = 'inspection:bury-local-area-send-2017';

function neighboursUrl(id: string, at: string | null, limit: number, types: string[] | null): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (at) query.set('at', at);
  if (types) query.set('types', types.join(','));
  return `${server.url}/api/nodes/${encodeURIComponent(id)}/neighbours?${query}`;
}

describe('GET /api/opening', () => {
  it('opens on the 2017 local-area inspection, on the first day a source names who led the bodies', async () => {
    const { view } = await getJson(`${server.url}/api/opening`, OpeningSchema);
    if (!view) throw new Error('the seeds have an inspection, so the opening has a view');
    expect(view.inspection).toBe(INSPECTION);
    // The inspection began on 12 June 2017; the sources first name the bodies' leaders on 21 November.
    expect(view.at).toBe('2017-11-21');
    expect(view.note).toEqual({ kind: 'later', inspectionDay: '2017-06-12', day: '2017-11-21' });
    expect(view.hiddenTypes).toEqual(['MENTIONS', 'CLAIMS']);
    const ids = view.expansions.map((e) => e.id);
    // The inspection, then the partnership it inspected, then the posts of the bodies responsible.
    expect(ids.slice(0, 2)).toEqual([INSPECTION, 'org:bury-local-area']);
    expect(ids).toContain('post:bury-council-chief-executive');
    expect(ids).toContain('post:nhs-bury-ccg-chief-officer');
    expect(ids.slice(2).every((id) => id.startsWith('post:'))).toBe(true);
    expect(ids.length).toBeLessThanOrEqual(2 + 6);
    expect(view.expansions.every((e) => e.limit === 25)).toBe(true);
  });

  it('carries every read drawing it needs, each exactly as its own endpoint answers it', async () => {
    const opening = await getJson(`${server.url}/api/opening`, OpeningSchema);
    const view = opening.view;
    if (!view) throw new Error('no view');
    const schema = await getJson(`${server.url}/api/schema`, GraphSchemaSchema);
    expect(opening.schema).toEqual(schema);
    // The types are the ones the canvas works out from the schema, so the client's keys match.
    const types = requestedRelationshipTypes(schema.relationshipTypes, view.hiddenTypes) ?? null;
    expect(types).not.toContain('MENTIONS');
    expect(types).toContain('HOLDS');

    const carried = new Map(opening.neighbours.map((n) => [`${n.id}|${n.at}|${n.limit}|${n.types}`, n]));
    for (const { id, limit } of view.expansions) {
      const entry = carried.get(`${id}|${view.at}|${limit}|${types}`);
      if (!entry) throw new Error(`the opening did not carry the neighbourhood of ${id}`);
      const own = await getJson(neighboursUrl(id, view.at, limit, types), NeighboursSchema);
      expect(entry.result).toEqual(own);
    }
    // And the holders of any expanded organisation's posts, as the canvas asks for them.
    const expanded = view.expansions.map(({ id }) => ({
      id,
      elements: carried.get(`${id}|${view.at}|25|${types}`)?.result.elements ?? { nodes: [], edges: [] },
    }));
    for (const post of postsToShowHolders(expanded, types ?? undefined)) {
      const entry = carried.get(`${post}|${view.at}|25|HOLDS`);
      expect(entry?.result).toEqual(
        await getJson(neighboursUrl(post, view.at, 25, ['HOLDS']), NeighboursSchema),
      );
    }
    expect(opening.accountability).toEqual(
      await getJson(
        `${server.url}/api/accountability?report=${encodeURIComponent(INSPECTION)}`,
        AccountabilityByFindingSchema,
      ),
    );
    expect(opening.nodes.map((n) => n.node.id)).toEqual([INSPECTION]);
    expect(opening.nodes[0]).toEqual(
      await getJson(`${server.url}/api/nodes/${encodeURIComponent(INSPECTION)}`, NodeDetailSchema),
    );
    // Nothing else rides along: every carried neighbourhood is one the canvas will ask for.
    expect(opening.neighbours.length).toBe(
      view.expansions.length + postsToShowHolders(expanded, types ?? undefined).length,
    );
  });

  it('answers with no view on a graph without an inspection, and the seeds open again once reloaded', async () => {
    try {
      await wipeGraph(server.graph);
      const opening = await getJson(`${server.url}/api/opening`, OpeningSchema);
      expect(opening).toMatchObject({ view: null, accountability: null, nodes: [], neighbours: [] });
    } finally {
      await resetToProjectSeeds(server.graph);
    }
    const { view } = await getJson(`${server.url}/api/opening`, OpeningSchema);
    expect(view?.inspection).toBe(INSPECTION);
  });
});

describe('the page on a blank address', () => {
  it('carries the opening’s answer, the same as GET /api/opening, and only when the address is blank', async () => {
    const staticDir = await mkdtemp(path.join(tmpdir(), 'opening-page-'));
    await writeFile(
      path.join(staticDir, 'index.html'),
      '<!doctype html><html><head></head><body></body></html>',
    );
    const app = await startTestServer(server.graph, { staticDir });
    try {
      // Worked out first (the server's entry point does so as it starts), so the page need not wait.
      const answered = await getJson(`${app.url}/api/opening`, OpeningSchema);
      const blank = await (await fetch(`${app.url}/`)).text();
      const carried = new RegExp(
        `<script type="application/json" id="${OPENING_ANSWER_ELEMENT_ID}">(.*?)</script>`,
        's',
      ).exec(blank)?.[1];
      expect(carried).toBeDefined();
      const answer = OpeningSchema.parse(JSON.parse(carried as string));
      expect(answer.view?.inspection).toBe(INSPECTION);
      expect(answer).toEqual(answered);
      // Carried, so the browser is not asked to fetch it as well.
      expect(blank).not.toContain(OPENING_PRELOAD);
      const linked = await (await fetch(`${app.url}/?node=${INSPECTION}`)).text();
      expect(linked).not.toContain(OPENING_ANSWER_ELEMENT_ID);
      expect(linked).not.toContain('/api/opening');
      expect(linked).toContain('csp-nonce');
    } finally {
      await app.close();
      await rm(staticDir, { recursive: true, force: true });
    }
  });
});
