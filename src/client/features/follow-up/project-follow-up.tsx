import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { effectiveProgress, localDate, statusOf, type AuthorRole } from '../../../domain';
import { useAccount } from '../../data/use-account';
import { recordProgress, useProjectUpdates } from '../../data/use-follow-up';
import { useProjectStatuses } from '../../data/use-project-statuses';
import { useProject, useProjects } from '../../data/use-projects';
import { SavedNotice } from '../../ui/save-notice';
import { ProgressBar } from './progress-bar';
import { ProgressForm } from './progress-form';
import { ProjectTimeline } from './project-timeline';
import './follow-up.css';
import './strings';

/**
 * "Seguimiento" on a project's page: its status (and why, when cancelled or
 * on hold), its progress (set by hand, or rolled up from its actions — and
 * which), "Registrar avance" and the timeline, newest first. Offline.
 */
export function ProjectFollowUp({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const project = useProject(projectId);
  const projects = useProjects(project?.processId ?? '');
  const statuses = useProjectStatuses();
  const updates = useProjectUpdates(projectId);
  const role = useAccount()?.user.role;
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  if (!project || !projects || !statuses || !updates) return null;
  const status = statusOf(project, statuses);
  const progress = effectiveProgress(project, projects, statuses);
  const authorRole: AuthorRole = role ?? 'facilitator';
  return (
    <section className="page-section" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('followUp.title')}</h2>
      <p>
        <span id="follow-up-status-label">{t('followUp.status')}</span>:{' '}
        <strong>{status?.name ?? t('followUp.unknownStatus')}</strong>
        {project.statusReason ? ` — ${t('followUp.reason', { reason: project.statusReason })}` : null}
      </p>
      <p id="follow-up-progress-label">{t('followUp.progress.label')}</p>
      <ProgressBar progress={progress} labelId="follow-up-progress-label" />
      <p>
        <Link to={`/processes/${project.processId}/pendientes`} className="link-target">
          {t('followUp.pendingLink')}
        </Link>
      </p>
      {open ? (
        <section className="card" aria-labelledby="progress-form-title">
          <h3 id="progress-form-title">{t('followUp.form.title')}</h3>
          <ProgressForm
            statuses={statuses}
            currentStatusId={status?.id}
            manualProgress={progress.source !== 'roll_up'}
            defaultValues={{
              date: localDate(new Date()),
              text: '',
              statusId: status?.id ?? '',
              statusReason: '',
              progress: '',
              public: false,
              photos: [],
              publicPhotos: [],
              point: null,
            }}
            onCancel={() => setOpen(false)}
            onSave={async (values) => {
              await recordProgress({
                projectId,
                date: values.date,
                text: values.text,
                photos: values.photos,
                point: values.point,
                public: values.public,
                publicPhotos: values.public ? values.publicPhotos : [],
                authorRole,
                ...(values.statusId ? { statusId: values.statusId, statusReason: values.statusReason } : {}),
                ...(values.progress !== undefined ? { progress: values.progress } : {}),
              });
              setOpen(false);
              setSaved(true);
            }}
          />
        </section>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setSaved(false);
              setOpen(true);
            }}
          >
            {t('followUp.record')}
          </button>
        </div>
      )}
      <SavedNotice notice={saved ? { key: 'followUp.saved' } : null} focus />
      <h3>{t('followUp.timeline.title')}</h3>
      <ProjectTimeline updates={updates} statuses={statuses} commitments={project.commitments} />
    </section>
  );
}
