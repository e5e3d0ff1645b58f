import { useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { geoPointSchema } from '../../../domain';
import type { SessionFormValues } from './session-form-values';
import './strings';

type GeoState = 'idle' | 'locating' | 'denied' | 'unavailable';

/** Text to number, or null for an empty or unreadable box (checked on save by geoPointSchema). */
function toCoordinate(text: string): number | null {
  const value = Number(text.replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) ? null : value;
}

/**
 * Optional map point of the session's place: the device's position (no
 * network needed with GPS) or latitude and longitude typed by hand. Both
 * boxes empty means no point.
 */
export function LocationField() {
  const { t } = useTranslation();
  const { control } = useFormContext<SessionFormValues>();
  const { field } = useController({ control, name: 'location' });
  const point = field.value ?? null;
  const [lat, setLat] = useState(point ? String(point.lat) : '');
  const [lon, setLon] = useState(point ? String(point.lon) : '');
  const [state, setState] = useState<GeoState>('idle');

  const update = (nextLat: string, nextLon: string) => {
    setLat(nextLat);
    setLon(nextLon);
    const parsed = geoPointSchema.safeParse({ lat: toCoordinate(nextLat), lon: toCoordinate(nextLon) });
    field.onChange(parsed.success ? parsed.data : null);
  };

  const locate = () => {
    if (!('geolocation' in navigator)) return setState('unavailable');
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState('idle');
        update(position.coords.latitude.toFixed(6), position.coords.longitude.toFixed(6));
      },
      (error) => setState(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  const incomplete = (lat.trim() !== '' || lon.trim() !== '') && !point;
  return (
    <fieldset className="location-field">
      <legend>{t('sessionLocation.legend')}</legend>
      <button type="button" className="button" onClick={locate} disabled={state === 'locating'}>
        {state === 'locating' ? t('sessionLocation.locating') : t('sessionLocation.useMine')}
      </button>
      {state === 'denied' || state === 'unavailable' ? (
        <p role="alert" className="field-error">
          {t(`sessionLocation.${state}`)}
        </p>
      ) : null}
      <div className="field-row">
        <div className="field">
          <label htmlFor="session-lat">{t('sessionLocation.lat')}</label>
          <input
            id="session-lat"
            type="text"
            inputMode="decimal"
            value={lat}
            onChange={(e) => update(e.currentTarget.value, lon)}
          />
        </div>
        <div className="field">
          <label htmlFor="session-lon">{t('sessionLocation.lon')}</label>
          <input
            id="session-lon"
            type="text"
            inputMode="decimal"
            value={lon}
            onChange={(e) => update(lat, e.currentTarget.value)}
          />
        </div>
      </div>
      {incomplete ? <p className="field-hint">{t('sessionLocation.incomplete')}</p> : null}
    </fieldset>
  );
}
