/**
 * Coordinators' home overview: every unit of the borough coloured by the
 * stage of the process that covers it (grey without one), a legend with the
 * ten stages, and how many units are at each stage. All from this device's
 * copy, so it works offline and updates as syncs bring changes.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROCESS_STAGES, stageNumber, type ProcessStage } from '../../../domain';
import { useProcesses } from '../../data/use-processes';
import { useUnits } from '../../data/use-territory';
import { DEFAULT_UNIT_COLOUR, type MapUnit } from './map-types';
import { TerritoryMapView } from './map-view';
import { STAGE_COLOURS } from './stage-colours';
import './strings';

/** The stage shown for each unit key: the most advanced process covering it wins. */
export function stageByUnitKey(
  processes: { unitKeys: string[]; stage: ProcessStage }[],
): Map<string, ProcessStage> {
  const out = new Map<string, ProcessStage>();
  for (const p of processes) {
    for (const key of p.unitKeys) {
      const current = out.get(key);
      if (!current || stageNumber(p.stage) > stageNumber(current)) out.set(key, p.stage);
    }
  }
  return out;
}

export function StageOverview() {
  const { t } = useTranslation();
  const units = useUnits();
  const processes = useProcesses();
  const stages = useMemo(() => stageByUnitKey(processes ?? []), [processes]);
  const counts = useMemo(() => {
    const c = new Map<ProcessStage, number>();
    for (const u of units ?? []) {
      const s = stages.get(u.key);
      if (s) c.set(s, (c.get(s) ?? 0) + 1);
    }
    return c;
  }, [units, stages]);
  if (!units) return null;
  if (units.length === 0) {
    return (
      <p className="empty">
        {t('maps.noUnits')}{' '}
        <Link to="/territory" className="link-target">
          {t('maps.setUpTerritory')}
        </Link>
      </p>
    );
  }
  const withProcess = [...counts.values()].reduce((a, b) => a + b, 0);
  const stageOf = (unit: MapUnit) => stages.get(unit.key);
  return (
    <section className="stage-overview" aria-labelledby="stage-overview-title">
      <h2 id="stage-overview-title">{t('maps.overviewTitle')}</h2>
      <p>
        {t('maps.unitsWithProcess', { count: withProcess, total: units.length })}{' '}
        <Link to="/territory" className="link-target">
          {t('maps.manageTerritory')}
        </Link>
      </p>
      <TerritoryMapView
        label={t('maps.overviewLabel')}
        units={units}
        colourOf={(u) => {
          const s = stageOf(u);
          return s ? STAGE_COLOURS[s] : DEFAULT_UNIT_COLOUR;
        }}
        describe={(u) => {
          const s = stageOf(u);
          return s ? `${stageNumber(s)}. ${t(`vocabulary.stages.${s}`)}` : t('maps.noProcess');
        }}
        legend={
          <ul className="map-legend" aria-label={t('maps.legend')}>
            {PROCESS_STAGES.map((s) => (
              <li key={s}>
                <span className="swatch" aria-hidden="true" style={{ background: STAGE_COLOURS[s] }} />{' '}
                {stageNumber(s)}. {t(`vocabulary.stages.${s}`)}: <strong>{counts.get(s) ?? 0}</strong>
              </li>
            ))}
            <li>
              <span className="swatch" aria-hidden="true" style={{ background: DEFAULT_UNIT_COLOUR }} />{' '}
              {t('maps.noProcess')}: <strong>{units.length - withProcess}</strong>
            </li>
          </ul>
        }
      />
    </section>
  );
}
