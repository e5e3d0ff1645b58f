/**
 * What the map draws, as plain data: the style (a background, the units, points and lines from
 * GeoJSON, no glyphs or remote URLs), the offline basemap's layers and the FeatureCollections
 * built from the map's props. territory-map.tsx hands them to MapLibre.
 */
import type { GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { DEFAULT_UNIT_COLOUR, type TerritoryMapProps } from './map-types';

const DEFAULT_POINT_COLOUR = '#b91c1c';
const LINE_COLOUR = '#1d4ed8';

/** A FeatureCollection as MapLibre's GeoJSON source takes it. */
export type Collection = Extract<GeoJSONSourceSpecification['data'], { type: 'FeatureCollection' }>;

export function unitCollection({ units, colourOf, highlighted }: TerritoryMapProps): Collection {
  return {
    type: 'FeatureCollection',
    features: units.map((unit) => ({
      type: 'Feature',
      properties: {
        unitId: unit.id,
        colour: colourOf?.(unit) ?? DEFAULT_UNIT_COLOUR,
        highlighted: highlighted?.has(unit.id) ?? false,
      },
      geometry: unit.geometry,
    })),
  };
}

export function pointCollection({ points = [] }: TerritoryMapProps): Collection {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      properties: { pointId: p.id, label: p.label, colour: p.colour ?? DEFAULT_POINT_COLOUR },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    })),
  };
}

export function lineCollection({ lines = [] }: TerritoryMapProps): Collection {
  return {
    type: 'FeatureCollection',
    features: lines
      .filter((l) => l.coordinates.length >= 2)
      .map((l) => ({
        type: 'Feature',
        properties: { lineId: l.id, colour: l.colour ?? LINE_COLOUR, dashed: l.dashed ?? false },
        geometry: { type: 'LineString', coordinates: l.coordinates },
      })),
  };
}

export const EMPTY: Collection = { type: 'FeatureCollection', features: [] };

export const STYLE: StyleSpecification = {
  version: 8,
  sources: {
    units: { type: 'geojson', data: EMPTY },
    lines: { type: 'geojson', data: EMPTY },
    points: { type: 'geojson', data: EMPTY },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
    {
      id: 'unit-fill',
      type: 'fill',
      source: 'units',
      paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.75 },
    },
    {
      id: 'unit-outline',
      type: 'line',
      source: 'units',
      paint: {
        'line-color': ['case', ['get', 'highlighted'], '#111827', '#4b5563'],
        'line-width': ['case', ['get', 'highlighted'], 3, 0.6],
      },
    },
    {
      id: 'line-solid',
      type: 'line',
      source: 'lines',
      filter: ['!', ['get', 'dashed']],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': 4 },
    },
    {
      id: 'line-dashed',
      type: 'line',
      source: 'lines',
      filter: ['get', 'dashed'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': 4, 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'point',
      type: 'circle',
      source: 'points',
      paint: {
        'circle-radius': 7,
        'circle-color': ['get', 'colour'],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ],
};

/** The roads drawn twice, a wider casing under the fill: line widths by zoom as `[zoom, width, …]`. */
function roadLayer(id: string, colour: string, widths: number[]): LayerSpecification {
  return {
    id,
    type: 'line',
    source: 'basemap',
    'source-layer': 'roads',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': colour, 'line-width': ['interpolate', ['linear'], ['zoom'], ...widths] },
  };
}

/** The basemap's layers (Protomaps schema), drawn under the units; no text, as there is no glyph server. */
export const BASEMAP_LAYERS: LayerSpecification[] = [
  {
    id: 'basemap-earth',
    type: 'fill',
    source: 'basemap',
    'source-layer': 'earth',
    paint: { 'fill-color': '#efeae0' },
  },
  {
    id: 'basemap-landuse',
    type: 'fill',
    source: 'basemap',
    'source-layer': 'landuse',
    paint: { 'fill-color': '#d5e8c8', 'fill-opacity': 0.8 },
  },
  {
    id: 'basemap-water',
    type: 'fill',
    source: 'basemap',
    'source-layer': 'water',
    paint: { 'fill-color': '#a9cce3' },
  },
  {
    id: 'basemap-buildings',
    type: 'fill',
    source: 'basemap',
    'source-layer': 'buildings',
    minzoom: 14,
    paint: { 'fill-color': '#ddd6ca', 'fill-outline-color': '#c9c1b3' },
  },
  roadLayer('basemap-roads-casing', '#c9c1b3', [10, 1, 14, 4, 17, 12]),
  roadLayer('basemap-roads', '#ffffff', [10, 0.5, 14, 2.5, 17, 9]),
];
export const BASEMAP_LAYER_IDS = BASEMAP_LAYERS.map((l) => l.id);
