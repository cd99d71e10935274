import type { PgBoss, QueueOptions } from 'pg-boss';

/** Every job Tessera queues, by queue name, with its payload. */
export interface JobPayloads {
  'tessera-run': { runId: string };
  'tessera-sweep-point': { sweepId: string; index: number };
  /** A run whose every attempt ended without a result (its worker died, or time ran out). */
  'tessera-run-gave-up': { runId: string };
  'tessera-sweep-point-gave-up': { sweepId: string; index: number };
}
export type QueueName = keyof JobPayloads;

export const RUN_QUEUE = 'tessera-run' satisfies QueueName;
export const SWEEP_POINT_QUEUE = 'tessera-sweep-point' satisfies QueueName;

/** Attempts a job gets before it is given up: the first and `retryLimit` retries. */
export const RETRY_LIMIT = 2;

/**
 * A worker proves it is alive every `heartbeatSeconds / 2`; a job whose heartbeat is older
 * than that is failed by the next supervision pass (of any process) and retried elsewhere.
 */
export const HEARTBEAT_SECONDS = 10;

const work: QueueOptions = {
  retryLimit: RETRY_LIMIT,
  retryDelay: 1,
  expireInSeconds: 6 * 60 * 60,
  heartbeatSeconds: HEARTBEAT_SECONDS,
};

/**
 * The dead-letter queues first: a queue can only name one that exists. A queue made by an
 * older version keeps its heartbeat (pg-boss cannot change it) and gets the rest anew.
 */
export async function createQueues(boss: PgBoss): Promise<void> {
  const gaveUp: QueueOptions = { retryLimit: 5, retryDelay: 5 };
  for (const [queue, deadLetter] of [
    [RUN_QUEUE, 'tessera-run-gave-up'],
    [SWEEP_POINT_QUEUE, 'tessera-sweep-point-gave-up'],
  ] as const) {
    await boss.createQueue(deadLetter, gaveUp);
    await boss.createQueue(queue, { ...work, deadLetter });
    const { heartbeatSeconds: _fixed, ...settings } = work;
    await boss.updateQueue(queue, { ...settings, deadLetter });
  }
}
