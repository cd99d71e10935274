import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../routers/app-router.js';
import { jsonRequest, saveScenario, startRun, TEST_STRATEGIES } from '../testing/run-helpers.js';
import { seedDataset } from '../testing/seed-dataset.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { addWorkspace } from '../testing/workspace-tokens.js';

let server: TestServer;
let datasetId: string;

beforeAll(async () => {
  server = await startTestServer({}, { plugins: [TEST_STRATEGIES] });
  datasetId = await seedDataset(server, { accounts: 2000, reps: 10 });
});
afterAll(async () => {
  await server.close();
});

/** The web app's client: subscriptions over SSE, the rest batched; the token on both. */
function client(token: string) {
  const url = `${server.url}/trpc`;
  const authorization = `Bearer ${token}`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          EventSource,
          eventSourceOptions: {
            fetch: (input, init) =>
              fetch(input, { ...init, headers: { ...init.headers, authorization } }),
          },
        }),
        false: httpBatchLink({ url, headers: { authorization } }),
      }),
    ],
  });
}

type Event = { status: string; progress: number; message: string };

describe('runs.progress over server-sent events', () => {
  it('streams a run from its current state to done, then ends', async () => {
    const scenarioId = await saveScenario(server, datasetId, {
      name: 'watched',
      strategy: { id: 'geographic', params: { balanceOn: 'workload' } },
    });
    const runId = await startRun(server, scenarioId);
    const events: Event[] = [];
    for await (const event of client(server.token).runs.progress.subscribe({ runId })) {
      events.push(event);
    }
    const statuses = [...new Set(events.map((e) => e.status))];
    expect(['queued', 'running', 'done'].filter((s) => statuses.includes(s))).toEqual(statuses);
    expect(events.at(-1)).toEqual({ status: 'done', progress: 1, message: 'done' });
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.progress).toBeGreaterThanOrEqual(events[i - 1]!.progress);
    }
  });

  it('ends with cancelled when the run is cancelled while watched', async () => {
    const scenarioId = await saveScenario(server, datasetId, {
      name: 'cancelled while watched',
      strategy: { id: 'test-until-cancelled' },
    });
    const runId = await startRun(server, scenarioId);
    const events: Event[] = [];
    let cancelled: Response | null = null;
    for await (const event of client(server.token).runs.progress.subscribe({ runId })) {
      events.push(event);
      if (event.status === 'running' && !cancelled) {
        cancelled = await server.api(`/api/runs/${runId}/cancel`, jsonRequest('POST', {}));
      }
    }
    expect(cancelled?.status).toBe(200);
    expect(events.some((e) => e.status === 'running')).toBe(true);
    expect(events.at(-1)?.status).toBe('cancelled');
  });

  it('lets the server stop while a client watches a run that goes on', async () => {
    const stopping = await startTestServer({}, { plugins: [TEST_STRATEGIES] });
    const dataset = await seedDataset(stopping, { accounts: 50, reps: 3 });
    const scenarioId = await saveScenario(stopping, dataset, {
      strategy: { id: 'test-until-cancelled' },
    });
    const runId = await startRun(stopping, scenarioId);
    const watcher = createTRPCClient<AppRouter>({
      links: [
        httpSubscriptionLink({
          url: `${stopping.url}/trpc`,
          EventSource,
          eventSourceOptions: {
            fetch: (input, init) =>
              fetch(input, {
                ...init,
                headers: { ...init.headers, authorization: `Bearer ${stopping.token}` },
              }),
          },
        }),
      ],
    });
    let first!: () => void;
    const watching = new Promise<void>((resolve) => {
      first = resolve;
    });
    const subscription = watcher.runs.progress.subscribe(
      { runId },
      {
        onData: () => {
          first();
        },
      },
    );
    try {
      await watching;
      // Resolves only if the open stream ends: the test's timeout is the failure.
      await stopping.close();
    } finally {
      subscription.unsubscribe();
    }
  });

  it("refuses an unknown run, or another workspace's, as NOT_FOUND", async () => {
    const scenarioId = await saveScenario(server, datasetId, { name: 'private' });
    const runId = await startRun(server, scenarioId);
    const other = await addWorkspace(server);
    for (const [token, id] of [
      [server.token, 'run_nothing'],
      [other.token, runId],
    ] as const) {
      const failure = await (async () => {
        try {
          for await (const _event of client(token).runs.progress.subscribe({ runId: id })) {
            // An event would be a leak.
            return 'streamed';
          }
          return 'ended';
        } catch (error) {
          return error;
        }
      })();
      expect(failure).toBeInstanceOf(TRPCClientError);
      const error = failure as TRPCClientError<AppRouter>;
      expect(error.data?.code).toBe('NOT_FOUND');
      expect(error.message).toBe(`run "${id}" not found`);
    }
  });
});
