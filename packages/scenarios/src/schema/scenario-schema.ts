import { TesseraError, type PluginRegistry } from '@tessera/core';
import { z } from 'zod';
import { areaGeometrySchema } from '../filter/index.js';
import { describeIssue } from './describe-issue.js';
import { editSchema } from './edit-schema.js';

/** The version of the scenario format this package writes and reads. */
export const SCENARIO_VERSION = 1;

/** The strategy a scenario runs when it names none. */
export const DEFAULT_SCENARIO_STRATEGY = 'geographic';

const strategySchema = z
  .object({
    id: z.string().min(1).describe('strategy id, e.g. geographic, rep-skill, pipeline'),
    params: z
      .record(z.string(), z.unknown())
      .default({})
      .describe("the strategy's parameters (its JSON Schema: `tessera plugins <id>`)"),
  })
  .strict();

/**
 * A what-if scenario: a dataset, edits applied in order to a copy of it, and the strategy that
 * builds the territories, with a seed. Same dataset, scenario and seed → the same plan.
 */
export const scenarioSchema = z
  .object({
    version: z
      .literal(SCENARIO_VERSION, { error: `only scenario version ${SCENARIO_VERSION} is known` })
      .describe('format version'),
    name: z.string().min(1, 'must not be empty'),
    description: z.string().optional(),
    dataset: z
      .object({
        accounts: z.string().min(1).describe('accounts.csv, relative to the scenario file'),
        reps: z.string().min(1).describe('reps.csv, relative to the scenario file'),
        baseline: z
          .string()
          .min(1)
          .optional()
          .describe("today's plan.csv; default: the accounts' owner column"),
        units: z
          .object({
            geojson: z
              .string()
              .min(1)
              .describe(
                'a GeoJSON FeatureCollection of the building blocks, relative to the scenario file',
              ),
            id: z
              .string()
              .min(1)
              .optional()
              .describe(
                "the property holding each block's id (NUTS_ID); default: the feature's id",
              ),
            name: z.string().min(1).optional().describe("the property holding each block's name"),
          })
          .strict()
          .optional()
          .describe(
            'a boundaries file: territories are built from its blocks (geographic units "blocks")',
          ),
      })
      .strict()
      .optional()
      .describe('where the data lives; hosts that hold the data themselves leave it out'),
    areas: z
      .record(z.string().min(1), areaGeometrySchema)
      .default({})
      .describe('named GeoJSON polygons that filters use with `within "name"`'),
    edits: z.array(editSchema).default([]).describe('applied in order'),
    strategy: strategySchema
      .default({ id: DEFAULT_SCENARIO_STRATEGY, params: {} })
      .describe('the strategy (a pipeline is a strategy too) and its parameters'),
    seed: z.union([z.string(), z.number()]).default(0).describe('random seed of the strategy'),
  })
  .strict();

/** A scenario as written (defaults may be left out). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;

export interface ParseScenarioOptions {
  /** When given, the strategy must be one of it and its parameters must pass its schema. */
  registry?: PluginRegistry;
}

/**
 * Validates scenario JSON, naming the scenario and the first bad field in plain words, e.g.
 * `scenario "west-push": edits[2].factor: must be at least 0, got -1` or
 * `scenario "west-push": edits[0]: unknown key "acounts" (did you mean "accounts"?)`.
 */
export function parseScenario(input: unknown, options: ParseScenarioOptions = {}): Scenario {
  const parsed = scenarioSchema.safeParse(input);
  const label = scenarioLabel(input);
  if (!parsed.success) {
    throw new TesseraError(
      'INVALID_SCENARIO',
      `${label}: ${describeIssue(parsed.error, { input, schema: scenarioSchema })}`,
    );
  }
  const scenario = parsed.data;
  if (options.registry) {
    let plugin;
    try {
      plugin = options.registry.get(scenario.strategy.id);
    } catch (error) {
      if (!(error instanceof TesseraError)) throw error;
      throw new TesseraError('INVALID_SCENARIO', `${label}: strategy.id: ${error.message}`, {
        cause: error,
      });
    }
    const raw = scenario.strategy.params;
    const params = plugin.params.safeParse(raw);
    if (!params.success) {
      const context = { input: raw, schema: plugin.params };
      throw new TesseraError(
        'INVALID_SCENARIO',
        `${label}: ${describeIssue(params.error, context, ['strategy', 'params'])}`,
      );
    }
  }
  return scenario;
}

function scenarioLabel(input: unknown): string {
  const name =
    typeof input === 'object' && input !== null && 'name' in input ? input.name : undefined;
  return typeof name === 'string' && name !== '' ? `scenario "${name}"` : 'scenario';
}

/** The scenario schema as JSON Schema (draft 2020-12): what the API and the UI validate. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}
