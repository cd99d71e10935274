import type { BoundariesSource } from '../boundaries/boundaries-codec.js';

// A scenario pool sends a worker the dataset's tables and the scenario, never a dataset's
// blocks: a run on a dataset with a boundaries file sends its scenario in this envelope, and
// the API's worker (run-worker-api.ts) builds the blocks on its side.
const ENVELOPE = 'tesseraApiRunWithBoundaries';

interface Envelope {
  [ENVELOPE]: true;
  /** The scenario's name, where the pool looks for it to label errors. */
  name: unknown;
  scenario: unknown;
  boundaries: BoundariesSource;
}

/** The scenario to send a worker: as it is, or with the dataset's boundaries file. */
export function withBoundaries(scenario: unknown, boundaries: BoundariesSource | null): unknown {
  if (!boundaries) return scenario;
  const name = (scenario as { name?: unknown } | null)?.name;
  return { [ENVELOPE]: true, name, scenario, boundaries } satisfies Envelope;
}

/** What the worker received: the scenario, and the boundaries file when one came with it. */
export function openEnvelope(value: unknown): {
  scenario: unknown;
  boundaries: BoundariesSource | null;
} {
  if (typeof value === 'object' && value !== null && ENVELOPE in value) {
    const envelope = value as Envelope;
    return { scenario: envelope.scenario, boundaries: envelope.boundaries };
  }
  return { scenario: value, boundaries: null };
}
