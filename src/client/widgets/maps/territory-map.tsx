/**
 * The MapLibre map itself, loaded lazily (see map-view.tsx) so the ~290 kB
 * library stays out of the first load. Works offline with no tile server:
 * the style is a plain background plus GeoJSON sources built from the units
 * on this device, with no glyphs, sprites or remote URLs. Labels, when
 * wanted, are HTML markers (MapLibre text needs glyph files).
 *
 * When the device holds an offline map pack, its PMTiles bytes (a Blob in
 * IndexedDB) are read through the `pmtiles://` protocol and drawn under the
 * units: land, parks, water, streets and buildings, fills and lines only.
 * Nothing is ever fetched from the internet.
 */
import {
  addProtocol,
  Map as MapLibreMap,
  Marker,
  setWorkerUrl,
  type GeoJSONSource,
  type GeoJSONSourceSpecification,
  type LayerSpecification,
  type MapMouseEvent,
  type StyleSpecification,
} from 'maplibre-gl';
import { PMTiles, Protocol, type RangeResponse, type Source } from 'pmtiles';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import { boundsOf, labelPosition } from './geo';
import { DEFAULT_UNIT_COLOUR, type MapBasemap, type TerritoryMapProps } from './map-types';

setWorkerUrl(workerUrl);

/** One protocol for the whole page; each downloaded pack is added to it under its key. */
const protocol = new Protocol();
addProtocol('pmtiles', protocol.tile);
/** How many maps on the page use each pack, so one map closing does not pull it from under another. */
const users = new Map<string, number>();

function retainPack(basemap: MapBasemap) {
  if (!protocol.tiles.has(basemap.key)) protocol.add(new PMTiles(new BlobSource(basemap.key, basemap.bytes)));
  users.set(basemap.key, (users.get(basemap.key) ?? 0) + 1);
}

function releasePack(key: string) {
  const left = (users.get(key) ?? 1) - 1;
  if (left > 0) return void users.set(key, left);
  users.delete(key);
  protocol.tiles.delete(key);
}

/** A PMTiles archive read from a Blob on the device (random access by slicing). */
class BlobSource implements Source {
  constructor(
    private readonly key: string,
    private readonly blob: Blob,
  ) {}
  getKey() {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: await this.blob.slice(offset, offset + length).arrayBuffer() };
  }
}

const DEFAULT_POINT_COLOUR = '#b91c1c';
const LINE_COLOUR = '#1d4ed8';

/** A FeatureCollection as MapLibre's GeoJSON source takes it. */
type Collection = Extract<GeoJSONSourceSpecification['data'], { type: 'FeatureCollection' }>;

function unitCollection({ units, colourOf, highlighted }: TerritoryMapProps): Collection {
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

function pointCollection({ points = [] }: TerritoryMapProps): Collection {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      properties: { pointId: p.id, label: p.label, colour: p.colour ?? DEFAULT_POINT_COLOUR },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    })),
  };
}

function lineCollection({ lines = [] }: TerritoryMapProps): Collection {
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

const EMPTY: Collection = { type: 'FeatureCollection', features: [] };

const STYLE: StyleSpecification = {
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

/** The basemap's layers (Protomaps schema), drawn under the units; no text, as there is no glyph server. */
const BASEMAP_LAYERS: LayerSpecification[] = [
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
  {
    id: 'basemap-roads-casing',
    type: 'line',
    source: 'basemap',
    'source-layer': 'roads',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': '#c9c1b3',
      'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 14, 4, 17, 12],
    },
  },
  {
    id: 'basemap-roads',
    type: 'line',
    source: 'basemap',
    'source-layer': 'roads',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': '#ffffff',
      'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.5, 14, 2.5, 17, 9],
    },
  },
];
const BASEMAP_LAYER_IDS = BASEMAP_LAYERS.map((l) => l.id);

/** Adds, swaps or removes the offline basemap so it matches `basemap`. */
function applyBasemap(
  map: MapLibreMap,
  basemap: MapBasemap | null | undefined,
  current: { current: string | null },
) {
  const key = basemap?.key ?? null;
  if (key === current.current) return;
  const container = map.getContainer();
  if (current.current !== null) {
    for (const id of BASEMAP_LAYER_IDS) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource('basemap')) map.removeSource('basemap');
    releasePack(current.current);
  }
  current.current = key;
  if (!basemap) {
    container.setAttribute('data-basemap', 'none');
    container.removeAttribute('data-basemap-features');
    return;
  }
  retainPack(basemap);
  container.setAttribute('data-basemap', 'loading');
  map.addSource('basemap', { type: 'vector', url: `pmtiles://${basemap.key}` });
  for (const layer of BASEMAP_LAYERS) map.addLayer(layer, 'unit-fill');
}

export default function TerritoryMap(props: TerritoryMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loaded = useRef(false);
  const fitted = useRef(false);
  const basemapKey = useRef<string | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;

  // The map is created once; data changes below only swap the sources' data.
  useEffect(() => {
    const map = new MapLibreMap({
      container: container.current!,
      style: STYLE,
      center: [-99.05, 19.35],
      zoom: 10,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    mapRef.current = map;
    map.on('load', () => {
      loaded.current = true;
      // Lets tests (and anyone inspecting) know the style and data are drawn, not just the canvas made.
      container.current?.setAttribute('data-state', 'loaded');
      sync(map, propsRef.current, fitted, basemapKey);
    });
    map.on('sourcedata', (e) => {
      // A tile of the pack has been read and parsed: the basemap is really drawn from the device.
      if (e.sourceId === 'basemap' && e.tile && basemapKey.current !== null) {
        map.getContainer().setAttribute('data-basemap', 'loaded');
      }
    });
    map.on('idle', () => {
      if (basemapKey.current === null || !map.getLayer('basemap-earth')) return;
      const drawn = map.queryRenderedFeatures({ layers: BASEMAP_LAYER_IDS }).length;
      map.getContainer().setAttribute('data-basemap-features', String(drawn));
    });
    // One handler so that a tap does one thing: a point, else a unit, else the map itself.
    map.on('click', (e: MapMouseEvent) => {
      const current = propsRef.current;
      if (current.onPointClick) {
        const hit = map.queryRenderedFeatures(e.point, { layers: ['point'] })[0];
        const pointId = hit?.properties?.pointId;
        if (typeof pointId === 'string') return current.onPointClick(pointId);
      }
      if (current.onUnitClick) {
        const hit = map.queryRenderedFeatures(e.point, { layers: ['unit-fill'] })[0];
        const unitId = hit?.properties?.unitId;
        if (typeof unitId === 'string') return current.onUnitClick(unitId);
      }
      current.onMapClick?.(e.lngLat.lng, e.lngLat.lat);
    });
    const setCursor = (cursor: string) => () => {
      map.getCanvas().style.cursor = cursor;
    };
    map.on('mouseenter', 'unit-fill', () => {
      if (propsRef.current.onUnitClick) map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', 'unit-fill', setCursor(''));
    map.on('mouseenter', 'point', () => {
      if (propsRef.current.onPointClick) map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', 'point', setCursor(''));
    return () => {
      loaded.current = false;
      if (basemapKey.current !== null) releasePack(basemapKey.current);
      basemapKey.current = null;
      map.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (mapRef.current && loaded.current) sync(mapRef.current, props, fitted, basemapKey);
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !props.showLabels) return;
    const markers = props.units.map((unit) => {
      const el = document.createElement('span');
      el.className = 'map-label';
      el.textContent = unit.key;
      el.setAttribute('aria-hidden', 'true');
      return new Marker({ element: el }).setLngLat(labelPosition(unit.geometry)).addTo(map);
    });
    return () => markers.forEach((m) => m.remove());
  }, [props.units, props.showLabels]);

  return (
    <div
      ref={container}
      className="territory-map-canvas"
      role="region"
      aria-label={props.label}
      data-testid="territory-map"
      data-basemap="none"
    />
  );
}

function sync(
  map: MapLibreMap,
  props: TerritoryMapProps,
  fitted: { current: boolean },
  basemapKey: { current: string | null },
) {
  applyBasemap(map, props.basemap, basemapKey);
  (map.getSource('units') as GeoJSONSource | undefined)?.setData(unitCollection(props));
  (map.getSource('lines') as GeoJSONSource | undefined)?.setData(lineCollection(props));
  (map.getSource('points') as GeoJSONSource | undefined)?.setData(pointCollection(props));
  if (fitted.current || props.fitBounds === false) return;
  const linePoints = (props.lines ?? []).flatMap((l) =>
    l.coordinates.map(([lon, lat], i) => ({ id: `${l.id}:${i}`, lon, lat, label: l.label })),
  );
  const bounds = boundsOf(
    props.units.map((u) => u.geometry),
    [...(props.points ?? []), ...linePoints],
  );
  if (!bounds) return;
  fitted.current = true;
  map.fitBounds(bounds, { padding: 24, animate: false, maxZoom: 16 });
}
