import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { PointData } from './account-points.ts';
import type { Basemap } from './basemap.ts';
import type { PathData } from './county-borders.ts';
import { MAP_STYLE, pointSize } from './map-style.ts';
import type { Rgba } from './palette.ts';
import type { MapRep, TerritoryShapes } from './types.ts';

/** Everything one frame of the map shows; each field replaced whole when it changes. */
export interface MapScene {
  basemap: Basemap | null;
  /** Borders between counties, once loaded. */
  counties: PathData | null;
  zoom: number;
  /** The located accounts with their colours. */
  accounts: PointData;
  /** Accounts drawn ringed on top (moved between scenarios), or null. */
  highlight: PointData | null;
  shapes: TerritoryShapes | null;
  /** Colour of each shape's territory, by the feature's `properties.id`. */
  shapeColour: (territoryId: string) => Rgba;
  reps: readonly MapRep[];
  repColours: readonly Rgba[];
  /** The selected account's position, ringed; or null. */
  selectedPoint: [number, number] | null;
  /** The selected territory's id, its shape outlined; or null. */
  selectedTerritory: string | null;
}

/** Layer ids the component's picking handler tells apart. */
export const LAYER = {
  accounts: 'accounts',
  moved: 'moved',
  reps: 'reps',
  shapes: 'territory-shapes',
} as const;

/** The deck.gl layers of a scene, bottom to top. */
export function mapLayers(scene: MapScene): Layer[] {
  const layers: Layer[] = [];
  const { basemap } = scene;
  if (basemap) {
    layers.push(
      new GeoJsonLayer({
        id: 'other-land',
        data: basemap.otherLand,
        stroked: false,
        getFillColor: MAP_STYLE.otherLand,
      }),
      new GeoJsonLayer({
        id: 'us-land',
        data: basemap.states,
        stroked: false,
        getFillColor: MAP_STYLE.usLand,
      }),
    );
  }
  if (scene.counties && scene.zoom >= MAP_STYLE.countyMinZoom) {
    layers.push(
      new PathLayer({
        id: 'county-borders',
        data: scene.counties,
        _pathType: 'open',
        getColor: MAP_STYLE.countyBorder,
        widthUnits: 'pixels',
        getWidth: 0.6,
      }),
    );
  }
  if (basemap) {
    layers.push(
      new GeoJsonLayer({
        id: 'state-borders',
        data: basemap.stateBorders,
        getLineColor: MAP_STYLE.stateBorder,
        lineWidthUnits: 'pixels',
        getLineWidth: 0.9,
      }),
      new GeoJsonLayer({
        id: 'coast',
        data: basemap.coast,
        getLineColor: MAP_STYLE.coast,
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
      }),
    );
  }
  if (scene.shapes) {
    const { shapeColour, selectedTerritory } = scene;
    type Shape = TerritoryShapes['features'][number];
    layers.push(
      new GeoJsonLayer<Shape['properties']>({
        id: LAYER.shapes,
        data: scene.shapes,
        pickable: true,
        stroked: true,
        filled: true,
        pointType: 'circle',
        getFillColor: (f: Shape) => withAlpha(shapeColour(f.properties.id), 38),
        getLineColor: (f: Shape) =>
          f.properties.id === selectedTerritory
            ? MAP_STYLE.selection
            : withAlpha(shapeColour(f.properties.id), 200),
        getLineWidth: (f: Shape) => (f.properties.id === selectedTerritory ? 3 : 1.2),
        lineWidthUnits: 'pixels',
        getPointRadius: 4,
        pointRadiusUnits: 'pixels',
        updateTriggers: {
          getFillColor: shapeColour,
          getLineColor: [shapeColour, selectedTerritory],
          getLineWidth: selectedTerritory,
        },
      }),
    );
  }
  const size = pointSize(scene.accounts.length);
  layers.push(
    new ScatterplotLayer({
      id: LAYER.accounts,
      data: scene.accounts,
      pickable: true,
      radiusUnits: 'meters',
      getRadius: size.metres,
      radiusMinPixels: size.minPixels,
      radiusMaxPixels: size.maxPixels,
      // A hairline of white once dots are big enough to overlap, so neighbours stay apart.
      stroked: scene.zoom >= 8,
      getLineColor: [255, 255, 255, 200],
      lineWidthUnits: 'pixels',
      getLineWidth: 0.75,
    }),
  );
  if (scene.highlight && scene.highlight.length > 0) {
    layers.push(
      new ScatterplotLayer({
        id: LAYER.moved,
        data: scene.highlight,
        pickable: true,
        filled: false,
        stroked: true,
        radiusUnits: 'pixels',
        getRadius: Math.max(3.5, size.minPixels + 1.75),
        lineWidthUnits: 'pixels',
        getLineWidth: 1,
        getLineColor: MAP_STYLE.movedRing,
      }),
    );
  }
  if (scene.reps.length > 0) {
    const { repColours } = scene;
    layers.push(
      new ScatterplotLayer<MapRep>({
        id: 'rep-halos',
        data: scene.reps,
        getPosition: (r) => [r.lon, r.lat],
        radiusUnits: 'pixels',
        getRadius: 8,
        getFillColor: MAP_STYLE.repHalo,
      }),
      new ScatterplotLayer<MapRep>({
        id: LAYER.reps,
        data: scene.reps,
        pickable: true,
        getPosition: (r) => [r.lon, r.lat],
        radiusUnits: 'pixels',
        getRadius: 6.5,
        stroked: true,
        lineWidthUnits: 'pixels',
        getLineWidth: 2,
        getLineColor: MAP_STYLE.repRing,
        getFillColor: (_r, { index }) => repColours[index] ?? MAP_STYLE.repHalo,
        updateTriggers: { getFillColor: repColours },
      }),
    );
  }
  if (scene.selectedPoint) {
    layers.push(
      new ScatterplotLayer({
        id: 'selected-account',
        data: [scene.selectedPoint],
        getPosition: (p: [number, number]) => p,
        filled: false,
        stroked: true,
        radiusUnits: 'pixels',
        getRadius: 9,
        lineWidthUnits: 'pixels',
        getLineWidth: 3,
        getLineColor: MAP_STYLE.selection,
      }),
    );
  }
  return layers;
}

function withAlpha([r, g, b]: Rgba, alpha: number): Rgba {
  return [r, g, b, alpha];
}
