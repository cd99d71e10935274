import { formatZodIssue, type StrategyPlugin } from '@tessera/core';
import { z } from 'zod';
import { industrySplitParams } from '../industry/industry-split.js';
import { sizeSplitParams } from '../size/size-split.js';

/** The strategy that builds territories when a pipeline names none. */
export const DEFAULT_TERRITORY_STRATEGY = 'geographic';
/** More stages than this is a mistake, not a plan. */
export const MAX_STAGES = 8;

const stageSchema = z.discriminatedUnion('split', [
  z
    .object({
      split: z.literal('size'),
      params: sizeSplitParams.prefault({}),
    })
    .strict()
    .describe('size tiers by employees and/or annual revenue'),
  z
    .object({
      split: z.literal('industry'),
      params: industrySplitParams.prefault({}),
    })
    .strict()
    .describe('industry verticals, small ones pooled into "other"'),
]);

/**
 * The last stage: a strategy id and its parameters. Given the strategies a pipeline can use,
 * the id must name one of them and the parameters must pass its schema; the issues point
 * into `territories.params`.
 */
export function territoriesSchema(strategies?: readonly StrategyPlugin[]) {
  return z
    .object({
      strategy: z.string().min(1).default(DEFAULT_TERRITORY_STRATEGY),
      params: z.record(z.string(), z.unknown()).default({}),
    })
    .strict()
    .superRefine((value, ctx) => {
      if (!strategies) return;
      const plugin = strategies.find((p) => p.id === value.strategy);
      if (!plugin) {
        const known = strategies.map((p) => p.id).join(', ') || 'none';
        ctx.addIssue({
          code: 'custom',
          path: ['strategy'],
          message: `unknown strategy "${value.strategy}" (known: ${known})`,
        });
        return;
      }
      const parsed = plugin.params.safeParse(value.params);
      if (!parsed.success) {
        // Worded here, where the strategy's schema and the params it read are known: the
        // pipeline's own message formatter only sees these custom issues' text.
        const context = { input: value.params, schema: plugin.params };
        for (const issue of parsed.error.issues) {
          ctx.addIssue({
            code: 'custom',
            path: ['params', ...issue.path],
            message: `${plugin.id}: ${formatZodIssue(issue, context)}`,
          });
        }
      }
    })
    .prefault({})
    .describe('the strategy that builds the territories of each group, and its parameters');
}

/** The pipeline schema; with `strategies`, it also checks the final strategy and its params. */
export function buildPipelineSchema(strategies?: readonly StrategyPlugin[]) {
  return z
    .object({
      name: z.string().optional(),
      description: z.string().optional(),
      stages: z
        .array(stageSchema)
        .max(MAX_STAGES)
        .default([])
        .describe('splits applied in order; each divides every group of the stage before'),
      territories: territoriesSchema(strategies),
    })
    .strict();
}

/**
 * A pipeline written as data, e.g.
 * `{ "stages": [{ "split": "size" }, { "split": "industry", "params": { "minShare": 0.05 } }],
 *    "territories": { "strategy": "geographic", "params": { "tolerance": 0.05 } } }`.
 * This schema checks the shape; the `pipeline` plugin's own schema also checks that the final
 * strategy exists and accepts its parameters.
 */
export const pipelineSchema = buildPipelineSchema();

/** A pipeline as written (defaults may be left out). */
export type PipelineSpec = z.input<typeof pipelineSchema>;
/** A pipeline with every default filled in. */
export type Pipeline = z.output<typeof pipelineSchema>;
export type PipelineStage = Pipeline['stages'][number];

/** The pipeline schema as JSON Schema (draft 2020-12): what the API and the UI validate. */
export function pipelineJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(pipelineSchema, { io: 'input', unrepresentable: 'any' });
}
