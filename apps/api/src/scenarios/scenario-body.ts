import { TesseraError, type PluginRegistry } from '@tessera/core';
import {
  applyEdits,
  parseScenario,
  scenarioJsonSchema,
  type Dataset,
  type Scenario,
} from '@tessera/scenarios';
import { z } from 'zod';
import { ApiError } from '../errors.js';

/** A scenario as stored: the scenario format with its defaults filled in, without `dataset`. */
export type StoredScenario = Omit<Scenario, 'dataset'>;

/** A scenario body the API took apart: the dataset it names and the scenario itself. */
export interface ScenarioBody {
  datasetId: string;
  scenario: StoredScenario;
}

const datasetRef = z.object({ id: z.string().min(1) }).strict();

const EXAMPLE = {
  version: 1,
  name: 'West push',
  dataset: { id: 'ds_…' },
  edits: [
    { type: 'add-rep', rep: { id: 'R100', lat: 39.74, lon: -104.99, capacity: 1200 } },
    {
      type: 'scale',
      measure: 'potential',
      factor: 2,
      accounts: { filter: 'region in ("CA", "OR", "WA")' },
    },
  ],
  strategy: { id: 'geographic', params: { balanceOn: 'potential', tolerance: 0.1 } },
  seed: 1,
};

/**
 * The scenario format with `dataset` naming a stored dataset (`{ "id": "ds_…" }`) instead of
 * files. Over the wire it is any JSON object: {@link parseScenarioBody} checks it against the
 * registry, so a bad body gets the scenario parser's message (`scenario "x": edits[2]…`). The
 * document shows the full schema where the schema is a field (trpc-to-openapi rebuilds a
 * top-level body and keeps only its description and examples, so those say it there).
 */
export const scenarioBodySchema = z.looseObject({}).meta({
  description:
    'A scenario in the scenario format (docs/scenarios.md, @tessera/scenarios/scenario.schema.json) whose `dataset` names a dataset of this workspace: `{ "id": "ds_…" }`.',
  examples: [EXAMPLE],
  // Typed here: `override` is zod-openapi's addition to zod's meta, which a program reaching
  // this file without zod-openapi (the CLI's typecheck, through the commands) does not know.
  override: ({ jsonSchema }: { jsonSchema: object }) => {
    // The rendered schema is replaced whole, so nothing of the loose object's is left behind.
    for (const key of Object.keys(jsonSchema)) Reflect.deleteProperty(jsonSchema, key);
    Object.assign(jsonSchema, structuredClone(apiScenarioJsonSchema()));
  },
});

/**
 * Validates a scenario body: the dataset reference, then the scenario with the workspace's
 * strategies (unknown strategy, bad parameters, bad edits), each refused as INVALID with the
 * parser's message.
 */
export function parseScenarioBody(
  input: Record<string, unknown>,
  registry: PluginRegistry,
): ScenarioBody {
  const { dataset, ...rest } = input;
  const ref = datasetRef.safeParse(dataset);
  if (!ref.success) {
    throw new ApiError(
      'INVALID',
      `${labelOf(input)}: dataset: must be { "id": "<dataset id>" }, naming a dataset of this workspace`,
    );
  }
  try {
    const { dataset: _files, ...scenario } = parseScenario(rest, { registry });
    return { datasetId: ref.data.id, scenario };
  } catch (error) {
    if (error instanceof TesseraError) throw new ApiError('INVALID', error.message);
    throw error;
  }
}

/**
 * Applies the scenario's edits to its dataset once, so an edit that cannot apply (a rep or
 * account the dataset lacks) is refused when the scenario is saved, not when it runs.
 */
export function checkEditsApply(dataset: Dataset, body: ScenarioBody): void {
  try {
    applyEdits(dataset, body.scenario);
  } catch (error) {
    if (error instanceof TesseraError) {
      throw new ApiError('INVALID', `${labelOf(body.scenario)}: ${error.message}`);
    }
    throw error;
  }
}

/** The scenario as the API answers it: with its dataset reference back in. */
export function scenarioWithDataset(
  scenario: StoredScenario,
  datasetId: string,
): Record<string, unknown> {
  return { ...scenario, dataset: { id: datasetId } };
}

/** The scenario's name as the parser shows it in messages. */
function labelOf(input: Record<string, unknown>): string {
  return typeof input.name === 'string' && input.name !== ''
    ? `scenario "${input.name}"`
    : 'scenario';
}

let documented: Record<string, unknown> | null = null;

/** The scenario format's JSON Schema with `dataset` as the API takes it. */
function apiScenarioJsonSchema(): Record<string, unknown> {
  if (documented) return documented;
  const { $schema: _draft, ...schema } = scenarioJsonSchema() as {
    $schema?: string;
    properties: Record<string, unknown>;
    required?: string[];
  };
  documented = {
    ...schema,
    properties: {
      ...schema.properties,
      dataset: {
        type: 'object',
        description: 'the stored dataset the scenario applies to',
        properties: { id: { type: 'string', minLength: 1 } },
        required: ['id'],
        additionalProperties: false,
      },
    },
    required: [...new Set([...(schema.required ?? []), 'dataset'])],
  };
  return documented;
}
