import type { Random } from '@tessera/core';
import { SEGMENTS } from './company-size.js';
import type { NaicsSector } from './industries.js';

/** States where a larger share of accounts prefer to be served in Spanish. */
export const SPANISH_HEAVY_REGIONS: ReadonlySet<string> = new Set([
  'CA',
  'TX',
  'FL',
  'AZ',
  'NM',
  'NV',
]);
/** Share of accounts that need `lang:es`, in those states and elsewhere. */
export const SPANISH_SHARE_HEAVY = 0.1;
export const SPANISH_SHARE_OTHER = 0.03;

/**
 * The skills a rep needs to serve an account: `segment:midmarket|enterprise` above SMB,
 * `industry:<sector>` for midmarket and enterprise accounts in specialist sectors, and
 * `lang:es` for a share of accounts that depends on the state. Returned lists are shared
 * between accounts, so callers must not change them.
 */
export class AccountSkillPicker {
  // Indexed by (sector index × 3 + segment index) × 2 + spanish: a string key per account
  // would cost more than the rest of the pick.
  readonly #cache: (readonly string[] | undefined)[] = [];

  pick(
    sectorIndex: number,
    sector: NaicsSector,
    segmentIndex: number,
    region: string,
    random: Random,
  ): readonly string[] {
    const share = SPANISH_HEAVY_REGIONS.has(region) ? SPANISH_SHARE_HEAVY : SPANISH_SHARE_OTHER;
    const spanish = random.next() < share;
    const key = (sectorIndex * SEGMENTS.length + segmentIndex) * 2 + (spanish ? 1 : 0);
    let tags = this.#cache[key];
    if (tags === undefined) {
      const segment = SEGMENTS[segmentIndex]!;
      const list: string[] = [];
      if (segment !== 'smb') {
        list.push(`segment:${segment}`);
        if (sector.specialist) list.push(`industry:${sector.id}`);
      }
      if (spanish) list.push('lang:es');
      tags = list;
      this.#cache[key] = tags;
    }
    return tags;
  }
}
