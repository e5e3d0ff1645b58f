import { useTranslation } from 'react-i18next';
import { PROCESS_STAGES, type ProcessStage, type StageEntry } from '../../../domain';
import { latestEntryByStage } from '../../../domain/process-stages';
import { formatDate } from '../../ui/format';

/**
 * The ten stages at a glance: the current one marked (`aria-current="step"`),
 * the ones reached before it with the date they were (last) reached.
 */
export function StageStepper({ stage, history }: { stage: ProcessStage; history: StageEntry[] | undefined }) {
  const { t, i18n } = useTranslation();
  const reached = latestEntryByStage(history);
  const currentIndex = PROCESS_STAGES.indexOf(stage);
  return (
    <ol className="stage-stepper plain-list" aria-label={t('processStages.stepperLabel')}>
      {PROCESS_STAGES.map((s, index) => {
        const entry = reached.get(s);
        const state = index === currentIndex ? 'current' : index < currentIndex ? 'done' : 'todo';
        return (
          <li
            key={s}
            className={`stage-step stage-step-${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="stage-step-number" aria-hidden="true">
              {index + 1}
            </span>{' '}
            <span className="stage-step-name">{t(`stages.${s}`)}</span>
            {state === 'current' ? (
              <span className="visually-hidden"> ({t('processStages.current')})</span>
            ) : null}
            {entry && index <= currentIndex ? (
              <time dateTime={entry.reachedAt}>{formatDate(entry.reachedAt, i18n.language)}</time>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
