/** The office's programme figures: coverage, processes by stage × directorate, projects and actions. */
import { useTranslation } from 'react-i18next';
import { PROCESS_STAGES } from '../../../domain';
import type { Dashboard } from '../../../domain/dashboard-summary';
import { NO_STATUS, type KindCounts } from '../../../domain/dashboard-projects';
import { formatNumber } from '../../ui/format';
import { BarChart, StackedBarChart } from './charts';
import { FigureTable } from './figure-table';
import { formatShare } from './format';
import { OfficeSection } from './office-section';
import './strings';

export function CoverageSection({ coverage: c }: { coverage: Dashboard['coverage'] }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const pct = (v: number) => formatShare(v, i18n.language);
  const title = t('dashboards.coverage.title');
  const rows = [
    { key: 'processes', header: t('dashboards.coverage.processes'), cells: [n(c.processes), ''] },
    {
      key: 'units',
      header: t('dashboards.coverage.units'),
      cells: [
        t('dashboards.coverage.ofTotal', { count: n(c.unitsCovered), total: n(c.unitsTotal) }),
        pct(c.unitsTotal ? c.unitsCovered / c.unitsTotal : 0),
      ],
    },
    {
      key: 'population',
      header: t('dashboards.coverage.population'),
      cells: [
        t('dashboards.coverage.ofTotal', { count: n(c.populationCovered), total: n(c.boroughPopulation) }),
        pct(c.populationShare),
      ],
    },
    {
      key: 'prioritised',
      header: t('dashboards.coverage.prioritised'),
      cells: [
        t('dashboards.coverage.ofTotal', { count: n(c.prioritisedCovered), total: n(c.prioritisedUnits) }),
        pct(c.prioritisedShare),
      ],
    },
  ];
  return (
    <OfficeSection id="office-coverage" title={title}>
      {c.unitsTotal === 0 ? <p>{t('dashboards.coverage.noTerritory')}</p> : null}
      <ul className="office-tiles">
        <li>
          {t('dashboards.coverage.processes')} <strong>{n(c.processes)}</strong>
        </li>
        <li>
          {t('dashboards.coverage.populationShare', { total: n(c.boroughPopulation) })}{' '}
          <strong>{pct(c.populationShare)}</strong>
        </li>
        <li>
          {t('dashboards.coverage.prioritised')} <strong>{pct(c.prioritisedShare)}</strong>
        </li>
      </ul>
      <div className="office-figure">
        <BarChart
          title={title}
          max={1}
          bars={[
            {
              key: 'units',
              label: t('dashboards.coverage.units'),
              value: c.unitsTotal ? c.unitsCovered / c.unitsTotal : 0,
              text: rows[1]!.cells[1]!,
            },
            {
              key: 'population',
              label: t('dashboards.coverage.population'),
              value: c.populationShare,
              text: pct(c.populationShare),
            },
            {
              key: 'prioritised',
              label: t('dashboards.coverage.prioritised'),
              value: c.prioritisedShare,
              text: pct(c.prioritisedShare),
            },
          ]}
        />
        <FigureTable
          caption={title}
          headers={[
            t('dashboards.coverage.figure'),
            t('dashboards.coverage.value'),
            t('dashboards.coverage.share'),
          ]}
          rows={rows}
        />
      </div>
    </OfficeSection>
  );
}

export function StagesSection({ stages }: { stages: Dashboard['stages'] }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const title = t('dashboards.stages.title');
  const name = (r: Dashboard['stages']['rows'][number]) => r.name ?? t('dashboards.noDirectorate');
  const stageNames = PROCESS_STAGES.map((s, i) => `${i + 1}. ${t(`vocabulary.stages.${s}`)}`);
  return (
    <OfficeSection
      id="office-stages"
      title={title}
      link={{ to: '/#stage-overview-title', text: t('dashboards.stages.mapLink') }}
      empty={stages.total === 0 ? t('dashboards.stages.empty') : null}
    >
      <div className="office-figure">
        <StackedBarChart
          title={title}
          series={PROCESS_STAGES.map((s, i) => ({ key: s, label: stageNames[i]! }))}
          rows={stages.rows.map((r) => ({
            key: r.directorateId,
            label: name(r),
            values: PROCESS_STAGES.map((s) => r.byStage[s]),
            total: r.total,
          }))}
        />
        <FigureTable
          caption={title}
          headers={[t('dashboards.stages.directorate'), ...stageNames, t('dashboards.stages.total')]}
          rows={stages.rows.map((r) => ({
            key: r.directorateId,
            header: name(r),
            cells: [...PROCESS_STAGES.map((s) => n(r.byStage[s])), n(r.total)],
          }))}
          foot={{
            key: 'total',
            header: t('dashboards.stages.total'),
            cells: [...PROCESS_STAGES.map((s) => n(stages.totals[s])), n(stages.total)],
          }}
        />
      </div>
    </OfficeSection>
  );
}

function KindTable({
  id,
  title,
  column,
  rows,
  name,
}: {
  id: string;
  title: string;
  column: string;
  rows: KindCounts[];
  name: (key: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <div className="office-figure" id={id}>
      <h3>{title}</h3>
      <BarChart
        title={title}
        bars={rows.map((r) => ({
          key: r.key,
          label: name(r.key),
          value: r.total,
          text: `${n(r.total)} · ${formatShare(r.share, i18n.language)}`,
        }))}
      />
      <FigureTable
        caption={title}
        headers={[
          column,
          t('dashboards.projects.projects'),
          t('dashboards.projects.actions'),
          t('dashboards.projects.total'),
          t('dashboards.projects.share'),
        ]}
        rows={rows.map((r) => ({
          key: r.key,
          header: name(r.key),
          cells: [n(r.projects), n(r.actions), n(r.total), formatShare(r.share, i18n.language)],
        }))}
      />
    </div>
  );
}

export function ProjectsSection({ dashboard: d }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  const statusName = (key: string) =>
    key === NO_STATUS
      ? t('dashboards.projects.noStatus')
      : (d.byStatus.find((s) => s.key === key)?.name ?? key);
  const total = d.byTheme.reduce((sum, r) => sum + r.total, 0);
  const areasTitle = t('dashboards.projects.areas');
  return (
    <OfficeSection id="office-projects" title={t('dashboards.projects.byTheme')}>
      {total === 0 ? <p className="empty">{t('dashboards.projects.empty')}</p> : null}
      <KindTable
        id="office-themes"
        title={t('dashboards.projects.byTheme')}
        column={t('dashboards.projects.theme')}
        rows={d.byTheme}
        name={(k) => t(`vocabulary.themes.${k}`)}
      />
      <KindTable
        id="office-management"
        title={t('dashboards.projects.byManagement')}
        column={t('dashboards.projects.management')}
        rows={d.byManagement}
        name={(k) => t(`dashboards.projects.modes.${k}`)}
      />
      {d.hasStatuses ? null : <p>{t('dashboards.projects.noStatuses')}</p>}
      <KindTable
        id="office-status"
        title={t('dashboards.projects.byStatus')}
        column={t('dashboards.projects.status')}
        rows={d.byStatus}
        name={statusName}
      />
      <div className="office-figure">
        <h3>{areasTitle}</h3>
        {d.actionsByArea.length === 0 ? (
          <p className="empty">{t('dashboards.projects.areasEmpty')}</p>
        ) : (
          <>
            <StackedBarChart
              title={areasTitle}
              series={[
                { key: 'done', label: t('dashboards.projects.areaDone') },
                { key: 'open', label: t('dashboards.projects.areaActions') },
              ]}
              rows={d.actionsByArea.map((a) => ({
                key: a.governmentAreaId,
                label: a.shortName,
                values: [a.done, a.actions - a.done],
                total: a.actions,
              }))}
            />
            <FigureTable
              caption={areasTitle}
              headers={[
                t('dashboards.projects.area'),
                t('dashboards.projects.areaActions'),
                t('dashboards.projects.areaDone'),
              ]}
              rows={d.actionsByArea.map((a) => ({
                key: a.governmentAreaId,
                header: a.name,
                cells: [n(a.actions), n(a.done)],
              }))}
            />
          </>
        )}
      </div>
    </OfficeSection>
  );
}
