/**
 * A territory map with its list: the MapLibre map (a lazily loaded chunk,
 * drawn only where WebGL exists) and, always, the same units as a table, so
 * screen readers, 200 % zoom and old tablets without WebGL get everything the
 * map shows. Tapping a unit works the same in both.
 */
import { Component, lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfflineBasemap } from '../../data/use-map-packs';
import { hasWebGl } from './geo';
import { DEFAULT_UNIT_COLOUR, type TerritoryMapProps } from './map-types';
import './maps.css';
import './strings';

const TerritoryMap = lazy(() => import('./territory-map'));

/** If the map chunk cannot load or WebGL fails mid-way, the list alone is still there. */
class MapBoundary extends Component<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * Every map draws the offline map pack downloaded to this device, unless the
 * caller passes its own `basemap` (or `null` for the plain style).
 */
export function TerritoryMapView(props: TerritoryMapProps & { legend?: ReactNode }) {
  const { t } = useTranslation();
  const [webGl] = useState(hasWebGl);
  const offline = useOfflineBasemap();
  const basemap = props.basemap === undefined ? offline : props.basemap;
  const unavailable = <p className="muted">{t('maps.unavailable')}</p>;
  return (
    <div className="territory-map">
      {webGl ? (
        <MapBoundary fallback={unavailable}>
          <Suspense fallback={<p className="muted">{t('maps.loading')}</p>}>
            <TerritoryMap {...props} basemap={basemap} />
          </Suspense>
        </MapBoundary>
      ) : (
        unavailable
      )}
      {webGl && basemap ? <p className="muted map-basemap-note">{t('maps.basemapNote')}</p> : null}
      {props.legend}
      {props.units.length > 0 ? <UnitList {...props} /> : null}
      <LineList {...props} />
      <PointList {...props} />
    </div>
  );
}

function PointList({ points = [], onPointClick }: TerritoryMapProps) {
  const { t } = useTranslation();
  if (points.length === 0) return null;
  return (
    <details className="map-list" open={points.length <= 12}>
      <summary>{t('maps.pointsSummary', { count: points.length })}</summary>
      <table className="data-table">
        <caption className="visually-hidden">{t('maps.pointsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('maps.point')}</th>
            <th scope="col">{t('maps.coordinates')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.id}>
              <td>
                <span
                  className="swatch swatch-round"
                  aria-hidden="true"
                  style={{ background: p.colour ?? '#b91c1c' }}
                />{' '}
                {onPointClick ? (
                  <button type="button" className="link-button" onClick={() => onPointClick(p.id)}>
                    {p.label}
                  </button>
                ) : (
                  p.label
                )}
              </td>
              <td>
                {p.lat.toFixed(5)}, {p.lon.toFixed(5)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function LineList({ lines = [] }: TerritoryMapProps) {
  const { t } = useTranslation();
  if (lines.length === 0) return null;
  return (
    <details className="map-list" open={lines.length <= 12}>
      <summary>{t('maps.linesSummary', { count: lines.length })}</summary>
      <table className="data-table">
        <caption className="visually-hidden">{t('maps.linesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('maps.line')}</th>
            <th scope="col">{t('maps.status')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.id}>
              <td>
                <span
                  className={l.dashed ? 'swatch swatch-line swatch-dashed' : 'swatch swatch-line'}
                  aria-hidden="true"
                  style={{ borderColor: l.colour ?? '#1d4ed8' }}
                />{' '}
                {l.label}
              </td>
              <td>
                {t('maps.vertices', { count: l.coordinates.length })} ·{' '}
                {l.dashed ? t('maps.drawnByHand') : t('maps.recorded')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function UnitList({ label, units, colourOf, describe, highlighted, onUnitClick }: TerritoryMapProps) {
  const { t } = useTranslation();
  return (
    <details className="map-list" open={units.length <= 12}>
      <summary>{t('maps.listSummary', { count: units.length })}</summary>
      <table className="data-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vocabulary.unitKey')}</th>
            <th scope="col">{t('vocabulary.unitName')}</th>
            {describe ? <th scope="col">{t('maps.status')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.id} aria-selected={highlighted ? highlighted.has(unit.id) : undefined}>
              <td>
                <span
                  className="swatch"
                  aria-hidden="true"
                  style={{ background: colourOf?.(unit) ?? DEFAULT_UNIT_COLOUR }}
                />{' '}
                {onUnitClick ? (
                  <button type="button" className="link-button" onClick={() => onUnitClick(unit.id)}>
                    {unit.key}
                  </button>
                ) : (
                  unit.key
                )}
              </td>
              <td>{unit.name}</td>
              {describe ? <td>{describe(unit)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
