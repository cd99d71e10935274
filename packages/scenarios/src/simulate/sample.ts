import type { AccountTable } from '@tessera/core';
import { nonNegative } from './effort.js';
import type { ResponseModel } from './model.js';
import {
  HASH_BASIS_A,
  HASH_BASIS_B,
  hashBytes,
  hashString,
  KeyedStream,
  lognormalTable,
  normalTable,
  STREAM_ACCOUNT,
  STREAM_INDUSTRY,
  STREAM_REGION,
  STREAM_SEGMENT,
  TABLE_SHIFT,
  TABLE_SIZE,
} from './shocks.js';

/** The second table index of a random word: bits 8–19, disjoint from the top 12. */
const LOW_SHIFT = TABLE_SHIFT - 12;
const TABLE_MASK = TABLE_SIZE - 1;

/**
 * What the Monte-Carlo loop needs that does not depend on the plan: the accounts grouped by
 * segment, the keys of their random streams, their potentials. Build it once per table and
 * reuse it for every plan compared on that table.
 */
export interface AccountDraws {
  /** Accounts in segment order (stable: table order inside a segment). */
  order: Int32Array;
  /** order[segmentStart[g] .. segmentStart[g + 1]) are segment g's accounts. */
  segmentStart: Int32Array;
  /** Per segment: stream keys of its industry, its region and itself. */
  industryKey: Uint32Array;
  regionKey: Uint32Array;
  segmentKey: Uint32Array;
  /** Per account (table order): the two halves of its stream key, hashed from its id. */
  key1: Int32Array;
  key2: Int32Array;
}

const MISSING_KEY = 0x5bd1e995;

export function prepareAccountDraws(accounts: AccountTable): AccountDraws {
  const n = accounts.length;
  const key1 = new Int32Array(n);
  const key2 = new Int32Array(n);
  const { bytes, offsets } = accounts.id;
  for (let i = 0; i < n; i++) {
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    key1[i] = hashBytes(bytes, from, to, HASH_BASIS_A);
    key2[i] = hashBytes(bytes, from, to, HASH_BASIS_B);
  }

  // Segment = (industry, region) pair present in the table, numbered by first appearance.
  const industryCodes = accounts.industry.codes;
  const regionCodes = accounts.region.codes;
  const regionSpan = accounts.region.dictionary.length + 1;
  const segmentIndex = new Map<number, number>();
  const segmentOf = new Int32Array(n);
  const pairs: number[] = [];
  for (let i = 0; i < n; i++) {
    const ind = industryCodes[i]!;
    const reg = regionCodes[i]!;
    const pair = (ind + 1) * regionSpan + (reg + 1);
    let g = segmentIndex.get(pair);
    if (g === undefined) {
      g = pairs.length / 2;
      segmentIndex.set(pair, g);
      pairs.push(ind, reg);
    }
    segmentOf[i] = g;
  }
  const segments = pairs.length / 2;
  const valueKey = (value: string | undefined): number =>
    value === undefined ? MISSING_KEY : hashString(value, HASH_BASIS_A);
  const industryKey = new Uint32Array(segments);
  const regionKey = new Uint32Array(segments);
  const segmentKey = new Uint32Array(segments);
  for (let g = 0; g < segments; g++) {
    const ind = pairs[2 * g]!;
    const reg = pairs[2 * g + 1]!;
    industryKey[g] = valueKey(ind < 0 ? undefined : accounts.industry.dictionary[ind]);
    regionKey[g] = valueKey(reg < 0 ? undefined : accounts.region.dictionary[reg]);
    segmentKey[g] = (Math.imul(industryKey[g]!, 0x2545f491) ^ regionKey[g]!) >>> 0;
  }

  const segmentStart = new Int32Array(segments + 1);
  for (let i = 0; i < n; i++) segmentStart[segmentOf[i]! + 1]!++;
  for (let g = 0; g < segments; g++) segmentStart[g + 1]! += segmentStart[g]!;
  const cursor = segmentStart.slice(0, segments);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[cursor[segmentOf[i]!]!++] = i;

  return { order, segmentStart, industryKey, regionKey, segmentKey, key1, key2 };
}

export interface SampleInput {
  accounts: AccountTable;
  prepared: AccountDraws;
  /** Per account: its bucket (territory index, or `buckets - 1` for the unassigned). */
  bucketOf: Int32Array;
  buckets: number;
  /** Per account: s(xᵢ). */
  share: Float64Array;
  model: ResponseModel;
  draws: number;
  words: Uint32Array;
}

/**
 * Revenue per bucket and draw, `out[bucket * draws + d]`. Account i in draw d earns
 * min(V, b) + s·max(0, V − b) with V = potential · Z_segment · Z_account and b its floor.
 * Accounts are visited segment by segment, so the segment's row of shocks is computed once
 * and stays in cache; each account then runs its own keyed stream through all the draws.
 */
export function sampleRevenue(input: SampleInput): Float64Array {
  const { accounts, prepared, bucketOf, buckets, share, model, draws, words } = input;
  const out = new Float64Array(buckets * draws);
  const normals = normalTable();
  const accountTable = lognormalTable(model.accountSigma, normals);
  const sigma = model.segmentSigma;
  const aInd = Math.sqrt(model.industryCorrelation);
  const aReg = Math.sqrt(model.regionCorrelation);
  const aOwn = Math.sqrt(Math.max(0, 1 - model.industryCorrelation - model.regionCorrelation));
  const drift = (sigma * sigma) / 2;
  const segmentRow = new Float64Array(draws);
  const potential = accounts.potential;
  const revenue = accounts.revenue;
  const retention = model.retention;
  const w0 = words[0]!;
  const w1 = words[1]!;
  const w2 = (words[2]! ^ STREAM_ACCOUNT) | 0;
  const w3 = words[3]! | 0;
  const { order, segmentStart, key1, key2 } = prepared;
  const segments = segmentStart.length - 1;

  for (let g = 0; g < segments; g++) {
    if (sigma === 0) {
      segmentRow.fill(1);
    } else {
      const ind = new KeyedStream(words, STREAM_INDUSTRY, prepared.industryKey[g]!, 0);
      const reg = new KeyedStream(words, STREAM_REGION, prepared.regionKey[g]!, 0);
      const own = new KeyedStream(words, STREAM_SEGMENT, prepared.segmentKey[g]!, 0);
      for (let d = 0; d < draws; d++) {
        const z =
          aInd * normals[ind.next() >>> TABLE_SHIFT]! +
          aReg * normals[reg.next() >>> TABLE_SHIFT]! +
          aOwn * normals[own.next() >>> TABLE_SHIFT]!;
        segmentRow[d] = Math.exp(sigma * z - drift);
      }
    }

    for (let k = segmentStart[g]!; k < segmentStart[g + 1]!; k++) {
      const i = order[k]!;
      const p = nonNegative(potential[i]!);
      if (p === 0) continue; // V = 0 earns 0 whatever the floor
      const bucket = bucketOf[i]!;
      const s = share[i]!;
      const b = retention * nonNegative(revenue[i]!);
      if (s === 0 && b === 0) continue;
      const base = bucket * draws;
      // sfc32 keyed by the account's id, inlined: see KeyedStream.
      let a = (w0 ^ key1[i]!) | 0;
      let bb = (w1 ^ key2[i]!) | 0;
      let c = w2;
      let e = w3;
      for (let warm = 0; warm < 12; warm++) {
        const t = (((a + bb) | 0) + e) | 0;
        e = (e + 1) | 0;
        a = bb ^ (bb >>> 9);
        bb = (c + (c << 3)) | 0;
        c = (((c << 21) | (c >>> 11)) + t) | 0;
      }
      // One sfc32 output feeds two draws: its top 12 bits draw d, bits 8–19 draw d + 1.
      if (b === 0) {
        const sp = s * p;
        for (let d = 0; d < draws; d += 2) {
          const t = (((a + bb) | 0) + e) | 0;
          e = (e + 1) | 0;
          a = bb ^ (bb >>> 9);
          bb = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + t) | 0;
          out[base + d]! += sp * segmentRow[d]! * accountTable[t >>> TABLE_SHIFT]!;
          if (d + 1 < draws) {
            out[base + d + 1]! +=
              sp * segmentRow[d + 1]! * accountTable[(t >>> LOW_SHIFT) & TABLE_MASK]!;
          }
        }
      } else {
        for (let d = 0; d < draws; d += 2) {
          const t = (((a + bb) | 0) + e) | 0;
          e = (e + 1) | 0;
          a = bb ^ (bb >>> 9);
          bb = (c + (c << 3)) | 0;
          c = (((c << 21) | (c >>> 11)) + t) | 0;
          const v = p * segmentRow[d]! * accountTable[t >>> TABLE_SHIFT]!;
          out[base + d]! += v < b ? v : b + s * (v - b);
          if (d + 1 < draws) {
            const w = p * segmentRow[d + 1]! * accountTable[(t >>> LOW_SHIFT) & TABLE_MASK]!;
            out[base + d + 1]! += w < b ? w : b + s * (w - b);
          }
        }
      }
    }
  }
  return out;
}
