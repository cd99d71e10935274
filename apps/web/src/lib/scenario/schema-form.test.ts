import { geographic, pipeline, repSkill } from '@tessera/plugins';
import { pluginInfo } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import {
  fieldSpec,
  formFields,
  initialValue,
  labelOf,
  rangeText,
  variantOf,
} from './schema-form.ts';

const schemaOf = (plugin: Parameters<typeof pluginInfo>[0]) => pluginInfo(plugin).paramsSchema;

describe('formFields', () => {
  it('draws the geographic strategy: numbers with ranges and defaults, enums, a choice, text', () => {
    const fields = formFields(schemaOf(geographic));
    const byKey = new Map(fields.map((f) => [f.key, f]));
    expect(byKey.get('k')?.spec).toEqual({
      kind: 'number',
      integer: true,
      min: 1,
      max: undefined,
      exclusiveMin: undefined,
      exclusiveMax: undefined,
      default: undefined,
    });
    expect(byKey.get('tolerance')?.spec).toMatchObject({ kind: 'number', min: 0, default: 0.05 });
    expect(byKey.get('centers')?.spec).toEqual({
      kind: 'enum',
      options: ['homes', 'free', 'reps'],
      default: 'homes',
    });
    expect(byKey.get('seed')?.spec.kind).toBe('text-or-number');
    expect(byKey.get('continuityWeight')?.label).toBe('Continuity weight');
    expect(byKey.get('tolerance')?.description).toMatch(/Allowed relative deviation/);

    const balanceOn = byKey.get('balanceOn')!.spec;
    expect(balanceOn.kind).toBe('choice');
    if (balanceOn.kind !== 'choice') return;
    expect(balanceOn.variants.map((v) => v.spec.kind)).toEqual(['enum', 'object']);
    expect(variantOf(balanceOn.variants, 'potential')).toBe(0);
    expect(variantOf(balanceOn.variants, { workload: 0.7 })).toBe(1);
    expect(variantOf(balanceOn.variants, undefined)).toBe(-1);
    const mix = balanceOn.variants[1]!.spec;
    expect(mix.kind === 'object' && mix.fields.map((f) => f.key)).toEqual([
      'workload',
      'potential',
      'accounts',
    ]);
  });

  it('keeps an exclusive minimum', () => {
    const spec = formFields(schemaOf(repSkill)).find((f) => f.key === 'mismatchPenaltyKm')!.spec;
    expect(spec).toMatchObject({ kind: 'number', exclusiveMin: 0 });
    expect(spec.kind === 'number' && rangeText(spec)).toBe('a number, above 0');
  });

  it('edits lists and open maps as JSON, nested fixed objects as fields', () => {
    const fields = formFields(schemaOf(pipeline));
    expect(fields.find((f) => f.key === 'stages')?.spec.kind).toBe('json');
    const territories = fields.find((f) => f.key === 'territories')!.spec;
    expect(territories.kind).toBe('object');
    if (territories.kind !== 'object') return;
    expect(territories.fields.map((f) => [f.key, f.spec.kind])).toEqual([
      ['strategy', 'text'],
      ['params', 'json'],
    ]);
  });

  it('reads booleans and consts', () => {
    expect(fieldSpec({ type: 'boolean', default: true })).toEqual({
      kind: 'boolean',
      default: true,
    });
    expect(fieldSpec({ type: 'string', const: 'size' })).toEqual({
      kind: 'enum',
      options: ['size'],
      default: 'size',
    });
  });
});

describe('rangeText', () => {
  it('says the bounds in words', () => {
    expect(rangeText({ kind: 'number', integer: false, min: 0, max: 1 })).toBe(
      'a number from 0 to 1',
    );
    expect(rangeText({ kind: 'number', integer: true, min: 1 })).toBe('a whole number, at least 1');
    expect(rangeText({ kind: 'number', integer: false })).toBeNull();
  });
});

describe('initialValue and labelOf', () => {
  it('starts an enum on its default or first option, an object empty', () => {
    expect(initialValue({ kind: 'enum', options: ['a', 'b'] })).toBe('a');
    expect(initialValue({ kind: 'object', fields: [] })).toEqual({});
  });

  it('turns keys into words', () => {
    expect(labelOf('mismatchPenaltyKm')).toBe('Mismatch penalty km');
    expect(labelOf('min_share')).toBe('Min share');
    expect(labelOf('k')).toBe('k');
  });
});
