import { describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import { ACTOR_TTL_MS, ActorCache } from './actor-cache.js';

const actor: Actor = { kind: 'token', tokenId: 'tok_1', workspaceId: 'ws_1', role: 'viewer' };

describe('ActorCache', () => {
  it('keeps an actor for the TTL, then forgets it', () => {
    const cache = new ActorCache();
    cache.set('h', actor, 1_000, null);
    expect(cache.get('h', 1_000 + ACTOR_TTL_MS - 1)).toEqual(actor);
    expect(cache.get('h', 1_000 + ACTOR_TTL_MS)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never keeps an actor past the moment its secret expires', () => {
    const cache = new ActorCache();
    cache.set('h', actor, 1_000, new Date(1_500));
    expect(cache.get('h', 1_499)).toEqual(actor);
    expect(cache.get('h', 1_500)).toBeUndefined();
    cache.set('gone', actor, 1_000, new Date(900));
    expect(cache.get('gone', 1_000)).toBeUndefined();
  });

  it('hands out frozen actors, so no request can change what the next one sees', () => {
    const cache = new ActorCache();
    cache.set('h', { ...actor }, 0, null);
    expect(Object.isFrozen(cache.get('h', 1))).toBe(true);
  });

  it('clears everything at once', () => {
    const cache = new ActorCache();
    cache.set('a', actor, 0, null);
    cache.set('b', actor, 0, null);
    cache.clear();
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('b', 1)).toBeUndefined();
  });
});
