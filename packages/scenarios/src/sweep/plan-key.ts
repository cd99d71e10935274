import type { PlanData } from '@tessera/core';

/**
 * A fingerprint of a plan, equal for plans that put every account with the same rep (or the
 * same unstaffed territory), whatever their territories are called or ordered. A sweep keeps
 * this instead of its plans (500 runs of a million accounts would not fit) to tell which runs
 * gave the same plan. Two independent 32-bit FNV-1a lanes: collisions are not a concern at a
 * few hundred runs.
 */
export function planKey(plan: PlanData): string {
  const serverA = new Uint32Array(plan.territories.length);
  const serverB = new Uint32Array(plan.territories.length);
  plan.territories.forEach((t, i) => {
    const who = t.repId === null ? `territory\u0000${t.id}` : `rep\u0000${t.repId}`;
    serverA[i] = hashText(who, 0x811c9dc5);
    serverB[i] = hashText(who, 0x01000193);
  });
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (const t of plan.territoryOf) {
    a = Math.imul(a ^ (t < 0 ? 0xffffffff : serverA[t]!), 0x01000193) >>> 0;
    b = Math.imul(b ^ (t < 0 ? 0x7fffffff : serverB[t]!), 0x85ebca6b) >>> 0;
    b ^= b >>> 13;
  }
  return `${plan.territoryOf.length}:${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

function hashText(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
