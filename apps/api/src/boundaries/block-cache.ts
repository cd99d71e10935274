import type { BlockSet } from '@tessera/core';
import { buildBlocks, type BoundariesSource } from './boundaries-codec.js';

/**
 * Built blocks by boundaries version, the few used last: building checks every ring of the
 * file (a second or more for thousands of regions), while runs on one dataset come in series.
 */
export class BlockCache {
  readonly #max: number;
  readonly #built = new Map<string, BlockSet>();

  constructor(max = 4) {
    this.#max = max;
  }

  get(source: BoundariesSource): BlockSet {
    return this.getOr(source.version, () => buildBlocks(source));
  }

  /** The blocks of `version`, built by `build` when not cached. */
  getOr(version: string, build: () => BlockSet): BlockSet {
    let blocks = this.#built.get(version);
    if (blocks) {
      this.#built.delete(version);
    } else {
      blocks = build();
    }
    this.set(version, blocks);
    return blocks;
  }

  /** The cached blocks of `version`, marked as used; undefined when not cached. */
  peek(version: string): BlockSet | undefined {
    const blocks = this.#built.get(version);
    if (blocks) this.set(version, blocks);
    return blocks;
  }

  set(version: string, blocks: BlockSet): void {
    this.#built.delete(version);
    this.#built.set(version, blocks);
    // Map order is insertion order: the first key is the one used longest ago.
    for (const oldest of this.#built.keys()) {
      if (this.#built.size <= this.#max) break;
      this.#built.delete(oldest);
    }
  }

  delete(version: string): void {
    this.#built.delete(version);
  }
}
