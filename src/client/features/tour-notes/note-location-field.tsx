import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useProcess } from '../../data/use-processes';
import { useUnitsByKeys } from '../../data/use-territory';
import type { MapPoint } from '../../widgets/maps/map-types';
import { TerritoryMapView } from '../../widgets/maps/map-view';
import { formatNumber } from '../../ui/format';
import { THEME_COLOURS } from '../../ui/theme-colours';
import type { TourNoteFormValues } from './tour-note-form-values';
import './strings';

const NO_UNITS: never[] = [];

type GeoState = 'idle' | 'locating' | 'denied' | 'unavailable' | 'timeout' | 'unsupported';

const GEO_OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 10_000, maximumAge: 30_000 };

/**
 * Where the note was taken: the device's position (asked once when a new
 * note opens, and again on request), a point tapped on the map of the
 * process's units, or none at all — a note always saves.
 */
export function NoteLocationField({ processId, locateOnOpen }: { processId: string; locateOnOpen: boolean }) {
  const { t, i18n } = useTranslation();
  const { control, setValue, getValues } = useFormContext<TourNoteFormValues>();
  const [location, accuracy, source, theme] = useWatch({
    control,
    name: ['location', 'accuracy', 'locationSource', 'theme'],
  });
  const [state, setState] = useState<GeoState>('idle');
  const [showMap, setShowMap] = useState(false);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const place = useCallback(
    (
      point: { lat: number; lon: number } | null,
      how: 'gps' | 'map' | 'none',
      acc: number | null,
      dirty: boolean,
    ) => {
      const options = { shouldDirty: dirty };
      setValue('location', point, options);
      setValue('accuracy', acc, options);
      setValue('locationSource', how, options);
    },
    [setValue],
  );

  /** Asks the device for its position once; `automatic` never overrides a point already chosen. */
  const locate = useCallback(
    (automatic: boolean) => {
      if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
        setState('unsupported');
        return;
      }
      setState('locating');
      navigator.geolocation.getCurrentPosition(
        (position) => {
          if (!live.current) return;
          setState('idle');
          if (automatic && getValues('locationSource') !== 'none') return;
          place(
            { lat: position.coords.latitude, lon: position.coords.longitude },
            'gps',
            Math.round(position.coords.accuracy),
            !automatic,
          );
        },
        (error) => {
          if (!live.current) return;
          setState(
            error.code === error.PERMISSION_DENIED
              ? 'denied'
              : error.code === error.TIMEOUT
                ? 'timeout'
                : 'unavailable',
          );
        },
        GEO_OPTIONS,
      );
    },
    [getValues, place],
  );

  const asked = useRef(false);
  useEffect(() => {
    if (!locateOnOpen || asked.current) return;
    asked.current = true;
    locate(true);
  }, [locateOnOpen, locate]);

  const lang = i18n.language;
  const coordinate = (n: number) => n.toFixed(5);
  let text: string;
  if (location && source === 'gps')
    text =
      accuracy != null
        ? t('tourNotes.location.gps', { accuracy: formatNumber(Math.round(accuracy), lang) })
        : t('tourNotes.location.map', { lat: coordinate(location.lat), lon: coordinate(location.lon) });
  else if (location && source === 'map')
    text = t('tourNotes.location.map', { lat: coordinate(location.lat), lon: coordinate(location.lon) });
  else if (state === 'idle') text = t('tourNotes.location.none');
  else text = t(`tourNotes.location.${state}`);
  const problem = !location && state !== 'idle' && state !== 'locating';

  return (
    <fieldset className="section note-location">
      <legend>
        <h2>{t('tourNotes.location.legend')}</h2>
      </legend>
      <p role="status" className={problem ? 'notice notice-warning' : 'note-location-text'}>
        {text}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => locate(false)}
          disabled={state === 'locating'}
        >
          {state === 'locating' ? t('tourNotes.location.locating') : t('tourNotes.location.useMine')}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={showMap}
          aria-controls="note-location-map"
          onClick={() => setShowMap((v) => !v)}
        >
          {showMap ? t('tourNotes.location.hideMap') : t('tourNotes.location.chooseOnMap')}
        </button>
        {location ? (
          <button type="button" className="button" onClick={() => place(null, 'none', null, true)}>
            {t('tourNotes.location.clear')}
          </button>
        ) : null}
      </div>
      <div id="note-location-map">
        {showMap ? (
          <NotePointMap
            processId={processId}
            point={location ?? null}
            colour={theme ? THEME_COLOURS[theme] : undefined}
            onPick={(lon, lat) => place({ lon, lat }, 'map', null, true)}
          />
        ) : null}
      </div>
    </fieldset>
  );
}

/** The process's units with the note's point; a tap places it. */
function NotePointMap({
  processId,
  point,
  colour,
  onPick,
}: {
  processId: string;
  point: { lat: number; lon: number } | null;
  colour: string | undefined;
  onPick: (lon: number, lat: number) => void;
}) {
  const { t } = useTranslation();
  const process = useProcess(processId);
  const units = useUnitsByKeys(process?.unitKeys ?? []);
  const points = useMemo<MapPoint[]>(
    () =>
      point
        ? [
            {
              id: 'note',
              lon: point.lon,
              lat: point.lat,
              label: t('tourNotes.location.point'),
              ...(colour ? { colour } : {}),
            },
          ]
        : [],
    [point, colour, t],
  );
  return (
    <>
      <p className="field-hint">{t('tourNotes.location.mapHint')}</p>
      <TerritoryMapView
        label={t('tourNotes.location.mapLabel')}
        units={units ?? NO_UNITS}
        points={points}
        onMapClick={onPick}
      />
    </>
  );
}
