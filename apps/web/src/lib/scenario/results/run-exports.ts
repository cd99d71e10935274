import { planToCsv } from '@tessera/core';
import type { ScenarioRun } from '@tessera/scenarios';
import type { FeatureCollection } from 'geojson';

/** The run's plan as plan.csv (`account_id,territory_id,rep_id`), core's writer. */
export function planCsvBlob(run: ScenarioRun): Blob {
  // The writer yields chunks; a Blob joins them without one big string.
  return new Blob([...planToCsv(run.plan, run.edited.accounts)], {
    type: 'text/csv;charset=utf-8',
  });
}

/**
 * The run's territories as territories.geojson: the shapes its worker drew (core's
 * `territoriesToGeoJSON`, see `shapesInWorker`), not drawn again here on the page's thread.
 */
export function geoJsonBlob(collection: FeatureCollection): Blob {
  return new Blob([JSON.stringify(collection)], { type: 'application/geo+json' });
}

/** A file name from a scenario's name: lower case, dashes, no path characters. */
export function fileStem(name: string): string {
  const stem = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_-]+/g, '-');
  return stem === '' ? 'scenario' : stem.slice(0, 60);
}

/** Saves a blob through the browser's download (an object URL freed once the click is handled). */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
