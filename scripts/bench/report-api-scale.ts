/** The api-scale section of the bench's Markdown: the sides, their ratios, and where the cores went. */
import type { ApiScaleSuiteResult, RunFigures } from './api-scale-suite.ts';
import { int, ms, table } from './report-format.ts';
import { QUIET_SHARE, type Settled } from './settle.ts';

/** Where the cores went: CPU ms per request in Neo4j, the app and the client, each side. */
function cpuTable(api: ApiScaleSuiteResult): string[] {
  const measured = api.endpoints.filter((e) => e.app.cpu && e.bare.cpu);
  if (measured.length === 0) return [];
  const cell = (value: number | undefined) => (value === undefined ? '' : value.toFixed(2));
  const total = (cpu: NonNullable<RunFigures['cpu']>) => (cpu.neo4jMs ?? 0) + (cpu.appMs ?? 0) + cpu.clientMs;
  const auto = measured.some((e) => e.bareAuto?.cpu);
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
        ...(auto ? ['bare auto-commit: Neo4j', 'bare auto-commit: script', 'bare auto-commit: total'] : []),
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
          ...(auto
            ? [
                cell(e.bareAuto?.cpu?.neo4jMs),
                cell(e.bareAuto?.cpu?.clientMs),
                e.bareAuto?.cpu ? cell(total(e.bareAuto.cpu)) : '',
              ]
            : []),
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
  // Runs from before the auto-commit bare side was measured render as they did.
  const auto = api.endpoints.some((e) => e.bareAuto);
  const order = auto
    ? 'app, floor, bare, bare auto-commit, bare auto-commit, bare, floor, app'
    : 'app, floor, bare, bare, floor, app';
  return [
    `### api-scale — the app beside a bare neo4j-driver script running the same Cypher, and the HTTP floor between them (the same call behind node:http, nothing else), on ${int(api.nodes)} nodes and ${int(api.relationships)} relationships (scale ${int(api.scale)}); ${api.clients} concurrent connections for ${api.seconds} s per endpoint and side, the sides taking turns (${order}, each for half of its time)`,
    ...(auto
      ? [
          '',
          "The bare script runs each call in a managed read transaction (`session.executeRead`, as the driver's manual has it): app/bare is the figure. It also runs as auto-commit queries in turn on one session, as the app reads (graph/driver.ts), so app/auto-commit shows what the app's own work costs apart from that choice.",
        ]
      : []),
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
        ...(auto ? ['bare auto-commit req/s'] : []),
        'app/bare',
        'floor/bare',
        ...(auto ? ['app/auto-commit'] : []),
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
        ...(auto ? [e.bareAuto ? int(e.bareAuto.requestsPerSecond) : ''] : []),
        `${e.ratio}×`,
        `${e.floorRatio}×`,
        ...(auto ? [e.autoRatio === undefined ? '' : `${e.autoRatio}×`] : []),
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
