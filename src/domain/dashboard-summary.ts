/** Every figure of the office's dashboards at once, for one filter (see dashboard.ts). */
import {
  coverage,
  filterDashboardData,
  stagesByDirectorate,
  type Coverage,
  type DashboardData,
  type DashboardFilter,
  type StageTable,
} from './dashboard';
import {
  actionsByGovernmentArea,
  projectsByManagement,
  projectsByStatus,
  projectsByTheme,
  type AreaActions,
  type KindCounts,
  type StatusCounts,
} from './dashboard-projects';
import {
  participation,
  rubricsByDirectorate,
  type Participation,
  type RubricCell,
} from './dashboard-participation';

export interface Dashboard {
  coverage: Coverage;
  stages: StageTable;
  byTheme: KindCounts[];
  byManagement: KindCounts[];
  byStatus: StatusCounts[];
  /** Whether the device knows any project status (the follow-up's reference data). */
  hasStatuses: boolean;
  actionsByArea: AreaActions[];
  participation: Participation;
  rubrics: RubricCell[];
}

export function computeDashboard(data: DashboardData, filter: DashboardFilter): Dashboard {
  const filtered = filterDashboardData(data, filter);
  return {
    coverage: coverage(filtered, filter),
    stages: stagesByDirectorate(filtered),
    byTheme: projectsByTheme(filtered.projects),
    byManagement: projectsByManagement(filtered.projects),
    byStatus: projectsByStatus(filtered.projects, data.projectStatuses),
    hasStatuses: (data.projectStatuses?.length ?? 0) > 0,
    actionsByArea: actionsByGovernmentArea(filtered),
    participation: participation(filtered),
    rubrics: rubricsByDirectorate(filtered),
  };
}
