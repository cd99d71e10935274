import { parseStrategyParams, pluginInfo } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { geographic } from '../geographic/index.js';
import { nearest } from '../nearest/index.js';
import { createPipelinePlugin } from './create-pipeline-plugin.js';
import { pipelineJsonSchema, pipelineSchema } from './pipeline-schema.js';

const plugin = createPipelinePlugin([nearest]);
const problem = (params: unknown): string => {
  try {
    parseStrategyParams(plugin, params);
    return 'valid';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('pipeline schema', () => {
  it('fills in the defaults', () => {
    expect(
      pipelineSchema.parse({
        stages: [{ split: 'size' }, { split: 'industry', params: { minShare: 0.05 } }],
      }),
    ).toEqual({
      stages: [
        {
          split: 'size',
          params: {
            tiers: [
              { id: 'enterprise', name: 'Enterprise', minEmployees: 1000, match: 'any' },
              { id: 'midmarket', name: 'Mid-market', minEmployees: 100, match: 'any' },
              { id: 'smb', name: 'SMB', match: 'any' },
            ],
          },
        },
        { split: 'industry', params: { minShare: 0.05 } },
      ],
      territories: { strategy: 'geographic', params: {} },
    });
  });

  it('names the bad field of a pipeline', () => {
    expect(problem({ stages: [{ split: 'industy' }], territories: { strategy: 'nearest' } })).toBe(
      'strategy "pipeline": parameter "stages.0.split": expected one of "size", "industry", got "industy" (did you mean "industry"?)',
    );
    expect(
      problem({
        stages: [{ split: 'size' }, { split: 'industry', params: { minShare: 2 } }],
        territories: { strategy: 'nearest' },
      }),
    ).toBe('strategy "pipeline": parameter "stages.1.params.minShare": must be at most 1, got 2');
    expect(
      problem({
        stages: [{ split: 'size', params: { tiers: [{ id: 'a', minEmployees: 'many' }] } }],
      }),
    ).toBe(
      'strategy "pipeline": parameter "stages.0.params.tiers.0.minEmployees": expected a number, got "many"',
    );
    expect(problem({ stages: [], territories: { strategy: 'nowhere' } })).toBe(
      'strategy "pipeline": parameter "territories.strategy": unknown strategy "nowhere" (known: nearest)',
    );
    expect(problem({ territories: { strategy: 'nearest', params: { k: 3 } } })).toBe(
      'strategy "pipeline": parameter "territories.params": nearest: unknown key "k" (none are allowed here)',
    );
    expect(problem({ stage: [], territories: { strategy: 'nearest' } })).toBe(
      'strategy "pipeline": parameters: unknown key "stage" (did you mean "stages"?)',
    );
    expect(problem({ stages: Array.from({ length: 9 }, () => ({ split: 'size' })) })).toMatch(
      'strategy "pipeline": parameter "stages": must have at most 8 items, got 9',
    );
  });

  it('words the final strategy’s problems like its own schema would, with a suggestion', () => {
    const withGeographic = createPipelinePlugin([nearest, geographic]);
    const problemOf = (params: unknown): string => {
      try {
        parseStrategyParams(withGeographic, params);
        return 'valid';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problemOf({ territories: { params: { tolerence: 0.05 } } })).toBe(
      'strategy "pipeline": parameter "territories.params": geographic: unknown key "tolerence" (did you mean "tolerance"?)',
    );
    expect(problemOf({ territories: { params: { tolerance: 'tight' } } })).toBe(
      'strategy "pipeline": parameter "territories.params.tolerance": geographic: expected a number, got "tight"',
    );
    expect(problemOf({ territories: { params: { balanceOn: 'potentail' } } })).toBe(
      'strategy "pipeline": parameter "territories.params.balanceOn": geographic: expected one of "workload", "potential", "accounts", got "potentail" (did you mean "potential"?)',
    );
  });

  it('accepts a pipeline whose final strategy is known', () => {
    expect(problem({ stages: [{ split: 'industry' }], territories: { strategy: 'nearest' } })).toBe(
      'valid',
    );
  });

  it('defaults the final strategy to geographic, which must then be among the strategies', () => {
    expect(problem({})).toBe(
      'strategy "pipeline": parameter "territories.strategy": unknown strategy "geographic" (known: nearest)',
    );
  });

  it('exports the schema as JSON Schema for forms and the API', () => {
    const schema = pipelineJsonSchema();
    expect(schema).toMatchObject({
      type: 'object',
      properties: { stages: { type: 'array' }, territories: { type: 'object' } },
      additionalProperties: false,
    });
    expect(JSON.stringify(schema)).toContain('"const":"industry"');
    expect(pluginInfo(plugin).paramsSchema).toMatchObject({ properties: { stages: {} } });
  });
});
