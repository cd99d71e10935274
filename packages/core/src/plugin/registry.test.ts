import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Plan } from '../plan/plan.js';
import { definePlugin, type StrategyPlugin } from './contract.js';
import { PluginRegistry } from './registry.js';

const everyoneUnassigned = definePlugin({
  id: 'noop',
  name: 'No-op',
  version: '1.2.3',
  description: 'assigns nothing',
  params: z.object({ k: z.number().int().positive().default(3).describe('territories') }),
  segment: (ctx) => ({ plan: new Plan(new Int32Array(ctx.accounts.length).fill(-1), []) }),
});

describe('PluginRegistry', () => {
  it('lists plugins with their parameters as JSON Schema', () => {
    const [info] = new PluginRegistry([everyoneUnassigned]).list();
    expect(info).toMatchObject({ id: 'noop', version: '1.2.3', description: 'assigns nothing' });
    expect(info!.paramsSchema).toMatchObject({
      type: 'object',
      properties: {
        k: { type: 'integer', default: 3, description: 'territories', exclusiveMinimum: 0 },
      },
    });
  });

  it('names the ids it knows when asked for one it does not', () => {
    expect(() => new PluginRegistry([everyoneUnassigned]).get('geo')).toThrow(
      'unknown strategy "geo" (known: noop)',
    );
  });

  it('refuses duplicates and malformed plugins', () => {
    const registry = new PluginRegistry([everyoneUnassigned]);
    expect(() => registry.register(everyoneUnassigned)).toThrow('already registered');
    const bad = (patch: Partial<StrategyPlugin>) => () =>
      new PluginRegistry([{ ...everyoneUnassigned, ...patch }]);
    expect(bad({ id: 'Not Kebab' })).toThrow('kebab-case');
    expect(bad({ version: 'v1' })).toThrow('semver');
    expect(bad({ params: {} as z.ZodType })).toThrow('zod 4 schema');
    expect(bad({ segment: undefined })).toThrow('segment must be a function');
  });
});
