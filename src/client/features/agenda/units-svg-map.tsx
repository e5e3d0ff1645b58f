import { useTranslation } from 'react-i18next';
import type { UnitGeometry } from '../../../domain';
import './strings';

export interface MapUnit {
  key: string;
  name: string;
  geometry: UnitGeometry;
}

const WIDTH = 600;
const HEIGHT = 360;
const PAD = 12;

type Ring = readonly (readonly number[])[];

function rings(geometry: UnitGeometry): Ring[] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/**
 * Longitude and latitude onto the drawing: an equirectangular projection
 * scaled by the cosine of the middle latitude (true enough at a
 * neighbourhood's size), fitted into the box with the north up.
 */
function projection(units: readonly MapUnit[]) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const unit of units)
    for (const ring of rings(unit.geometry))
      for (const [lon = 0, lat = 0] of ring) {
        minX = Math.min(minX, lon);
        maxX = Math.max(maxX, lon);
        minY = Math.min(minY, lat);
        maxY = Math.max(maxY, lat);
      }
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * kx, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((WIDTH - 2 * PAD) / spanX, (HEIGHT - 2 * PAD) / spanY);
  const offX = (WIDTH - spanX * scale) / 2;
  const offY = (HEIGHT - spanY * scale) / 2;
  return (lon: number, lat: number): [number, number] => [
    offX + (lon - minX) * kx * scale,
    offY + (maxY - lat) * scale,
  ];
}

function centroid(points: [number, number][]): [number, number] {
  const n = Math.max(points.length - 1, 1);
  let x = 0;
  let y = 0;
  for (const [px, py] of points.slice(0, n)) {
    x += px;
    y += py;
  }
  return [x / n, y / n];
}

/**
 * The process's units drawn as an inline SVG from the territory held on the
 * device: no tiles, no map library, so it prints and works offline. Each unit
 * is outlined and labelled with its key.
 */
export function UnitsSvgMap({ units }: { units: readonly MapUnit[] }) {
  const { t } = useTranslation();
  if (units.length === 0) return <p className="empty">{t('agenda.map.none')}</p>;
  const project = projection(units);
  const shapes = units.map((unit) => {
    const projected = rings(unit.geometry).map((ring) => ring.map(([lon = 0, lat = 0]) => project(lon, lat)));
    const d = projected
      .map((ring) => `M${ring.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`)
      .join('');
    const largest = projected.reduce((a, b) => (b.length > a.length ? b : a), projected[0] ?? []);
    return { unit, d, label: centroid(largest) };
  });
  return (
    <figure className="agenda-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${t('agenda.map.title')}: ${units.map((u) => `${u.key} ${u.name}`).join(', ')}`}
      >
        {shapes.map(({ unit, d }) => (
          <path key={unit.key} d={d} className="agenda-map-unit" fillRule="evenodd" />
        ))}
        {shapes.map(({ unit, label: [x, y] }) => (
          <text key={unit.key} x={x} y={y} className="agenda-map-label" textAnchor="middle">
            {unit.key}
          </text>
        ))}
      </svg>
      <figcaption>{t('agenda.map.title')}</figcaption>
    </figure>
  );
}
