/**
 * `/project-statuses` (coordinators and admins): the statuses a project goes
 * through in the follow-up — add, rename, change the default progress,
 * reorder, deactivate, reactivate. Like /government-areas: edits are local
 * writes that sync; the server takes them only from borough managers.
 */
import { useTranslation } from 'react-i18next';
import {
  createProjectStatus,
  moveProjectStatus,
  setProjectStatusActive,
  updateProjectStatus,
  useProjectStatuses,
  type ProjectStatusView,
} from '../../data/use-project-statuses';
import { AddRecordCard, RecordCard, RecordCards } from '../../ui/record-cards';
import { Loading } from '../../ui/status-views';
import { ItemAction } from '../../ui/item-action';
import { BoroughSetupPage } from '../../widgets/borough-setup-page';
import { StatusForm, type StatusFormValues } from './status-form';
import './strings';

const formValues = (s: ProjectStatusView): StatusFormValues => ({
  name: s.name,
  meaning: s.meaning,
  defaultProgress: s.defaultProgress === null ? '' : String(s.defaultProgress),
  requiresReason: s.requiresReason,
});

function StatusRow({ status, first, last }: { status: ProjectStatusView; first: boolean; last: boolean }) {
  const { t } = useTranslation();
  const titleId = `status-${status.id}`;
  return (
    <RecordCard
      titleId={titleId}
      title={`${status.order}. ${status.name}`}
      words="projectStatuses"
      name={status.name}
      active={status.active}
      setActive={(active) => setProjectStatusActive(status.id, active)}
      editLabel={t('projectStatuses.edit')}
      editItemLabel={t('projectStatuses.editOf', { name: status.name })}
      stored={status}
      update={(patch) => updateProjectStatus(status.id, patch, { diffed: true })}
      form={(form) => (
        <StatusForm defaultValues={formValues(status)} submitLabel={t('projectStatuses.save')} {...form} />
      )}
      actions={(run) => (
        <>
          <ItemAction
            label={t('projectStatuses.up')}
            itemLabel={t('projectStatuses.upOf', { name: status.name })}
            disabled={first}
            onClick={() => run(moveProjectStatus(status.id, -1))}
          />
          <ItemAction
            label={t('projectStatuses.down')}
            itemLabel={t('projectStatuses.downOf', { name: status.name })}
            disabled={last}
            onClick={() => run(moveProjectStatus(status.id, 1))}
          />
        </>
      )}
    >
      <p>
        {t(`projectStatuses.meanings.${status.meaning}`)} ·{' '}
        {status.defaultProgress === null
          ? t('projectStatuses.keepsProgress')
          : t('projectStatuses.progressValue', { value: status.defaultProgress })}
        {status.requiresReason ? ` · ${t('projectStatuses.asksReason')}` : ''} ·{' '}
        {status.active ? t('projectStatuses.active') : t('projectStatuses.inactive')}
      </p>
    </RecordCard>
  );
}

export function ProjectStatusesPage() {
  const statuses = useProjectStatuses();
  if (statuses === undefined) return <Loading />;
  return (
    <BoroughSetupPage words="projectStatuses" intro>
      <AddRecordCard id="status-add-title" words="projectStatuses" create={createProjectStatus}>
        {(form) => (
          <StatusForm
            defaultValues={{ name: '', meaning: 'in_progress', defaultProgress: '', requiresReason: false }}
            {...form}
          />
        )}
      </AddRecordCard>
      <RecordCards words="projectStatuses" items={statuses}>
        {(status, i) => (
          <StatusRow key={status.id} status={status} first={i === 0} last={i === statuses.length - 1} />
        )}
      </RecordCards>
    </BoroughSetupPage>
  );
}
