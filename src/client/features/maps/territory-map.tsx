/**
 * The MapLibre map itself, loaded lazily (see map-view.tsx) so the ~290 kB
 * library stays out of the first load. Works offline with no tile server:
 * the style is a plain background plus GeoJSON sources built from the units
 * on this device, with no glyphs, sprites or remote URLs. Labels, when
 * wanted, are HTML markers (MapLibre text needs glyph files).
 */
import {
  Map as MapLibreMap,
  Marker,
  setWorkerUrl,
  type GeoJSONSource,
  type GeoJSONSourceSpecification,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef } from 'react';
import { boundsOf, labelPosition } from './geo';
import { DEFAULT_UNIT_COLOUR, type TerritoryMapProps } from './map-types';

setWorkerUrl(workerUrl);

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
      properties: { label: p.label },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    })),
  };
}

const EMPTY: Collection = { type: 'FeatureCollection', features: [] };

const STYLE: StyleSpecification = {
  version: 8,
  sources: {
    units: { type: 'geojson', data: EMPTY },
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
      id: 'point',
      type: 'circle',
      source: 'points',
      paint: {
        'circle-radius': 6,
        'circle-color': '#b91c1c',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
  ],
};

export default function TerritoryMap(props: TerritoryMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loaded = useRef(false);
  const fitted = useRef(false);
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
      sync(map, propsRef.current, fitted);
    });
    map.on('click', 'unit-fill', (e) => {
      const unitId = e.features?.[0]?.properties?.unitId;
      if (typeof unitId === 'string') propsRef.current.onUnitClick?.(unitId);
    });
    map.on('mouseenter', 'unit-fill', () => {
      if (propsRef.current.onUnitClick) map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', 'unit-fill', () => {
      map.getCanvas().style.cursor = '';
    });
    return () => {
      loaded.current = false;
      map.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (mapRef.current && loaded.current) sync(mapRef.current, props, fitted);
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
    />
  );
}

function sync(map: MapLibreMap, props: TerritoryMapProps, fitted: { current: boolean }) {
  (map.getSource('units') as GeoJSONSource | undefined)?.setData(unitCollection(props));
  (map.getSource('points') as GeoJSONSource | undefined)?.setData(pointCollection(props));
  if (fitted.current || props.fitBounds === false) return;
  const bounds = boundsOf(
    props.units.map((u) => u.geometry),
    props.points,
  );
  if (!bounds) return;
  fitted.current = true;
  map.fitBounds(bounds, { padding: 24, animate: false, maxZoom: 16 });
}
