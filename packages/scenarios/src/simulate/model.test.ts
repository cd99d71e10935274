import { TesseraError } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DEFAULT_RESPONSE_MODEL,
  responseSaturation,
  responseShare,
  simulationOptionsSchema,
} from './model.js';
import { parseSimulationOptions } from './simulate.js';

describe('responseShare', () => {
  it('is 0 without effort, 1 at full coverage, with slope ε there', () => {
    expect(responseShare(0, 0.3)).toBe(0);
    expect(responseShare(1, 0.3)).toBe(1);
    const h = 1e-6;
    expect((responseShare(1 + h, 0.3) - responseShare(1 - h, 0.3)) / (2 * h)).toBeCloseTo(0.3, 8);
  });

  it('is x / (ε + (1 − ε)x)', () => {
    expect(responseShare(0.5, 0.3)).toBeCloseTo(0.5 / 0.65, 15);
    expect(responseShare(1.5, 0.3)).toBeCloseTo(1.5 / 1.35, 15);
    expect(responseShare(2, 0.5)).toBeCloseTo(2 / 1.5, 15);
  });

  it('is concave and rises towards 1 / (1 − ε)', () => {
    expect(responseSaturation(0.3)).toBeCloseTo(1 / 0.7, 15);
    expect(responseShare(1e9, 0.3)).toBeCloseTo(responseSaturation(0.3), 6);
    let previousGain = Infinity;
    for (let x = 0; x < 3; x += 0.25) {
      const gain = responseShare(x + 0.25, 0.3) - responseShare(x, 0.3);
      expect(gain).toBeGreaterThan(0);
      expect(gain).toBeLessThan(previousGain);
      previousGain = gain;
    }
  });

  it('treats negative and NaN coverage as no effort', () => {
    expect(responseShare(-1, 0.3)).toBe(0);
    expect(responseShare(Number.NaN, 0.3)).toBe(0);
  });
});

describe('simulation options', () => {
  it('fill in every default', () => {
    const options = simulationOptionsSchema.parse({});
    expect(options).toEqual({ draws: 1000, seed: 0, model: DEFAULT_RESPONSE_MODEL });
    expect(DEFAULT_RESPONSE_MODEL).toMatchObject({
      retention: 0.5,
      elasticity: 0.3,
      maxCoverage: 1.5,
      allocation: 'priority',
    });
  });

  it('keep the defaults of the model parameters not given', () => {
    const options = parseSimulationOptions({ model: { retention: 0.8 } });
    expect(options.model).toEqual({ ...DEFAULT_RESPONSE_MODEL, retention: 0.8 });
  });

  it.each([
    [{ draws: 0 }, 'simulation option "draws": must be at least 1, got 0'],
    [{ draws: 2.5 }, 'simulation option "draws": expected a whole number, got 2.5'],
    [{ draws: 1e6 }, 'simulation option "draws": must be at most 10000, got 1000000'],
    [{ draws: '10' }, 'simulation option "draws": expected a number, got "10"'],
    [{ seed: Number.NaN }, 'simulation option "seed": expected a string or a number, got NaN'],
    [
      { model: { retention: 1.5 } },
      'simulation option "model.retention": must be at most 1, got 1.5',
    ],
    [
      { model: { elasticity: 1 } },
      'simulation option "model.elasticity": must be less than 1, got 1',
    ],
    [{ model: { speedKmh: 0 } }, 'simulation option "model.speedKmh": must be more than 0, got 0'],
    [
      { model: { allocation: 'proportionate' } },
      'simulation option "model.allocation": expected one of "priority", "proportional", got "proportionate" (did you mean "proportional"?)',
    ],
    [
      { model: { retension: 0.5 } },
      'simulation option "model": unknown key "retension" (did you mean "retention"?)',
    ],
    [{ drafts: 10 }, 'simulation options: unknown key "drafts" (did you mean "draws"?)'],
    [{ colour: 'red' }, 'simulation options: unknown key "colour" (known: draws, seed, model)'],
    [
      { model: { industryCorrelation: 0.8, regionCorrelation: 0.4 } },
      'simulation option "model.regionCorrelation": industryCorrelation + regionCorrelation must be at most 1',
    ],
    [{ draws: -1, model: { retention: 2 } }, '(and 1 more)'],
  ])('reject %j', (options, message) => {
    expect(() => parseSimulationOptions(options)).toThrow(TesseraError);
    expect(() => parseSimulationOptions(options)).toThrow(message);
    try {
      parseSimulationOptions(options);
    } catch (error) {
      expect((error as TesseraError).code).toBe('INVALID_OPTIONS');
    }
  });

  it('export as JSON Schema for forms and API validation', () => {
    const schema = z.toJSONSchema(simulationOptionsSchema, { io: 'input' });
    expect(schema).toMatchObject({
      type: 'object',
      properties: {
        draws: { type: 'integer', default: 1000, minimum: 1, maximum: 10000 },
        model: { properties: { retention: { default: 0.5, minimum: 0, maximum: 1 } } },
      },
    });
  });

  it('accept undefined as no options', () => {
    expect(parseSimulationOptions(undefined).draws).toBe(1000);
  });
});
