// GET /api/datasets/{id}/columns: what a browser downloads to load a dataset, per encoding.
// N generated accounts (N/2000 reps) uploaded as CSV to the built server (PGlite in a temp
// folder), then each encoding fetched over loopback, the tables already decoded in the server's
// dataset store (as after an import or a run).
//   pnpm --filter @tessera/api... build && node apps/api/bench/dataset-columns.bench.ts [N]
// One JSON line per encoding: ms (median of 3, request to last byte), the bytes on the wire and
// uncompressed, and decodeMs: the column frame read back into core's tables (in this process).
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync, zstdDecompressSync } from 'node:zlib';
import { decodeColumnFrame } from '@tessera/core';
import { datasetFromData, type DatasetData } from '@tessera/scenarios';
import { rssMB, startBenchServer, TOKEN } from './bench-server.ts';
import { uploadSample } from './upload-sample.ts';

const rows = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error(`N must be a positive integer, got "${process.argv[2] ?? ''}"`);
  process.exit(1);
}
const REPEATS = 3;

/** The body as sent (node:http does not decompress), and how long it took to arrive. */
function download(
  url: string,
  encoding: string,
): Promise<{ ms: number; body: Buffer; sent: string }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { authorization: `Bearer ${TOKEN}`, 'accept-encoding': encoding } },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({
            ms: performance.now() - start,
            body: Buffer.concat(chunks),
            sent: res.headers['content-encoding'] ?? 'identity',
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const decompress: Record<string, (bytes: Buffer) => Buffer> = {
  identity: (bytes) => bytes,
  zstd: zstdDecompressSync,
  br: brotliDecompressSync,
  gzip: gunzipSync,
};

const server = await startBenchServer({ TESSERA_MAX_BODY_MB: '2048' });
try {
  const id = await uploadSample(server.url, {
    accounts: rows,
    reps: Math.max(10, Math.round(rows / 2000)),
    name: `bench ${rows}`,
  });
  const url = `${server.url}/api/datasets/${id}/columns`;

  for (const encoding of ['identity', 'zstd', 'br', 'gzip']) {
    const times: number[] = [];
    let last: { body: Buffer; sent: string } | undefined;
    for (let i = 0; i < REPEATS; i++) {
      const got = await download(url, encoding);
      if (got.sent !== encoding) throw new Error(`asked for ${encoding}, got ${got.sent}`);
      times.push(got.ms);
      last = got;
    }
    const raw = decompress[encoding]!(last!.body);
    const start = performance.now();
    const dataset = datasetFromData(decodeColumnFrame(raw) as DatasetData);
    const decodeMs = performance.now() - start;
    if (dataset.accounts.length !== rows) throw new Error('the frame lost accounts');
    console.log(
      JSON.stringify({
        name: `GET /api/datasets/{id}/columns (${encoding})`,
        rows,
        ms: Math.round(times.sort((a, b) => a - b)[Math.floor(REPEATS / 2)]!),
        peakRssMB: rssMB(server.pid, 'VmHWM'),
        wireMB: +(last!.body.byteLength / 1024 / 1024).toFixed(2),
        rawMB: +(raw.byteLength / 1024 / 1024).toFixed(2),
        decodeMs: +decodeMs.toFixed(1),
      }),
    );
  }
} finally {
  await server.stop();
}
