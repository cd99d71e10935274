// Reads under load: autocannon on loopback against GET /api/scenarios/{id} and GET
// /api/runs/{id} (a done run: its metrics and a row per territory) of the built server, on
// PGlite, or on PostgreSQL when DATABASE_URL is set. N is the dataset's accounts (a run's
// answer does not grow with it: above 100k the figures would only repeat).
//   pnpm --filter @tessera/api... build && node apps/api/bench/read.bench.ts [N]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node apps/api/bench/read.bench.ts
// One JSON line per path: req/s (mean), latency p50/p99 in ms, non-2xx answers.
import autocannon from 'autocannon';
import { rssMB, runBenchScenario, startBenchServer, TOKEN } from './bench-server.ts';

const n = Number(process.argv[2] ?? 100_000);
if (n > 100_000) {
  process.stderr.write('read bench: skipped above 100,000 accounts\n');
  process.exit(0);
}
const DURATION_S = 10;
const CONNECTIONS = 10;

const server = await startBenchServer();
try {
  const reps = Math.max(10, Math.round(n / 2000));
  const dataset = await server.call<{ id: string }>('POST', '/api/datasets/sample', {
    accounts: n,
    reps,
    seed: 1,
  });
  const { scenarioId, runId } = await runBenchScenario(server, dataset.id);

  for (const [name, path] of [
    ['GET /api/scenarios/{id}', `/api/scenarios/${scenarioId}`],
    ['GET /api/runs/{id}', `/api/runs/${runId}`],
  ] as const) {
    const options = {
      url: `${server.url}${path}`,
      headers: { authorization: `Bearer ${TOKEN}` },
      connections: CONNECTIONS,
    };
    await autocannon({ ...options, duration: 2 }); // warm-up: JIT, caches, pool connections
    const result = await autocannon({ ...options, duration: DURATION_S });
    console.log(
      JSON.stringify({
        name: `${name} (${server.storage}, ${CONNECTIONS} connections)`,
        rows: n,
        ms: DURATION_S * 1000,
        peakRssMB: rssMB(server.pid, 'VmHWM'),
        reqPerSec: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
        kBPerAnswer: Math.round(result.throughput.average / result.requests.average / 1024),
      }),
    );
  }
} finally {
  await server.stop();
}
