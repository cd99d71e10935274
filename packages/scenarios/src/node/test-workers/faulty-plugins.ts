// Strategies that misbehave on purpose, for the scenario pool's failure tests.
import { definePlugin, TesseraError } from '@tessera/core';
import { z } from 'zod';

const noParams = z.object({}).strict();

/** Throws a plain Error, as a buggy plugin would. */
export const explode = definePlugin({
  id: 'explode',
  name: 'Explode',
  version: '1.0.0',
  description: 'Throws.',
  params: noParams,
  segment() {
    throw new Error('explode: the plugin broke');
  },
});

/** Spins forever without yielding: only terminating its worker stops it. */
export const hang = definePlugin({
  id: 'hang',
  name: 'Hang',
  version: '1.0.0',
  description: 'Never returns.',
  params: noParams,
  segment() {
    for (;;) {
      // Ignores ctx.signal on purpose.
    }
  },
});

/** Waits for its signal, as a well-behaved long plugin does, then throws its reason. */
export const patient = definePlugin({
  id: 'patient',
  name: 'Patient',
  version: '1.0.0',
  description: 'Runs until cancelled.',
  params: noParams,
  async segment(ctx) {
    ctx.progress(0.5, 'waiting');
    await new Promise((resolve) => {
      ctx.signal.addEventListener('abort', resolve, { once: true });
    });
    throw ctx.signal.reason instanceof Error
      ? ctx.signal.reason
      : new TesseraError('RUN_CANCELLED', 'patient: cancelled');
  },
});

export const faultyPlugins = [explode, hang, patient];
