import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.js';

describe('ReadCache', () => {
  it('keeps finished runs only', () => {
    const cache = new ReadCache<string, string>();
    for (const status of ['queued', 'running', 'done', 'failed', 'cancelled']) {
      cache.keepRun('w', status, status, `run ${status}`, cache.ticket());
    }
    expect(
      ['queued', 'running', 'done', 'failed', 'cancelled'].map((s) => cache.run('w', s)),
    ).toEqual([undefined, undefined, 'run done', 'run failed', 'run cancelled']);
  });

  it('keeps each workspace apart', () => {
    const cache = new ReadCache<string, string>();
    cache.keepScenario('w1', 's', 'mine', cache.ticket());
    expect(cache.scenario('w1', 's')).toBe('mine');
    expect(cache.scenario('w2', 's')).toBeUndefined();
  });

  it('forgets a saved scenario, and everything after a cascading delete', () => {
    const cache = new ReadCache<string, string>();
    cache.keepScenario('w', 'a', 'A', cache.ticket());
    cache.keepScenario('w', 'b', 'B', cache.ticket());
    cache.keepRun('w', 'r', 'done', 'R', cache.ticket());
    cache.forgetScenario('w', 'a');
    expect([cache.scenario('w', 'a'), cache.scenario('w', 'b')]).toEqual([undefined, 'B']);
    cache.forgetAll();
    expect([cache.scenario('w', 'b'), cache.run('w', 'r')]).toEqual([undefined, undefined]);
  });

  it('does not keep what was read before a forget: it may be the row as it was', () => {
    const cache = new ReadCache<string, string>();
    const ticket = cache.ticket();
    // A save lands (and forgets) while this read was on its way back from the database.
    cache.forgetScenario('w', 's');
    cache.keepScenario('w', 's', 'revision 1', ticket);
    cache.keepRun('w', 'r', 'done', 'of a deleted scenario', ticket);
    expect(cache.scenario('w', 's')).toBeUndefined();
    expect(cache.run('w', 'r')).toBeUndefined();
  });

  it('holds at most its capacity, dropping the least recently read', () => {
    const cache = new ReadCache<string, string>(2);
    cache.keepScenario('w', 'a', 'A', cache.ticket());
    cache.keepScenario('w', 'b', 'B', cache.ticket());
    expect(cache.scenario('w', 'a')).toBe('A');
    cache.keepScenario('w', 'c', 'C', cache.ticket());
    expect([cache.scenario('w', 'a'), cache.scenario('w', 'b'), cache.scenario('w', 'c')]).toEqual([
      'A',
      undefined,
      'C',
    ]);
  });
});
