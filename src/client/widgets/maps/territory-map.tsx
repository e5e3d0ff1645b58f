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
  type MapMouseEvent,
} from 'maplibre-gl';
import { PMTiles, Protocol, type RangeResponse, type Source } from 'pmtiles';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import { boundsOf, labelPosition } from './geo';
import {
  BASEMAP_LAYER_IDS,
  BASEMAP_LAYERS,
  lineCollection,
  pointCollection,
  STYLE,
  unitCollection,
} from './map-style';
import type { MapBasemap, TerritoryMapProps } from './map-types';

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
