// `tessera solve` with building blocks: US counties, and a boundaries file of irregular regions
// (a European team's NUTS regions, say), each with contiguity and GeoJSON shapes.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tessera } from '../testing/run-tessera.js';

interface Metrics {
  balance: { workload: { maxDeviation: number } };
  contiguity: { territoriesInPieces: number; extraPieces: number };
}
type Ring = [number, number][];
interface Shapes {
  features: { geometry: { type: string; coordinates: Ring[][] } }[];
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tessera-blocks-'));
});

/** Planar area of a multipolygon (outlines minus holes). */
function area(polygons: Ring[][]): number {
  let sum = 0;
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      let twice = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        twice += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
      }
      sum += (r === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return sum;
}

/**
 * A columns × rows tiling of irregular quadrilaterals over Europe: a grid whose inner vertices
 * are moved by a fixed pattern, so neighbours share exact vertices, as real boundary files do.
 */
function regions(columns: number, rows: number) {
  const vertex = (c: number, r: number): [number, number] => {
    const inner = c > 0 && c < columns && r > 0 && r < rows;
    const dx = inner ? 0.3 * Math.sin(c * 1.7 + r * 0.9) : 0;
    const dy = inner ? 0.3 * Math.cos(c * 0.8 + r * 2.1) : 0;
    return [0 + c + dx, 44 + r * 0.8 + dy];
  };
  const features = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const ring = [
        vertex(c, r),
        vertex(c + 1, r),
        vertex(c + 1, r + 1),
        vertex(c, r + 1),
        vertex(c, r),
      ];
      features.push({
        type: 'Feature',
        properties: { NUTS_ID: `FR${c}${r}`, NAME_LATN: `Region ${c}-${r}` },
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Whether a point lies in a multipolygon (even-odd over every ring). */
function contains(polygons: Ring[][], x: number, y: number): boolean {
  let inside = false;
  for (const ring of polygons.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

describe('tessera solve with US counties', () => {
  it('gives whole territories of counties within tolerance, with shapes that do not overlap', async () => {
    const generated = await tessera(
      'generate',
      '--accounts',
      '5000',
      '--reps',
      '10',
      '--seed',
      '11',
      '--out',
      dir,
    );
    expect(generated.code, generated.stderr).toBe(0);
    const result = await tessera(
      'solve',
      '--accounts',
      join(dir, 'accounts.csv'),
      '--reps',
      join(dir, 'reps.csv'),
      '--strategy',
      'geographic',
      '--param',
      'units=county',
      '--param',
      'contiguous=true',
      '--out',
      join(dir, 'us-plan.csv'),
      '--metrics',
      join(dir, 'us-metrics.json'),
      '--geojson',
      join(dir, 'us.geojson'),
      '--format',
      'json',
    );
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { infeasible: unknown; warnings: string[] };
    expect(summary.infeasible).toBeNull();
    // The sample's locked accounts stay with their reps as exceptions, and are counted.
    expect(summary.warnings.join('\n')).toMatch(/\d+ locked accounts stay with their reps/);
    const metrics = JSON.parse(await readFile(join(dir, 'us-metrics.json'), 'utf8')) as Metrics;
    expect(metrics.balance.workload.maxDeviation).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(metrics.contiguity).toEqual({ territoriesInPieces: 0, extraPieces: 0 });
    const shapes = JSON.parse(await readFile(join(dir, 'us.geojson'), 'utf8')) as Shapes;
    expect(shapes.features).toHaveLength(10);
    let covered = 0;
    for (let x = -124; x < -67; x += 0.9) {
      for (let y = 25.3; y < 49; y += 0.7) {
        const holders = shapes.features.filter((f) => contains(f.geometry.coordinates, x, y));
        expect(holders.length).toBeLessThanOrEqual(1);
        covered += holders.length;
      }
    }
    expect(covered).toBeGreaterThan(1000); // the mainland, not a few scraps
  }, 180_000);
});

describe('tessera solve with a boundaries file', () => {
  it('builds whole territories of its regions, within tolerance, with shapes that tile', async () => {
    const boundaries = join(dir, 'regions.geojson');
    await writeFile(boundaries, JSON.stringify(regions(10, 8)));
    const accounts = ['id,lat,lon,workload'];
    for (let i = 0; i < 1600; i++) {
      const lon = 0.2 + ((i * 7919) % 9600) / 1000;
      const lat = 44.2 + ((i * 104729) % 6000) / 1000;
      accounts.push(`E${i},${lat.toFixed(4)},${lon.toFixed(4)},${1 + (i % 4)}`);
    }
    await writeFile(join(dir, 'accounts.csv'), `${accounts.join('\n')}\n`);
    await writeFile(
      join(dir, 'reps.csv'),
      `id,capacity\n${['a', 'b', 'c', 'd', 'e'].map((id) => `${id},1`).join('\n')}\n`,
    );
    const result = await tessera(
      'solve',
      '--accounts',
      join(dir, 'accounts.csv'),
      '--reps',
      join(dir, 'reps.csv'),
      '--strategy',
      'geographic',
      '--units-geojson',
      boundaries,
      '--units-id',
      'NUTS_ID',
      '--param',
      'contiguous=true',
      '--param',
      'tolerance=0.1',
      '--out',
      join(dir, 'plan.csv'),
      '--metrics',
      join(dir, 'metrics.json'),
      '--geojson',
      join(dir, 'shapes.geojson'),
    );
    expect(result.code, result.stderr).toBe(0);
    const metrics = JSON.parse(await readFile(join(dir, 'metrics.json'), 'utf8')) as Metrics;
    expect(metrics.balance.workload.maxDeviation).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(metrics.contiguity).toEqual({ territoriesInPieces: 0, extraPieces: 0 });
    const shapes = JSON.parse(await readFile(join(dir, 'shapes.geojson'), 'utf8')) as Shapes;
    expect(shapes.features).toHaveLength(5);
    // The regions tile 10 × 6.4 degrees; the territories' shapes tile exactly that.
    const total = shapes.features.reduce((sum, f) => sum + area(f.geometry.coordinates), 0);
    expect(total).toBeCloseTo(10 * 8 * 0.8, 9);
  }, 120_000);

  it('names the file and the feature when a region is broken', async () => {
    const broken = regions(2, 2);
    (broken.features[3]!.properties as { NUTS_ID?: string }).NUTS_ID = undefined;
    const file = join(dir, 'broken.geojson');
    await writeFile(file, JSON.stringify(broken));
    const result = await tessera(
      'solve',
      '--accounts',
      join(dir, 'accounts.csv'),
      '--reps',
      join(dir, 'reps.csv'),
      '--strategy',
      'geographic',
      '--units-geojson',
      file,
      '--units-id',
      'NUTS_ID',
      '--out',
      join(dir, 'never.csv'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('broken.geojson feature 3');
    expect(result.stderr).toContain('NUTS_ID');
  });

  it('asks for the file when only its id property is given', async () => {
    const result = await tessera(
      'solve',
      '--accounts',
      join(dir, 'accounts.csv'),
      '--reps',
      join(dir, 'reps.csv'),
      '--strategy',
      'geographic',
      '--units-id',
      'NUTS_ID',
      '--out',
      join(dir, 'never.csv'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--units-id and --units-name describe a --units-geojson file');
  });
});
