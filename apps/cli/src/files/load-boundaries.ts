import { blocksFromGeoJson, TesseraError, type BlockSet } from '@tessera/core';
import { CliError } from '../io.js';
import { readJsonFile } from './read-json-file.js';

/** The flags that give a dataset its own building blocks. */
export interface BoundariesFlags {
  unitsGeojson?: string;
  unitsId?: string;
  unitsName?: string;
}

/**
 * Reads a boundaries file (a GeoJSON FeatureCollection of the blocks) as building blocks; every
 * error names the file and, for bad geometry, the feature.
 */
export async function loadBoundaries(
  path: string,
  options: { id?: string | undefined; name?: string | undefined },
): Promise<BlockSet> {
  const collection = await readJsonFile(path);
  try {
    return blocksFromGeoJson(collection, {
      ...(options.id ? { idProperty: options.id } : {}),
      ...(options.name ? { nameProperty: options.name } : {}),
      source: path,
    });
  } catch (error) {
    if (error instanceof TesseraError) throw new CliError(error.message, { cause: error });
    throw error;
  }
}

/** The blocks given by `--units-geojson` (null without it); `--units-id` alone is a mistake. */
export async function boundariesFromFlags(flags: BoundariesFlags): Promise<BlockSet | null> {
  if (!flags.unitsGeojson) {
    if (flags.unitsId || flags.unitsName) {
      throw new CliError('--units-id and --units-name describe a --units-geojson file: give one');
    }
    return null;
  }
  return loadBoundaries(flags.unitsGeojson, { id: flags.unitsId, name: flags.unitsName });
}
