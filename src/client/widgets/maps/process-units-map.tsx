/** The units a process covers, on a map with their keys as labels, plus the points of its sessions. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useProcess } from '../../data/use-processes';
import { useSessions } from '../../data/use-sessions';
import { useUnitsByKeys } from '../../data/use-territory';
import type { MapPoint } from './map-types';
import { TerritoryMapView } from './map-view';
import { STAGE_COLOURS } from './stage-colours';
import './strings';

export function ProcessUnitsMap({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const process = useProcess(processId);
  const sessions = useSessions(processId);
  const units = useUnitsByKeys(process?.unitKeys ?? []);
  const points = useMemo<MapPoint[]>(
    () =>
      (sessions ?? []).flatMap((s) =>
        s.location ? [{ id: s.id, lon: s.location.lon, lat: s.location.lat, label: s.title }] : [],
      ),
    [sessions],
  );
  if (!process || !units || units.length === 0) return null;
  return (
    <section aria-labelledby="process-map-title">
      <h2 id="process-map-title">{t('maps.processTitle')}</h2>
      <TerritoryMapView
        label={t('maps.processLabel', { name: process.name })}
        units={units}
        colourOf={() => STAGE_COLOURS[process.stage]}
        points={points}
        showLabels
      />
    </section>
  );
}
