/**
 * A territory map with its list: the MapLibre map (a lazily loaded chunk,
 * drawn only where WebGL exists) and, always, the same units as a table, so
 * screen readers, 200 % zoom and old tablets without WebGL get everything the
 * map shows. Tapping a unit works the same in both.
 */
import {
  Component,
  lazy,
  Suspense,
  useState,
  type CSSProperties,
  type HTMLAttributes,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useOfflineBasemap } from '../../data/use-map-packs';
import { DataTable, type Column } from '../../ui/data-table';
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
      <UnitList {...props} />
      <LineList {...props} />
      <PointList {...props} />
    </div>
  );
}

/**
 * A list of what the map draws, as a table under it (so the map is never the only way to read it);
 * open while it is short, left out when there is nothing.
 */
function MapList<T extends { id: string }>({
  summary,
  caption,
  rows,
  columns,
  rowProps,
}: {
  summary: string;
  caption: string;
  rows: T[];
  columns: readonly (Column<T> | null)[];
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement>;
}) {
  if (rows.length === 0) return null;
  return (
    <details className="map-list" open={rows.length <= 12}>
      <summary>{summary}</summary>
      <DataTable
        caption={caption}
        captionHidden
        rows={rows}
        rowKey={(row) => row.id}
        rowProps={rowProps}
        columns={columns}
      />
    </details>
  );
}

/**
 * A drawn thing's name in the list after its swatch (how the map draws it); a button where tapping
 * it does what tapping it on the map does.
 */
function SwatchLabel({
  swatch,
  style,
  label,
  onClick,
}: {
  swatch: string;
  style: CSSProperties;
  label: string;
  onClick?: (() => void) | undefined;
}) {
  return (
    <>
      <span className={swatch} aria-hidden="true" style={style} />{' '}
      {onClick ? (
        <button type="button" className="link-button" onClick={onClick}>
          {label}
        </button>
      ) : (
        label
      )}
    </>
  );
}

function PointList({ points = [], onPointClick }: TerritoryMapProps) {
  const { t } = useTranslation();
  return (
    <MapList
      summary={t('maps.pointsSummary', { count: points.length })}
      caption={t('maps.pointsCaption')}
      rows={points}
      columns={[
        {
          header: t('maps.point'),
          cell: (p) => (
            <SwatchLabel
              swatch="swatch swatch-round"
              style={{ background: p.colour ?? '#b91c1c' }}
              label={p.label}
              onClick={onPointClick && (() => onPointClick(p.id))}
            />
          ),
        },
        { header: t('maps.coordinates'), cell: (p) => `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}` },
      ]}
    />
  );
}

function LineList({ lines = [] }: TerritoryMapProps) {
  const { t } = useTranslation();
  return (
    <MapList
      summary={t('maps.linesSummary', { count: lines.length })}
      caption={t('maps.linesCaption')}
      rows={lines}
      columns={[
        {
          header: t('maps.line'),
          cell: (l) => (
            <SwatchLabel
              swatch={l.dashed ? 'swatch swatch-line swatch-dashed' : 'swatch swatch-line'}
              style={{ borderColor: l.colour ?? '#1d4ed8' }}
              label={l.label}
            />
          ),
        },
        {
          header: t('maps.status'),
          cell: (l) =>
            `${t('maps.vertices', { count: l.coordinates.length })} · ${l.dashed ? t('maps.drawnByHand') : t('maps.recorded')}`,
        },
      ]}
    />
  );
}

function UnitList({ label, units, colourOf, describe, highlighted, onUnitClick }: TerritoryMapProps) {
  const { t } = useTranslation();
  return (
    <MapList
      summary={t('maps.listSummary', { count: units.length })}
      caption={label}
      rows={units}
      rowProps={(unit) => ({ 'aria-selected': highlighted ? highlighted.has(unit.id) : undefined })}
      columns={[
        {
          header: t('vocabulary.unitKey'),
          cell: (unit) => (
            <SwatchLabel
              swatch="swatch"
              style={{ background: colourOf?.(unit) ?? DEFAULT_UNIT_COLOUR }}
              label={unit.key}
              onClick={onUnitClick && (() => onUnitClick(unit.id))}
            />
          ),
        },
        { header: t('vocabulary.unitName'), cell: (unit) => unit.name },
        describe ? { header: t('maps.status'), cell: (unit) => describe(unit) } : null,
      ]}
    />
  );
}
