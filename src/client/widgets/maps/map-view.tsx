/**
 * A territory map with its list: the MapLibre map (a lazily loaded chunk,
 * drawn only where WebGL exists) and, always, the same units as a table, so
 * screen readers, 200 % zoom and old tablets without WebGL get everything the
 * map shows. Tapping a unit works the same in both.
 */
import { Component, lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOfflineBasemap } from '../../data/use-map-packs';
import { DataTable } from '../../ui/data-table';
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
      <DataTable
        caption={t('maps.pointsCaption')}
        captionHidden
        rows={points}
        rowKey={(p) => p.id}
        columns={[
          {
            header: t('maps.point'),
            cell: (p) => (
              <>
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
              </>
            ),
          },
          { header: t('maps.coordinates'), cell: (p) => `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}` },
        ]}
      />
    </details>
  );
}

function LineList({ lines = [] }: TerritoryMapProps) {
  const { t } = useTranslation();
  if (lines.length === 0) return null;
  return (
    <details className="map-list" open={lines.length <= 12}>
      <summary>{t('maps.linesSummary', { count: lines.length })}</summary>
      <DataTable
        caption={t('maps.linesCaption')}
        captionHidden
        rows={lines}
        rowKey={(l) => l.id}
        columns={[
          {
            header: t('maps.line'),
            cell: (l) => (
              <>
                <span
                  className={l.dashed ? 'swatch swatch-line swatch-dashed' : 'swatch swatch-line'}
                  aria-hidden="true"
                  style={{ borderColor: l.colour ?? '#1d4ed8' }}
                />{' '}
                {l.label}
              </>
            ),
          },
          {
            header: t('maps.status'),
            cell: (l) =>
              `${t('maps.vertices', { count: l.coordinates.length })} · ${l.dashed ? t('maps.drawnByHand') : t('maps.recorded')}`,
          },
        ]}
      />
    </details>
  );
}

function UnitList({ label, units, colourOf, describe, highlighted, onUnitClick }: TerritoryMapProps) {
  const { t } = useTranslation();
  return (
    <details className="map-list" open={units.length <= 12}>
      <summary>{t('maps.listSummary', { count: units.length })}</summary>
      <DataTable
        caption={label}
        captionHidden
        rows={units}
        rowKey={(unit) => unit.id}
        rowProps={(unit) => ({ 'aria-selected': highlighted ? highlighted.has(unit.id) : undefined })}
        columns={[
          {
            header: t('vocabulary.unitKey'),
            cell: (unit) => (
              <>
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
              </>
            ),
          },
          { header: t('vocabulary.unitName'), cell: (unit) => unit.name },
          describe ? { header: t('maps.status'), cell: (unit) => describe(unit) } : null,
        ]}
      />
    </details>
  );
}
