import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { geoPointSchema, type GeoPoint } from '../../../domain';
import './strings';

type GeoState = 'idle' | 'locating' | 'denied' | 'unavailable';

/** The two boxes, each named for its coordinate (`<id>-lat`, `pointField.lat`). */
const AXES = ['lat', 'lon'] as const;
type Typed = Record<(typeof AXES)[number], string>;

/** Text to number, or null for an empty or unreadable box (checked on save by geoPointSchema). */
function toCoordinate(text: string): number | null {
  const value = Number(text.replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) ? null : value;
}

/**
 * An optional map point (a session's place, where a project happens): the
 * device's position (no network needed with GPS) or latitude and longitude
 * typed by hand. Both boxes empty means no point.
 */
export function PointField({
  id,
  value,
  onChange,
  incompleteHint,
}: {
  /** Base for the element ids. */
  id: string;
  value: GeoPoint | null;
  onChange(point: GeoPoint | null): void;
  /** What happens to a half-typed point when the record is saved. */
  incompleteHint: string;
}) {
  const { t } = useTranslation();
  const point = value ?? null;
  const [typed, setTyped] = useState<Typed>({
    lat: point ? String(point.lat) : '',
    lon: point ? String(point.lon) : '',
  });
  const [state, setState] = useState<GeoState>('idle');

  const update = (next: Typed) => {
    setTyped(next);
    const parsed = geoPointSchema.safeParse({ lat: toCoordinate(next.lat), lon: toCoordinate(next.lon) });
    onChange(parsed.success ? parsed.data : null);
  };

  const locate = () => {
    if (!('geolocation' in navigator)) return setState('unavailable');
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState('idle');
        update({ lat: position.coords.latitude.toFixed(6), lon: position.coords.longitude.toFixed(6) });
      },
      (error) => setState(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  const incomplete = AXES.some((axis) => typed[axis].trim() !== '') && !point;
  return (
    <fieldset className="location-field">
      <legend>{t('pointField.legend')}</legend>
      <button type="button" className="button" onClick={locate} disabled={state === 'locating'}>
        {state === 'locating' ? t('pointField.locating') : t('pointField.useMine')}
      </button>
      {state === 'denied' || state === 'unavailable' ? (
        <p role="alert" className="field-error">
          {t(`pointField.${state}`)}
        </p>
      ) : null}
      <div className="field-row">
        {AXES.map((axis) => (
          <div key={axis} className="field">
            <label htmlFor={`${id}-${axis}`}>{t(`pointField.${axis}`)}</label>
            <input
              id={`${id}-${axis}`}
              type="text"
              inputMode="decimal"
              value={typed[axis]}
              onChange={(e) => update({ ...typed, [axis]: e.currentTarget.value })}
            />
          </div>
        ))}
      </div>
      {incomplete ? <p className="field-hint">{incompleteHint}</p> : null}
    </fieldset>
  );
}
