import { RepTableBuilder, type Random, type RepTable } from '@tessera/core';
import { SPANISH_HEAVY_REGIONS } from './account-skills.js';
import { apportion, largestRemainder } from './apportion.js';
import { NAICS_SECTORS } from './industries.js';
import { jitterInDisk, placeRadiusKm } from './jitter.js';
import type { Metro } from './metros.js';
import { drawPersonName } from './person-names.js';
import { repId } from './ids.js';

/** Total capacity is this multiple of total workload: a little slack, as in a real team. */
export const CAPACITY_HEADROOM = 1.05;
/** Log-scale spread of capacity between reps of the same level. */
export const CAPACITY_SIGMA = 0.15;
/** Share of reps at levels 1 (associate) to 4 (principal). */
export const LEVEL_SHARES: readonly number[] = [0.3, 0.35, 0.25, 0.1];
/** Relative capacity by level 1–4 before scaling. */
export const LEVEL_CAPACITY: readonly number[] = [0.85, 1, 1.1, 1.2];
/** Reps live at most this far from their metro's centre. */
export const REP_HOME_MAX_KM = 25;
/** Probability of 1, 2 or 3 industry skills. */
export const INDUSTRY_SKILL_COUNT_SHARES: readonly number[] = [0.4, 0.4, 0.2];
/** Languages besides English a rep may speak, with the share who do. */
export const REP_LANGUAGES: readonly { tag: string; share: number; shareInHeavyRegion?: number }[] =
  [
    { tag: 'lang:es', share: 0.12, shareInHeavyRegion: 0.35 },
    { tag: 'lang:zh', share: 0.04 },
    { tag: 'lang:fr', share: 0.03 },
    { tag: 'lang:vi', share: 0.02 },
    { tag: 'lang:ko', share: 0.02 },
  ];

export interface RepModelInput {
  reps: number;
  /** Largest first, as {@link buildMetros} returns them. */
  metros: readonly Metro[];
  /** Sum of account workload: total capacity is sized against it. */
  totalWorkload: number;
  /** Workload per sector in {@link NAICS_SECTORS} order: industry skills follow demand. */
  sectorWorkload: Float64Array;
  /** Digits in a rep id (shared with the departed ids the owner model invents). */
  idWidth: number;
  random: Random;
}

/**
 * Reps placed in the largest metros in proportion to population (D'Hondt), with exact level
 * quotas, capacities that add up to {@link CAPACITY_HEADROOM} × total workload, and skills:
 * 1–3 industries weighted by workload, segments by level, and some languages.
 */
export function generateReps(input: RepModelInput): RepTable {
  const { reps, metros } = input;
  const homeRandom = input.random.fork();
  const levelRandom = input.random.fork();
  const capacityRandom = input.random.fork();
  const skillRandom = input.random.fork();
  const nameRandom = input.random.fork();

  const perMetro = apportion(
    metros.map((m) => m.population),
    reps,
  );
  const metroOf = new Int32Array(reps);
  for (let m = 0, r = 0; m < metros.length; m++) {
    for (let k = 0; k < perMetro[m]!; k++) metroOf[r++] = m;
  }

  const levels = levelQuotas(reps, levelRandom);

  const raw = new Float64Array(reps);
  let rawSum = 0;
  for (let r = 0; r < reps; r++) {
    raw[r] = LEVEL_CAPACITY[levels[r]! - 1]! * Math.exp(CAPACITY_SIGMA * capacityRandom.normal());
    rawSum += raw[r]!;
  }
  const scale = (CAPACITY_HEADROOM * input.totalWorkload) / rawSum;

  const builder = new RepTableBuilder();
  const point = new Float64Array(2);
  for (let r = 0; r < reps; r++) {
    const metro = metros[metroOf[r]!]!;
    const radius = Math.min(REP_HOME_MAX_KM, placeRadiusKm(metro.population));
    jitterInDisk(metro.lat, metro.lon, radius, homeRandom, point);
    builder.push({
      id: repId(r, input.idWidth),
      name: drawPersonName(nameRandom),
      lat: point[0]!,
      lon: point[1]!,
      capacity: Math.max(0.1, Math.round(raw[r]! * scale * 10) / 10),
      level: levels[r]!,
      skills: drawRepSkills(levels[r]!, metro.region, input.sectorWorkload, skillRandom),
    });
  }
  return builder.finish();
}

/** Levels 1–4 in exact {@link LEVEL_SHARES} quotas, shuffled. */
function levelQuotas(reps: number, random: Random): Int32Array {
  const counts = largestRemainder(LEVEL_SHARES, reps);
  const levels = new Int32Array(reps);
  let r = 0;
  counts.forEach((count, i) => {
    for (let k = 0; k < count; k++) levels[r++] = i + 1;
  });
  for (let i = reps - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = levels[i]!;
    levels[i] = levels[j]!;
    levels[j] = t;
  }
  return levels;
}

function drawRepSkills(
  level: number,
  region: string,
  sectorWorkload: Float64Array,
  random: Random,
): string[] {
  const skills: string[] = [];
  const u = random.next();
  const [one, two] = INDUSTRY_SKILL_COUNT_SHARES as [number, number, number];
  const industryCount = u < one ? 1 : u < one + two ? 2 : 3;
  const weights = Float64Array.from(sectorWorkload);
  for (let k = 0; k < industryCount; k++) {
    let total = 0;
    let last = -1;
    for (let s = 0; s < weights.length; s++) {
      total += weights[s]!;
      if (weights[s]! > 0) last = s;
    }
    if (last < 0) break;
    let x = random.next() * total;
    let pick = 0;
    while (pick < last && x >= weights[pick]!) {
      x -= weights[pick]!;
      pick++;
    }
    skills.push(`industry:${NAICS_SECTORS[pick]!.id}`);
    weights[pick] = 0;
  }

  const extra = random.next();
  if (level === 1) skills.push('segment:smb');
  else if (level === 2) skills.push('segment:smb', ...(extra < 0.5 ? ['segment:midmarket'] : []));
  else if (level === 3)
    skills.push('segment:midmarket', ...(extra < 0.4 ? ['segment:enterprise'] : []));
  else skills.push('segment:enterprise', ...(extra < 0.3 ? ['segment:midmarket'] : []));

  const heavy = SPANISH_HEAVY_REGIONS.has(region);
  for (const language of REP_LANGUAGES) {
    const share = heavy ? (language.shareInHeavyRegion ?? language.share) : language.share;
    if (random.next() < share) skills.push(language.tag);
  }
  return skills;
}
