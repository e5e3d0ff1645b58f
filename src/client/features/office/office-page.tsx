/**
 * `/office`: the coordinator's dashboards and exports, computed on the device
 * from its records (offline too), filtered by directorate and dates. Each
 * chart is followed by a table of the same figures.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { computeDashboard } from '../../../domain/dashboard-summary';
import { useOfficeData } from '../../data/use-office';
import { Loading } from '../../ui/status-views';
import { ManagersOnlyPage } from '../../widgets/managers-only-page';
import { ExportsSection } from './exports-section';
import { OfficeFilters, useOfficeFilter } from './office-filters';
import { ParticipationSection, RubricsSection } from './people-sections';
import { CoverageSection, ProjectsSection, StagesSection } from './programme-sections';
import '../../ui/vocabulary/strings';
import './strings';
import './office.css';

function Dashboards() {
  const { t } = useTranslation();
  const data = useOfficeData();
  const [filter, setFilter] = useOfficeFilter();
  const key = JSON.stringify(filter);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter is compared by value
  const dashboard = useMemo(() => (data ? computeDashboard(data, filter) : undefined), [data, key]);
  if (!data || !dashboard) return <Loading />;
  return (
    <div className="office-page">
      <p>{t('dashboards.intro')}</p>
      <OfficeFilters filter={filter} onChange={setFilter} directorates={data.directorates} />
      <CoverageSection coverage={dashboard.coverage} />
      <StagesSection stages={dashboard.stages} />
      <ProjectsSection dashboard={dashboard} />
      <ParticipationSection participation={dashboard.participation} />
      <RubricsSection rubrics={dashboard.rubrics} />
      <ExportsSection filter={filter} />
    </div>
  );
}

export function OfficePage() {
  return <ManagersOnlyPage words="dashboards">{() => <Dashboards />}</ManagersOnlyPage>;
}
