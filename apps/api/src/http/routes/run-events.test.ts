import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRequest, saveScenario, startRun, TEST_STRATEGIES } from '../../testing/run-helpers.js';
import { seedDataset } from '../../testing/seed-dataset.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';
import { addWorkspace } from '../../testing/workspace-tokens.js';

let server: TestServer;
let datasetId: string;

// A short request timeout: the stream must outlast it.
beforeAll(async () => {
  server = await startTestServer(
    { TESSERA_REQUEST_TIMEOUT_S: '1' },
    { plugins: [TEST_STRATEGIES] },
  );
  datasetId = await seedDataset(server, { accounts: 300, reps: 5 });
});
afterAll(async () => {
  await server.close();
});

interface SseEvent {
  event: string;
  data: { status: string; progress: number; message: string; code?: string };
}

/** Reads the stream to its end, calling `onEvent` for each event as it arrives. */
async function readEvents(
  response: Response,
  onEvent: (event: SseEvent) => Promise<void> | void = () => undefined,
): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let buffered = '';
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    buffered += decoder.decode(read.value, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const field = (name: string) =>
        block
          .split('\n')
          .find((line) => line.startsWith(`${name}:`))
          ?.slice(name.length + 1)
          .trim();
      const event = {
        event: field('event') ?? 'message',
        data: JSON.parse(field('data') ?? 'null') as SseEvent['data'],
      };
      events.push(event);
      await onEvent(event);
    }
  }
  return events;
}

describe('GET /api/runs/{runId}/events', () => {
  it('streams progress events until the run is cancelled, past the request timeout', async () => {
    const scenarioId = await saveScenario(server, datasetId, {
      strategy: { id: 'test-until-cancelled' },
    });
    const runId = await startRun(server, scenarioId);
    const response = await server.api(`/api/runs/${runId}/events`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    let firstRunning: number | null = null;
    const events = await readEvents(response, async (event) => {
      if (event.data.status !== 'running') return;
      firstRunning ??= Date.now();
      // Cancel once the stream has outlived the 1 s request timeout.
      if (Date.now() - firstRunning > 1500) {
        const cancel = await server.api(`/api/runs/${runId}/cancel`, jsonRequest('POST', {}));
        if (cancel.status !== 200) expect(cancel.status).toBe(409); // a second cancel
      }
    });
    expect(events.every((e) => e.event === 'progress')).toBe(true);
    expect(events.at(-1)?.data.status).toBe('cancelled');
    expect(events.filter((e) => e.data.status === 'running').length).toBeGreaterThan(1);
  });

  it('answers 404 as JSON before streaming for an unknown run or another workspace', async () => {
    const scenarioId = await saveScenario(server, datasetId, {});
    const runId = await startRun(server, scenarioId);
    const other = await addWorkspace(server);
    for (const [path, token] of [
      [`/api/runs/run_nothing/events`, server.token],
      [`/api/runs/${runId}/events`, other.token],
    ] as const) {
      const response = await server.api(path, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe('NOT_FOUND');
    }
    expect((await fetch(`${server.url}/api/runs/${runId}/events`)).status).toBe(401);
  });
});
