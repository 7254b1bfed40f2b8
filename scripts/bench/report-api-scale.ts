/** The api-scale section of the bench's Markdown: the three sides, their ratios, and where the cores went. */
import type { ApiScaleSuiteResult, RunFigures } from './api-scale-suite.ts';
import { int, ms, table } from './report-format.ts';
import { QUIET_SHARE, type Settled } from './settle.ts';

/** Where the cores went: CPU ms per request in Neo4j, the app and the client, each side. */
function cpuTable(api: ApiScaleSuiteResult): string[] {
  const measured = api.endpoints.filter((e) => e.app.cpu && e.bare.cpu);
  if (measured.length === 0) return [];
  const cell = (value: number | undefined) => (value === undefined ? '' : value.toFixed(2));
  const total = (cpu: NonNullable<RunFigures['cpu']>) => (cpu.neo4jMs ?? 0) + (cpu.appMs ?? 0) + cpu.clientMs;
  return [
    '',
    'CPU time per request, in ms, in each process (from /proc; the client is the bench process: the HTTP client for the app and the floor, the script and its driver for bare; the floor\'s server is in the "server" column). With every core busy, requests per second are about the cores divided by the total.',
    '',
    table(
      [
        'endpoint',
        'app: Neo4j',
        'app: app',
        'app: client',
        'app: total',
        'floor: Neo4j',
        'floor: server',
        'floor: client',
        'floor: total',
        'bare: Neo4j',
        'bare: script',
        'bare: total',
      ],
      measured.map((e) => {
        const app = e.app.cpu as NonNullable<RunFigures['cpu']>;
        const floor = e.floor.cpu;
        const bare = e.bare.cpu as NonNullable<RunFigures['cpu']>;
        return [
          e.name,
          cell(app.neo4jMs),
          cell(app.appMs),
          cell(app.clientMs),
          cell(total(app)),
          cell(floor?.neo4jMs),
          cell(floor?.appMs),
          cell(floor?.clientMs),
          floor ? cell(total(floor)) : '',
          cell(bare.neo4jMs),
          cell(bare.clientMs),
          cell(total(bare)),
        ];
      }),
    ),
  ];
}

function settledLine(settled: Settled): string {
  const waited = `${(settled.waitedMs / 1000).toFixed(1)} s`;
  return `Before the first request, the bench waited for Neo4j to finish its own work after the load: ${
    settled.quiet === undefined
      ? 'its CPU could not be read, so nothing was waited for'
      : settled.quiet
        ? `quiet (under ${Math.round(QUIET_SHARE * 100)}% of a core over 2 s) after ${waited}`
        : `still busy after ${waited}, when the wait gave up`
  }.`;
}

export function apiScaleSection(api: ApiScaleSuiteResult): string {
  return [
    `### api-scale — the app beside a bare neo4j-driver script running the same Cypher, and the HTTP floor between them (the same call behind node:http, nothing else), on ${int(api.nodes)} nodes and ${int(api.relationships)} relationships (scale ${int(api.scale)}); ${api.clients} concurrent connections for ${api.seconds} s per endpoint and side, the sides taking turns (app, floor, bare, bare, floor, app, each for half of its time)`,
    ...(api.settled ? ['', settledLine(api.settled)] : []),
    '',
    table(
      [
        'endpoint',
        'app req/s',
        'app p50 / p95 / p99 ms',
        'app errors',
        'floor req/s',
        'bare req/s',
        'bare p50 / p95 / p99 ms',
        'app/bare',
        'floor/bare',
        'db hits (PROFILE)',
        'scans',
      ],
      api.endpoints.map((e) => [
        `${e.name} \`${e.path}\``,
        int(e.app.requestsPerSecond),
        `${ms(e.app.p50Ms)} / ${ms(e.app.p95Ms)} / ${ms(e.app.p99Ms)}`,
        int(e.app.errors),
        int(e.floor.requestsPerSecond),
        int(e.bare.requestsPerSecond),
        `${ms(e.bare.p50Ms)} / ${ms(e.bare.p95Ms)} / ${ms(e.bare.p99Ms)}`,
        `${e.ratio}×`,
        `${e.floorRatio}×`,
        int(e.profile.dbHits),
        e.profile.scans.length > 0 ? e.profile.scans.join(', ') : 'none',
      ]),
    ),
    '',
    `The neighbours request asks for the busiest document (${api.hub.id}, ${int(api.hub.degree)} relationships), capped at 500.`,
    ...cpuTable(api),
    ...Object.entries(api.errors).map(([name, message]) => `\nFailed: ${name}: ${message}`),
  ].join('\n');
}
