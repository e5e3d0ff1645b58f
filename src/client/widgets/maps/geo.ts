/** Small geometry helpers for the map: bounds and label positions, without a GIS library. */
import type { UnitGeometry } from '../../../domain';
import type { MapPoint } from './map-types';

export type Bounds = [[number, number], [number, number]];

type Ring = UnitGeometry extends infer G
  ? G extends { type: 'Polygon'; coordinates: (infer R)[] }
    ? R
    : never
  : never;

function outerRings(geometry: UnitGeometry): Ring[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((polygon) => polygon[0] ?? []);
}

/** South-west and north-east corners of everything given, or null when there is nothing. */
export function boundsOf(geometries: UnitGeometry[], points: MapPoint[] = []): Bounds | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (x: number, y: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const g of geometries) for (const ring of outerRings(g)) for (const [x, y] of ring) add(x, y);
  for (const p of points) add(p.lon, p.lat);
  return Number.isFinite(minX)
    ? [
        [minX, minY],
        [maxX, maxY],
      ]
    : null;
}

/** Where to put a unit's label: the centre of the bounding box of its largest outer ring. */
export function labelPosition(geometry: UnitGeometry): [number, number] {
  const rings = outerRings(geometry).sort((a, b) => b.length - a.length);
  const largest = rings[0];
  const b = largest ? boundsOf([{ type: 'Polygon', coordinates: [largest] }]) : null;
  if (!b) return [0, 0];
  return [(b[0][0] + b[1][0]) / 2, (b[0][1] + b[1][1]) / 2];
}

/** Whether this browser can draw WebGL; old tablets and jsdom cannot, and get the list view instead. */
export function hasWebGl(): boolean {
  try {
    if (typeof document === 'undefined' || typeof WebGLRenderingContext === 'undefined') return false;
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
