import { useTranslation } from 'react-i18next';
import type { EffectiveProgress } from '../../../domain';
import './strings';

/** A project's progress as a bar with its value for screen readers, and where the figure comes from. */
export function ProgressBar({ progress, labelId }: { progress: EffectiveProgress; labelId: string }) {
  const { t } = useTranslation();
  const value = progress.value === null ? null : Math.round(progress.value);
  const source =
    progress.source === 'roll_up'
      ? t(`followUp.progress.rollUp.${progress.method ?? 'average'}`, { count: progress.actions ?? 0 })
      : t(`followUp.progress.source.${progress.source}`);
  return (
    <div className="follow-up-progress">
      <div
        className="follow-up-bar"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value ?? undefined}
        aria-valuetext={value === null ? t('followUp.progress.none') : `${value} %`}
      >
        <span style={{ width: `${value ?? 0}%` }} />
      </div>
      <p>
        <strong>{value === null ? t('followUp.progress.none') : `${value} %`}</strong> · {source}
      </p>
    </div>
  );
}
