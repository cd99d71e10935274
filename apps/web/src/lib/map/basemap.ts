import type {
  Feature,
  FeatureCollection,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** The boundaries drawn under the accounts, all bundled with the app (no tile server). */
export interface Basemap {
  /** Land outside the US (Natural Earth 1:110m), so Canada and Mexico are not sea. */
  otherLand: FeatureCollection<Polygon | MultiPolygon>;
  /** US states as polygons (Census 1:10m cartographic boundaries): the land fill. */
  states: FeatureCollection<Polygon | MultiPolygon>;
  /** Borders between states, each drawn once. */
  stateBorders: FeatureCollection<MultiLineString>;
  /** The US coastline and outer border. */
  coast: FeatureCollection<MultiLineString>;
}

type StatesTopology = Topology<{ states: GeometryCollection; nation: GeometryCollection }>;
type CountiesTopology = Topology<{ counties: GeometryCollection }>;
type WorldTopology = Topology<{ countries: GeometryCollection }>;

/** ISO 3166 numeric codes of the countries the world layer leaves out. */
const UNITED_STATES = '840';
const ANTARCTICA = '010';

/**
 * States and world land: the light files (115 KB and 108 KB of TopoJSON), loaded as their
 * own chunks so the map's code and the accounts never wait for them.
 */
export async function loadBasemap(): Promise<Basemap> {
  const [states, world] = await Promise.all([
    import('us-atlas/states-10m.json').then((m) => m.default as unknown as StatesTopology),
    import('world-atlas/countries-110m.json').then((m) => m.default as unknown as WorldTopology),
  ]);
  return basemapFrom(states, world);
}

export function basemapFrom(states: StatesTopology, world: WorldTopology): Basemap {
  const countries = feature(world, world.objects.countries);
  const otherLand: FeatureCollection<Polygon | MultiPolygon> = {
    type: 'FeatureCollection',
    features: countries.features
      .filter((f) => f.id !== UNITED_STATES && f.id !== ANTARCTICA)
      .flatMap((f) => polygonal(f))
      .map((f) => ({ ...f, geometry: unwrapAntimeridian(f.geometry) })),
  };
  return {
    otherLand,
    states: {
      type: 'FeatureCollection',
      features: feature(states, states.objects.states).features.flatMap((f) => polygonal(f)),
    },
    stateBorders: lines(mesh(states, states.objects.states, (a, b) => a !== b)),
    coast: lines(mesh(states, states.objects.nation)),
  };
}

/**
 * Borders between counties of the same state (state borders are drawn on their own), from the
 * 842 KB file. Meshing it takes a few hundred milliseconds, so the page asks a worker
 * ({@link loadCountyBorders} in county-borders.ts) rather than calling this itself.
 */
export function countyBordersFrom(counties: CountiesTopology): MultiLineString {
  // County FIPS codes are the state's two digits then three: same prefix, same state.
  return mesh(
    counties,
    counties.objects.counties,
    (a, b) => a !== b && String(a.id).slice(0, 2) === String(b.id).slice(0, 2),
  );
}

export type { CountiesTopology };

// A collection, not a bare feature: deck.gl layers compare `data` by reference, and a
// collection made once is one reference for the map's whole life.
function lines(geometry: MultiLineString): FeatureCollection<MultiLineString> {
  return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] };
}

function polygonal(f: Feature<GeoJSON.Geometry | null>): Feature<Polygon | MultiPolygon>[] {
  const g = f.geometry;
  if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') return [];
  return [{ type: 'Feature', id: f.id, properties: f.properties, geometry: g }];
}

/**
 * Rings that cross the 180° meridian (eastern Russia, Fiji) jump from +180 to −180 and would
 * be drawn as a band across the whole map; shifting their western half by 360° keeps each
 * ring in one piece (deck.gl draws longitudes past 180 just east of it).
 */
export function unwrapAntimeridian<G extends Polygon | MultiPolygon>(geometry: G): G {
  const fixRing = (ring: Position[]): Position[] => {
    let jumps = false;
    for (let i = 1; i < ring.length && !jumps; i++) {
      if (Math.abs(ring[i]![0]! - ring[i - 1]![0]!) > 180) jumps = true;
    }
    return jumps ? ring.map(([x, ...rest]) => [x! < 0 ? x! + 360 : x!, ...rest]) : ring;
  };
  if (geometry.type === 'Polygon') {
    return { ...geometry, coordinates: geometry.coordinates.map(fixRing) };
  }
  return {
    ...geometry,
    coordinates: geometry.coordinates.map((polygon) => polygon.map(fixRing)),
  };
}
