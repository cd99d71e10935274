import { expect } from 'vitest';
import type { TestServer } from './test-server.js';

/** The module of the test strategies, for `startTestServer(env, { plugins: [...] })`. */
export const TEST_STRATEGIES = new URL('./plugins/test-strategies.ts', import.meta.url).pathname;

export interface RunJson {
  id: string;
  scenarioId: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  message: string;
  metrics?: { coverage: { unassigned: number }; territories: unknown[] };
  territories?: { id: string; accounts: number }[];
  warnings?: string[];
  error?: { code: string; message: string };
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

export function jsonRequest(method: string, body: unknown, token?: string): RequestInit {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return { method, headers, body: JSON.stringify(body) };
}

/** Saves a scenario on `datasetId`; its id. */
export async function saveScenario(
  server: TestServer,
  datasetId: string,
  scenario: Record<string, unknown> = {},
): Promise<string> {
  const response = await server.api(
    '/api/scenarios',
    jsonRequest('POST', {
      version: 1,
      name: 'test scenario',
      dataset: { id: datasetId },
      strategy: { id: 'geographic' },
      ...scenario,
    }),
  );
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Asks for a run of the scenario; its id. */
export async function startRun(server: TestServer, scenarioId: string): Promise<string> {
  const response = await server.api(`/api/scenarios/${scenarioId}/runs`, jsonRequest('POST', {}));
  expect(response.status, await response.clone().text()).toBe(202);
  return ((await response.json()) as { runId: string }).runId;
}

export async function readRun(server: TestServer, runId: string): Promise<RunJson> {
  const response = await server.api(`/api/runs/${runId}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as RunJson;
}

/**
 * Reads the run until `until` holds (default: it finished), every `pollMs`; the statuses seen
 * in order, and the last answer. The test's own timeout bounds the wait.
 */
export async function followRun(
  server: TestServer,
  runId: string,
  until: (run: RunJson) => boolean = (run) =>
    run.status === 'done' || run.status === 'failed' || run.status === 'cancelled',
  pollMs = 25,
): Promise<{ seen: RunJson['status'][]; run: RunJson }> {
  const seen: RunJson['status'][] = [];
  for (;;) {
    const run = await readRun(server, runId);
    if (seen.at(-1) !== run.status) seen.push(run.status);
    if (until(run)) return { seen, run };
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Saves the scenario, runs it and waits for it to be done; the run's id. */
export async function doneRun(
  server: TestServer,
  datasetId: string,
  scenario: Record<string, unknown> = {},
): Promise<string> {
  const runId = await startRun(server, await saveScenario(server, datasetId, scenario));
  const { run } = await followRun(server, runId);
  expect(run.status, JSON.stringify(run.error)).toBe('done');
  return runId;
}
