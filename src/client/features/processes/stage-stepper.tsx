import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROCESS_STAGES, type ProcessStage, type StageEntry } from '../../../domain';
import { stageStatuses, type StageStatus } from '../../../domain/process-stages';
import { useStageFacts } from '../../data/use-processes';
import { useSessions } from '../../data/use-sessions';
import { formatDate } from '../../ui/format';
import { ItemAction } from '../../ui/item-action';
import { LateStageForm } from './late-stage-form';
import './stage-stepper.css';
import './strings';

const STATE_MARKS: Record<StageStatus['state'], string> = { done: '✓', current: '▸', skipped: '–', todo: '' };

/**
 * The ten stages at a glance, each with its state in words (never colour
 * alone): the current one (`aria-current="step"`); those before it done when
 * there is evidence of them (domain/process-stages.ts says what counts) or
 * skipped when there is none; those after it not reached. A stage shows the
 * day it was (last) reached. Below, the skipped stages, each with what would
 * make it done and the way to record it now.
 */
export function StageStepper({
  stage,
  history,
  processId,
}: {
  stage: ProcessStage;
  history: StageEntry[] | undefined;
  /** The process, to read its evidence (sessions, problems, votes, Collective) and record skipped stages. */
  processId?: string;
}) {
  const { t, i18n } = useTranslation();
  const facts = useStageFacts(processId ?? '');
  const statuses = stageStatuses({ stage, stageHistory: history }, processId ? (facts ?? null) : null);
  const currentIndex = PROCESS_STAGES.indexOf(stage);
  // While the evidence is being read, a stage before the current one is neither done nor skipped yet.
  const reading = processId !== undefined && facts === undefined;
  return (
    <>
      <ol className="stage-stepper plain-list" aria-label={t('processStages.stepperLabel')}>
        {statuses.map(({ stage: s, state, entry }, index) => {
          const known = !(reading && index < currentIndex);
          return (
            <li
              key={s}
              className={known ? `stage-step stage-step-${state}` : 'stage-step'}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="stage-step-number" aria-hidden="true">
                {index + 1}
              </span>{' '}
              <span className="stage-step-name">{t(`vocabulary.stages.${s}`)}</span>
              {known ? (
                <span className={state === 'todo' ? 'visually-hidden' : 'stage-step-state'}>
                  {STATE_MARKS[state] ? <span aria-hidden="true">{STATE_MARKS[state]} </span> : null}
                  {t(`processStages.states.${state}`)}
                </span>
              ) : null}
              {entry && index <= currentIndex ? (
                <time dateTime={entry.reachedAt}>{formatDate(entry.reachedAt, i18n.language)}</time>
              ) : null}
            </li>
          );
        })}
      </ol>
      {processId && facts !== undefined ? (
        <SkippedStages processId={processId} skipped={statuses.filter((s) => s.state === 'skipped')} />
      ) : null}
    </>
  );
}

/** Links to what would make a stage done, where the app records it. */
function evidenceAction(stage: ProcessStage, processId: string): { to: string; label: string } | null {
  switch (stage) {
    case 'convening':
    case 'tour':
    case 'follow_up':
      return { to: `/processes/${processId}/sessions/new`, label: 'processStages.actions.session' };
    case 'collective':
      return { to: '#collective-title', label: 'processStages.actions.collective' };
    case 'self_diagnosis':
      return { to: `/processes/${processId}/problems/new`, label: 'processStages.actions.problems' };
    default:
      return null;
  }
}

function SkippedStages({ processId, skipped }: { processId: string; skipped: StageStatus[] }) {
  const { t } = useTranslation();
  const sessions = useSessions(processId);
  const [open, setOpen] = useState<ProcessStage | null>(null);
  if (skipped.length === 0) return null;
  return (
    <section className="skipped-stages" aria-labelledby="skipped-stages-title">
      <h3 id="skipped-stages-title">{t('processStages.skippedTitle')}</h3>
      <p className="field-hint">{t('processStages.skippedIntro')}</p>
      <ul className="plain-list stack">
        {skipped.map(({ stage }) => {
          const number = PROCESS_STAGES.indexOf(stage) + 1;
          const action = evidenceAction(stage, processId);
          return (
            <li key={stage} className="skipped-stage">
              <p>
                <strong>
                  {t('processes.stageOf', { number, total: PROCESS_STAGES.length })} ·{' '}
                  {t(`vocabulary.stages.${stage}`)}
                </strong>
                <br />
                {t(`processStages.rules.${stage}`)}
              </p>
              {open === stage ? (
                <LateStageForm
                  processId={processId}
                  stage={stage}
                  sessions={sessions ?? []}
                  onDone={() => setOpen(null)}
                />
              ) : (
                <div className="actions">
                  {action ? (
                    action.to.startsWith('#') ? (
                      <a className="button" href={action.to}>
                        {t(action.label)}
                      </a>
                    ) : (
                      <Link className="button" to={action.to}>
                        {t(action.label)}
                      </Link>
                    )
                  ) : null}
                  <ItemAction
                    label={t('processStages.recordLater')}
                    itemLabel={t('processStages.recordLaterLabel', { number })}
                    onClick={() => setOpen(stage)}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
