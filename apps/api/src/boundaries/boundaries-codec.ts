import { constants, zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import { blocksFromGeoJson, type BlockSet } from '@tessera/core';

/**
 * A stored boundaries file as it travels: the GeoJSON text compressed with zstd (a file of
 * regions shrinks five to ten times), and how to read ids and names from its features. This is
 * what a run sends to its worker thread, which builds the blocks there.
 */
export interface BoundariesSource {
  /** A new value per upload: built blocks are cached under it. */
  readonly version: string;
  readonly geojson: Uint8Array;
  readonly idProperty: string | null;
  readonly nameProperty: string | null;
}

export function compressGeoJson(text: string): Uint8Array {
  return zstdCompressSync(Buffer.from(text, 'utf8'), {
    params: { [constants.ZSTD_c_compressionLevel]: 3 },
  });
}

/** The blocks of a stored file; it was validated when stored, so this does not throw on its data. */
export function buildBlocks(source: BoundariesSource): BlockSet {
  const text = zstdDecompressSync(source.geojson).toString('utf8');
  return blocksFromGeoJson(JSON.parse(text), blockOptions(source));
}

export function blockOptions(options: {
  idProperty: string | null;
  nameProperty: string | null;
}): Parameters<typeof blocksFromGeoJson>[1] {
  return {
    ...(options.idProperty ? { idProperty: options.idProperty } : {}),
    ...(options.nameProperty ? { nameProperty: options.nameProperty } : {}),
    source: 'boundaries',
  };
}
