/**
 * `/project-statuses` (coordinators and admins): the statuses a project goes
 * through in the follow-up — add, rename, change the default progress,
 * reorder, deactivate, reactivate. Like /government-areas: edits are local
 * writes that sync; the server takes them only from borough managers.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changedFields } from '../../../domain';
import { useAccount } from '../../data/use-account';
import {
  createProjectStatus,
  moveProjectStatus,
  setProjectStatusActive,
  updateProjectStatus,
  useProjectStatuses,
  type ProjectStatusView,
} from '../../data/use-project-statuses';
import { FormAlert } from '../../ui/form-alert';
import { PageHeading } from '../../ui/page-heading';
import { Loading } from '../../ui/status-views';
import { errorReason } from '../../ui/use-entity-form';
import { ItemAction } from '../../ui/item-action';
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
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const titleId = `status-${status.id}`;
  const run = (action: Promise<unknown>) => {
    setFailure(null);
    action.catch((error: unknown) =>
      setFailure(t('projectStatuses.changeFailed', { reason: errorReason(error) })),
    );
  };
  return (
    <li className="card">
      <h3 id={titleId}>
        {status.order}. {status.name}
      </h3>
      <p>
        {t(`projectStatuses.meanings.${status.meaning}`)} ·{' '}
        {status.defaultProgress === null
          ? t('projectStatuses.keepsProgress')
          : t('projectStatuses.progressValue', { value: status.defaultProgress })}
        {status.requiresReason ? ` · ${t('projectStatuses.asksReason')}` : ''} ·{' '}
        {status.active ? t('projectStatuses.active') : t('projectStatuses.inactive')}
      </p>
      {editing ? (
        <StatusForm
          defaultValues={formValues(status)}
          submitLabel={t('projectStatuses.save')}
          labelledBy={titleId}
          onCancel={() => setEditing(false)}
          onSave={async (values) => {
            const { name, meaning, defaultProgress, requiresReason } = status;
            const patch = changedFields({ name, meaning, defaultProgress, requiresReason }, values);
            if (Object.keys(patch).length > 0) await updateProjectStatus(status.id, patch, { diffed: true });
            setEditing(false);
          }}
        />
      ) : (
        <div className="actions">
          <ItemAction
            label={t('projectStatuses.edit')}
            itemLabel={t('projectStatuses.editOf', { name: status.name })}
            onClick={() => setEditing(true)}
          />
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
          <ItemAction
            label={status.active ? t('projectStatuses.deactivate') : t('projectStatuses.reactivate')}
            itemLabel={t(status.active ? 'projectStatuses.deactivateOf' : 'projectStatuses.reactivateOf', {
              name: status.name,
            })}
            onClick={() => run(setProjectStatusActive(status.id, !status.active))}
          />
        </div>
      )}
      <FormAlert>{failure}</FormAlert>
    </li>
  );
}

export function ProjectStatusesPage() {
  const { t } = useTranslation();
  const account = useAccount();
  const statuses = useProjectStatuses();
  if (account === undefined || statuses === undefined) return <Loading />;
  const role = account?.user.role;
  if (role !== 'admin' && role !== 'coordinator') {
    return (
      <section>
        <PageHeading title={t('projectStatuses.title')}>{t('projectStatuses.title')}</PageHeading>
        <p role="alert">{t('projectStatuses.forbidden')}</p>
      </section>
    );
  }
  return (
    <section>
      <PageHeading title={t('projectStatuses.title')}>{t('projectStatuses.title')}</PageHeading>
      <p>{t('projectStatuses.intro')}</p>
      <section className="card" aria-labelledby="status-add-title">
        <h2 id="status-add-title">{t('projectStatuses.addTitle')}</h2>
        <StatusForm
          defaultValues={{ name: '', meaning: 'in_progress', defaultProgress: '', requiresReason: false }}
          submitLabel={t('projectStatuses.add')}
          labelledBy="status-add-title"
          onSave={async (values) => {
            await createProjectStatus(values);
            return { clear: true, notice: { key: 'projectStatuses.added', values: { name: values.name } } };
          }}
        />
      </section>
      <h2>{t('projectStatuses.count', { count: statuses.length })}</h2>
      {statuses.length === 0 ? <p className="empty">{t('projectStatuses.empty')}</p> : null}
      <ul className="plain-list stack">
        {statuses.map((status, i) => (
          <StatusRow key={status.id} status={status} first={i === 0} last={i === statuses.length - 1} />
        ))}
      </ul>
    </section>
  );
}
