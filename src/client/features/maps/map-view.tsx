/**
 * A territory map with its list: the MapLibre map (a lazily loaded chunk,
 * drawn only where WebGL exists) and, always, the same units as a table, so
 * screen readers, 200 % zoom and old tablets without WebGL get everything the
 * map shows. Tapping a unit works the same in both.
 */
import { Component, lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasWebGl } from './geo';
import { DEFAULT_UNIT_COLOUR, type TerritoryMapProps } from './map-types';
import './maps.css';

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

export function TerritoryMapView(props: TerritoryMapProps & { legend?: ReactNode }) {
  const { t } = useTranslation();
  const [webGl] = useState(hasWebGl);
  const unavailable = <p className="muted">{t('maps.unavailable')}</p>;
  return (
    <div className="territory-map">
      {webGl ? (
        <MapBoundary fallback={unavailable}>
          <Suspense fallback={<p className="muted">{t('maps.loading')}</p>}>
            <TerritoryMap {...props} />
          </Suspense>
        </MapBoundary>
      ) : (
        unavailable
      )}
      {props.legend}
      <UnitList {...props} />
    </div>
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
            <th scope="col">{t('territory.key')}</th>
            <th scope="col">{t('territory.name')}</th>
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
