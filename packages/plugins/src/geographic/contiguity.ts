import { blockTerritories, type BlockSet } from '@tessera/core';

export interface ContiguityInput {
  blocks: BlockSet;
  /** Each account's block (-1: not located). */
  blockOf: Int32Array;
  /** Each account's territory; rewritten in place. */
  territoryOf: Int32Array;
  /** Each account's balance load. */
  load: Float64Array;
  /** 1 where an account must keep its territory. */
  locked: Uint8Array;
  targets: Float64Array;
  tolerance: number;
}

export interface ContiguityResult {
  /** Territories still in more pieces than their landmasses, with their pieces. */
  inPieces: { territory: number; pieces: number; landmasses: number }[];
  /** Blocks that moved to another territory. */
  movedBlocks: number;
  /** Per territory, the landmasses (islands included) its blocks lie on: pieces it must have. */
  landmasses: Int32Array;
}

/** Moves tried per block before balance repair gives up: bounds the work on hopeless inputs. */
const MOVES_PER_BLOCK = 4;
/** Weight of the squared deviation beside the excess over the band (see step 2). */
const PULL = 0.01;

/**
 * Makes every territory one connected piece of blocks per landmass it reaches, then brings the
 * loads back within the tolerance by moving boundary blocks that keep both sides whole.
 *
 * Pieces are counted as the shapes draw them: blocks without accounts belong to the nearest
 * territory (`blockTerritories`), so after every move the fill is recomputed and a move that
 * splits a territory through that fill is undone. Locked accounts are exceptions: they keep
 * their territory and do not claim their block. A block whose other accounts lie in several
 * territories never moves. First, every piece but the
 * heaviest on each landmass joins the lightest territory it borders; then, while some territory
 * is outside its band, the boundary move that most reduces the total excess over the bands is
 * made, if it keeps the donor whole.
 */
export function makeContiguous(input: ContiguityInput): ContiguityResult {
  const { blocks, blockOf, territoryOf, load, locked, targets, tolerance } = input;
  const k = targets.length;
  const nb = blocks.length;
  const { offsets, targets: edges } = blocks.adjacency;

  // Per block: its accounts' load, whether it may move, its territory when it has accounts.
  const blockLoad = new Float64Array(nb);
  const fixed = new Uint8Array(nb);
  const own = new Int32Array(nb).fill(-1);
  const territoryLoad = new Float64Array(k);
  for (let i = 0; i < blockOf.length; i++) {
    const t = territoryOf[i]!;
    if (t < 0) continue;
    territoryLoad[t]! += load[i]!;
    const b = blockOf[i]!;
    // A locked account is an exception: it stays with its rep and does not claim its block.
    if (b < 0 || locked[i] === 1) continue;
    blockLoad[b]! += load[i]!;
    if (own[b]! < 0) own[b] = t;
    else if (own[b] !== t) fixed[b] = 1;
  }
  const landmass = landmasses(blocks);
  // Every block's territory as the shapes draw it, blocks without accounts filled in.
  const label = new Int32Array(nb);
  const refill = (): void => {
    label.set(fillFrom(blocks, own, k));
  };
  refill();

  let movedBlocks = 0;
  const move = (b: number, to: number): void => {
    const from = own[b]!;
    territoryLoad[from]! -= blockLoad[b]!;
    territoryLoad[to]! += blockLoad[b]!;
    own[b] = to;
    movedBlocks++;
  };

  // 1. One piece per territory and landmass: the others join a neighbour, smallest first, one at
  // a time (moving several at once on stale labels can split the receivers), each move kept
  // only if it leaves fewer pieces in all.
  const tried = new Set<number>();
  for (let guard = 0; guard < 4 * nb; guard++) {
    const { stray, extra } = piecesOf(label, offsets, edges, landmass, blockLoad, k);
    stray.sort((x, y) => x.blocks.length - y.blocks.length || x.blocks[0]! - y.blocks[0]!);
    let moved = false;
    for (const piece of stray) {
      if (piece.blocks.some((b) => fixed[b] === 1)) continue;
      const first = piece.blocks[0]!;
      for (const to of neighboursByLoad(
        piece.blocks,
        label,
        offsets,
        edges,
        territoryLoad,
        targets,
      )) {
        if (tried.has(first * k + to)) continue;
        tried.add(first * k + to);
        const from = own[first]!;
        const owned = piece.blocks.filter((b) => own[b]! >= 0);
        for (const b of owned) move(b, to);
        refill();
        if (piecesOf(label, offsets, edges, landmass, blockLoad, k).extra < extra) {
          moved = true;
          break;
        }
        for (const b of owned) move(b, from);
        movedBlocks -= 2 * owned.length;
        refill();
      }
      if (moved) break;
    }
    if (!moved) break;
  }

  // 2. Balance, one boundary block at a time, each territory staying whole. The score is the
  // excess over the bands plus a small pull of every territory toward its target, so load can
  // also flow through territories already inside their band toward one that is not.
  const score = (t: number, extra: number): number => {
    const target = targets[t]!;
    if (!(target > 0)) return 0;
    const deviation = Math.abs((territoryLoad[t]! + extra) / target - 1);
    return Math.max(0, deviation - tolerance) + PULL * deviation * deviation;
  };
  const outside = (): boolean => {
    for (let t = 0; t < k; t++) if (score(t, 0) > PULL * tolerance * tolerance + 1e-12) return true;
    return false;
  };
  const banned = new Set<number>();
  let extraPieces = piecesOf(label, offsets, edges, landmass, blockLoad, k).extra;
  console.error(
    'stage 2 start',
    Array.from(targets, (x, t) => (territoryLoad[t]! / x - 1).toFixed(3)).join(' '),
    'extra',
    extraPieces,
  );
  for (let step = 0; step < MOVES_PER_BLOCK * nb && outside(); step++) {
    const candidates: { b: number; to: number; gain: number }[] = [];
    for (let b = 0; b < nb; b++) {
      const from = own[b]!;
      if (from < 0 || fixed[b] === 1 || blockLoad[b] === 0) continue;
      const before = score(from, 0);
      const w = blockLoad[b]!;
      const consider = (to: number): void => {
        if (to === from || to < 0 || banned.has(b * k + to)) return;
        const gain = before + score(to, 0) - score(from, -w) - score(to, w);
        if (gain > 1e-12) candidates.push({ b, to, gain });
      };
      for (let e = offsets[b]!; e < offsets[b + 1]!; e++) {
        const c = edges[e]!;
        if (label[c] !== from) consider(label[c]!);
        else if (own[c]! < 0) {
          // Across an empty block of its own territory: once the block changes hands, the
          // fill gives the empty one to the nearer side (a split is caught and undone below).
          for (let f = offsets[c]!; f < offsets[c + 1]!; f++) {
            if (label[edges[f]!] !== from) consider(label[edges[f]!]!);
          }
        }
      }
    }
    if (candidates.length === 0) break;
    candidates.sort((x, y) => y.gain - x.gain || x.b - y.b || x.to - y.to);
    let made = false;
    for (const { b, to } of candidates) {
      // A block whose removal would cut its territory takes the cut-off side along: that side
      // hangs on the block, so the receiver stays whole too.
      const chunk = staysWhole(b, label, offsets, edges, landmass)
        ? [b]
        : cutOff(b, label, offsets, edges, landmass, blockLoad);
      if (chunk === null || chunk.some((c) => fixed[c] === 1)) continue;
      const from = own[b]!;
      const owned = chunk.filter((c) => own[c]! >= 0);
      if (chunk.length > 1) {
        const w = owned.reduce((sum, c) => sum + blockLoad[c]!, 0);
        const gain = score(from, 0) + score(to, 0) - score(from, -w) - score(to, w);
        if (!(gain > 1e-12)) continue;
      }
      for (const c of owned) move(c, to);
      refill();
      const after = piecesOf(label, offsets, edges, landmass, blockLoad, k).extra;
      if (after > extraPieces) {
        // The fill around the blocks changed hands and split someone: undo.
        for (const c of owned) move(c, from);
        movedBlocks -= 2 * owned.length;
        refill();
        banned.add(b * k + to);
        continue;
      }
      extraPieces = after;
      made = true;
      break;
    }
    if (!made) break;
  }

  for (let i = 0; i < blockOf.length; i++) {
    const b = blockOf[i]!;
    if (b < 0 || locked[i] === 1 || fixed[b] === 1 || own[b]! < 0 || territoryOf[i]! < 0) continue;
    territoryOf[i] = own[b]!;
  }
  const final = piecesOf(label, offsets, edges, landmass, blockLoad, k);
  return { inPieces: final.list, movedBlocks, landmasses: final.landsPer };
}

function fillFrom(blocks: BlockSet, own: Int32Array, k: number): Int32Array {
  // blockTerritories takes accounts: one stand-in account per block that has an owner.
  const blockOf: number[] = [];
  const territoryOf: number[] = [];
  for (let b = 0; b < own.length; b++) {
    if (own[b]! < 0) continue;
    blockOf.push(b);
    territoryOf.push(own[b]!);
  }
  return blockTerritories(blocks, blockOf, territoryOf, k);
}

/** The landmass of every block: groups of blocks joined by borders. */
function landmasses(blocks: BlockSet): Int32Array {
  const id = new Int32Array(blocks.length).fill(-1);
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < blocks.length; start++) {
    if (id[start]! >= 0) continue;
    id[start] = next;
    stack.push(start);
    while (stack.length > 0) {
      const b = stack.pop()!;
      for (const c of blocks.neighborsOf(b)) {
        if (id[c]! >= 0) continue;
        id[c] = next;
        stack.push(c);
      }
    }
    next++;
  }
  return id;
}

interface Pieces {
  /** Pieces beyond one per territory and landmass, heaviest kept: the ones to move. */
  stray: { territory: number; blocks: number[] }[];
  extra: number;
  list: ContiguityResult['inPieces'];
  landsPer: Int32Array;
}

function piecesOf(
  label: Int32Array,
  offsets: Int32Array,
  edges: Int32Array,
  landmass: Int32Array,
  blockLoad: Float64Array,
  k: number,
): Pieces {
  const nb = label.length;
  const piece = new Int32Array(nb).fill(-1);
  const members: number[][] = [];
  for (let start = 0; start < nb; start++) {
    if (piece[start]! >= 0 || label[start]! < 0) continue;
    const id = members.length;
    const list = [start];
    piece[start] = id;
    for (let head = 0; head < list.length; head++) {
      const b = list[head]!;
      for (let e = offsets[b]!; e < offsets[b + 1]!; e++) {
        const c = edges[e]!;
        if (piece[c]! >= 0 || label[c] !== label[start]) continue;
        piece[c] = id;
        list.push(c);
      }
    }
    members.push(list);
  }
  // Per (territory, landmass): the heaviest piece stays, the rest stray.
  const heaviest = new Map<number, number>();
  const weight = members.map((list) => list.reduce((s, b) => s + blockLoad[b]!, 0));
  members.forEach((list, id) => {
    const key = label[list[0]!]! * nb + landmass[list[0]!]!;
    const best = heaviest.get(key);
    if (
      best === undefined ||
      weight[id]! > weight[best]! ||
      (weight[id] === weight[best] && list.length > members[best]!.length)
    ) {
      heaviest.set(key, id);
    }
  });
  const stray: Pieces['stray'] = [];
  const piecesPer = new Int32Array(k);
  const landsPer = new Int32Array(k);
  members.forEach((list, id) => {
    const t = label[list[0]!]!;
    piecesPer[t]!++;
    const key = t * nb + landmass[list[0]!]!;
    if (heaviest.get(key) === id) landsPer[t]!++;
    else stray.push({ territory: t, blocks: list });
  });
  const list: Pieces['list'] = [];
  for (let t = 0; t < k; t++) {
    if (piecesPer[t]! > landsPer[t]!) {
      list.push({ territory: t, pieces: piecesPer[t]!, landmasses: landsPer[t]! });
    }
  }
  return { stray, extra: stray.length, list, landsPer };
}

/** The territories bordering a piece, the furthest below its target first. */
function neighboursByLoad(
  piece: readonly number[],
  label: Int32Array,
  offsets: Int32Array,
  edges: Int32Array,
  territoryLoad: Float64Array,
  targets: Float64Array,
): number[] {
  const own = label[piece[0]!]!;
  const found = new Set<number>();
  for (const b of piece) {
    for (let e = offsets[b]!; e < offsets[b + 1]!; e++) {
      const t = label[edges[e]!]!;
      if (t >= 0 && t !== own) found.add(t);
    }
  }
  const ratio = (t: number): number =>
    targets[t]! > 0 ? territoryLoad[t]! / targets[t]! : Number.POSITIVE_INFINITY;
  return [...found].sort((a, b) => ratio(a) - ratio(b) || a - b);
}

/**
 * Whether block `b`'s territory stays in as many pieces without it: its neighbours in the
 * territory must still reach one another through the territory's other blocks.
 */
function staysWhole(
  b: number,
  label: Int32Array,
  offsets: Int32Array,
  edges: Int32Array,
  landmass: Int32Array,
): boolean {
  const t = label[b]!;
  const inside: number[] = [];
  for (let e = offsets[b]!; e < offsets[b + 1]!; e++) {
    if (label[edges[e]!] === t) inside.push(edges[e]!);
  }
  if (inside.length <= 1) return true;
  const seen = new Set<number>([b, inside[0]!]);
  const queue = [inside[0]!];
  let found = 1;
  const wanted = new Set(inside);
  for (let head = 0; head < queue.length && found < inside.length; head++) {
    const x = queue[head]!;
    for (let e = offsets[x]!; e < offsets[x + 1]!; e++) {
      const y = edges[e]!;
      if (seen.has(y) || label[y] !== t || landmass[y] !== landmass[b]) continue;
      seen.add(y);
      queue.push(y);
      if (wanted.has(y)) found++;
    }
  }
  return found === inside.length;
}

/**
 * Block `b` with the parts of its territory that removing it would cut off from the rest (the
 * heaviest part stays), or null when those parts weigh more than a third of the territory:
 * then the move would be a reshuffle, not a boundary adjustment.
 */
function cutOff(
  b: number,
  label: Int32Array,
  offsets: Int32Array,
  edges: Int32Array,
  landmass: Int32Array,
  blockLoad: Float64Array,
): number[] | null {
  const t = label[b]!;
  const part = new Map<number, number>();
  const parts: { blocks: number[]; load: number }[] = [];
  for (let e = offsets[b]!; e < offsets[b + 1]!; e++) {
    const start = edges[e]!;
    if (label[start] !== t || landmass[start] !== landmass[b] || part.has(start)) continue;
    const id = parts.length;
    const blocks = [start];
    let load = blockLoad[start]!;
    part.set(start, id);
    for (let head = 0; head < blocks.length; head++) {
      const x = blocks[head]!;
      for (let f = offsets[x]!; f < offsets[x + 1]!; f++) {
        const y = edges[f]!;
        if (y === b || part.has(y) || label[y] !== t) continue;
        part.set(y, id);
        blocks.push(y);
        load += blockLoad[y]!;
      }
    }
    parts.push({ blocks, load });
  }
  if (parts.length <= 1) return [b];
  let main = 0;
  for (let i = 1; i < parts.length; i++) if (parts[i]!.load > parts[main]!.load) main = i;
  const total = parts.reduce((sum, p) => sum + p.load, blockLoad[b]!);
  const chunk = [b];
  let load = blockLoad[b]!;
  parts.forEach((p, i) => {
    if (i === main) return;
    chunk.push(...p.blocks);
    load += p.load;
  });
  return load <= total / 3 ? chunk : null;
}
