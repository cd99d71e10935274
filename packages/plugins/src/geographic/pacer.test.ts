import { describe, expect, it } from 'vitest';
import { Pacer } from './pacer.js';

describe('Pacer', () => {
  it('scales progress into the current stage and never goes backwards', () => {
    const seen: number[] = [];
    const pacer = new Pacer(new AbortController().signal, (f) => seen.push(f));
    pacer.stage(0.2, 0.6, 'stage');
    pacer.report(0.5);
    pacer.stage(0.1, 0.3, 'again');
    pacer.report(2);
    expect(seen).toEqual([0.2, 0.4, 0.4, 0.4]);
  });

  it('throws the abort reason', async () => {
    const controller = new AbortController();
    const pacer = new Pacer(controller.signal, () => undefined);
    await pacer.pace();
    controller.abort(new Error('stop'));
    await expect(pacer.pace()).rejects.toThrow('stop');
  });
});
