// The planner in headless Chromium (SwiftShader WebGL), for `node scripts/bench.ts` (root
// `pnpm bench`), which runs every `*.bench.ts` and reads one JSON line per figure:
//   node apps/web/bench/planner.bench.ts [N accounts, default 100000, at most 200000]
//   node scripts/bench.ts apps/web --sizes 100000
// Figures, each from a fresh server and browser:
//   - the dataset page, navigation → first map render with every account drawn: the map's own
//     bench, map-render.ts, run as it is and its line passed on;
//   - the dataset's load to core's tables and a geographic run in the scenario worker: the
//     worker bench, worker-run.ts, likewise;
//   - the compare page, two geographic scenarios (balanced on workload, on potential): navigation
//     → both runs done in the worker pool, compared, and both maps drawn.
// Passed-on lines get `peakRssMB` (the runner's column) from the child's VmHWM when they lack it:
// the Node side's peak, not Chromium's.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readConfig, startServer } from '@tessera/api';
import { chromium, type Browser, type Page } from 'playwright-core';
import { BUILD_DIR, ensureWebBuild } from '../e2e/build-web.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/chromium.ts';

const rows = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(rows) || rows <= 0) {
  console.error(`N must be a positive integer, got "${process.argv[2] ?? ''}"`);
  process.exit(1);
}
// The API's sample data stops at 200k accounts, and a million-account run on SwiftShader and two
// shared cores takes minutes a repeat: the planner is measured at the 100k.
const MAX_ROWS = 200_000;
if (rows > MAX_ROWS) {
  console.error(
    `planner bench: ${rows.toLocaleString('en-US')} accounts skipped (at most ${MAX_ROWS.toLocaleString('en-US')})`,
  );
  process.exit(0);
}
const TOKEN = 'bench-bootstrap-token-0123456789abcdef';
const TIMEOUT = 600_000;
const ADMIN = { email: 'bench@example.com', password: 'bench-password-1234' };

const peakRssMB = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

await ensureWebBuild((line) => process.stderr.write(`${line}\n`));

/** Runs another bench script of this folder and passes its JSON lines on. */
async function passOn(script: string): Promise<void> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  if (!existsSync(path)) {
    console.error(`planner bench: ${script} is not there, its figures are left out`);
    return;
  }
  const child = spawn(process.execPath, [path, String(rows)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let peakKb = 0;
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const poll = setInterval(() => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(
        readFileSync(`/proc/${String(child.pid)}/status`, 'utf8'),
      );
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // exited between two polls
    }
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`${script} exited with ${String(code)}`);
  for (const line of out.split('\n')) {
    if (!line.startsWith('{')) continue;
    const figure = JSON.parse(line) as Record<string, unknown>;
    figure.peakRssMB ??= Math.round(peakKb / 1024);
    console.log(JSON.stringify(figure));
  }
}

// `--compare-only`: just this file's own figure (the others take minutes each).
if (!process.argv.includes('--compare-only')) {
  await passOn('./map-render.ts');
  await passOn('./worker-run.ts');
}

async function api<T>(url: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as T & { message?: string };
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${answer.message ?? ''}`);
  return answer;
}

/** A fresh context signed in as the first admin, recording main-thread tasks over 50 ms. */
async function signedInPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { benchTasks: number[] }).benchTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const page = await context.newPage();
  await page.goto(`${url}/sign-in`, { waitUntil: 'domcontentloaded' });
  const status = await page.evaluate(
    async ([path, body]) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return response.status;
    },
    ['/trpc/auth.setup', JSON.stringify(ADMIN)] as const,
  );
  if (status !== 200) throw new Error(`signing in answered ${status}`);
  return page;
}

const server = await startServer(
  readConfig({
    PORT: '0',
    TESSERA_DATA: 'memory://',
    HOST: '127.0.0.1',
    TESSERA_BOOTSTRAP_TOKEN: TOKEN,
    TESSERA_WEB_DIR: BUILD_DIR,
    TESSERA_RATE_LIMIT: '100000000',
  }),
  {
    log: {
      info: () => undefined,
      error: (message, error) => {
        console.error(message, error);
      },
    },
  },
);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});
try {
  const reps = Math.max(20, Math.round(rows / 2000));
  const { id: datasetId } = await api<{ id: string }>(server.url, '/api/datasets/sample', {
    accounts: rows,
    reps,
    seed: 1,
  });
  const scenario = (name: string, balanceOn: string) =>
    api<{ id: string }>(server.url, '/api/scenarios', {
      version: 1,
      name,
      dataset: { id: datasetId },
      strategy: { id: 'geographic', params: { balanceOn } },
      seed: 1,
    });
  const a = await scenario('Balanced on workload', 'workload');
  const b = await scenario('Balanced on potential', 'potential');

  const comparePage = await signedInPage(browser, server.url);
  await comparePage.goto(`${server.url}/compare?s=${a.id},${b.id}`, { waitUntil: 'commit' });
  const ready = await comparePage.waitForFunction(
    () => {
      const root = document.querySelector('[data-testid="compare"]');
      if (root?.getAttribute('data-phase') === 'failed') throw new Error('the comparison failed');
      const drawn = document.querySelectorAll(
        '[data-testid="compare-map"] [data-map-ready="true"]',
      );
      return root?.getAttribute('data-comparison-ready') === 'true' && drawn.length === 2
        ? performance.now()
        : 0;
    },
    undefined,
    { polling: 'raf', timeout: TIMEOUT },
  );
  const compareMs = await ready.jsonValue();
  const tasks = await comparePage.evaluate(
    () => (window as unknown as { benchTasks: number[] }).benchTasks,
  );
  const comparedMs = await comparePage.evaluate(
    () => performance.getEntriesByName('tessera:comparison-ready')[0]?.startTime ?? Number.NaN,
  );
  await comparePage.context().close();
  console.log(
    JSON.stringify({
      name: 'compare page: two geographic scenarios, navigation → compared, both maps drawn',
      rows,
      ms: Math.round(compareMs),
      peakRssMB: peakRssMB(),
      reps,
      comparedMs: Math.round(comparedMs),
      longestMainThreadTaskMs: Math.round(Math.max(0, ...tasks)),
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
