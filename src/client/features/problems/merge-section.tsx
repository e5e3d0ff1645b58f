import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { mergeProblem, ProblemMergeError, type ProblemView } from '../../data/use-problems';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { FormAlert } from '../../ui/form-alert';
import { noticeState } from '../../ui/save-notice';
import './strings';

export interface MergeSectionProps {
  problem: ProblemView;
  /** The process's problems (this one and merged ones are left out here). */
  problems: ProblemView[];
  /** The edit form holds unsaved input: merging would silently drop it, so it waits. */
  blocked: boolean;
  onMerged?(): void;
}

/**
 * "Fusionar con otro problema": this problem absorbs another of the same
 * process after a confirmation. Both records change in one local
 * transaction; the list then shows the absorbed one as merged.
 */
export function MergeSection({ problem, problems, blocked, onMerged }: MergeSectionProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const selectId = useId();
  const [chosenId, setChosenId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const candidates = problems.filter((p) => p.id !== problem.id && !p.mergedIntoId);
  const chosen = candidates.find((p) => p.id === chosenId);

  const merge = async () => {
    setConfirming(false);
    if (!chosen) return;
    setError(null);
    try {
      await mergeProblem(problem.id, chosen.id);
      onMerged?.();
      void navigate(`/processes/${problem.processId}/problems`, {
        state: noticeState({ key: 'problems.saved.merged' }),
      });
    } catch (e) {
      setError(
        e instanceof ProblemMergeError
          ? t(`problems.merge.refused.${e.reason}`)
          : t('problems.merge.failed', { reason: e instanceof Error ? e.message : String(e) }),
      );
    }
  };

  return (
    <section className="section merge-section" aria-labelledby={`${selectId}-title`}>
      <h2 id={`${selectId}-title`}>{t('problems.merge.title')}</h2>
      {candidates.length === 0 ? (
        <p className="field-hint">{t('problems.merge.none')}</p>
      ) : (
        <>
          <p className="field-hint">{t('problems.merge.help')}</p>
          <div className="inline-row">
            <div className="field grow">
              <label htmlFor={selectId}>{t('problems.merge.choose')}</label>
              <select id={selectId} value={chosenId} onChange={(e) => setChosenId(e.currentTarget.value)}>
                <option value="">{t('problems.merge.chooseOption')}</option>
                {candidates.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title} ({t(`vocabulary.themes.${p.theme}`)})
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button"
              disabled={!chosen || blocked}
              onClick={() => setConfirming(true)}
            >
              {t('problems.merge.button')}
            </button>
          </div>
          {blocked ? <p className="field-hint">{t('problems.merge.saveFirst')}</p> : null}
        </>
      )}
      <FormAlert>{error}</FormAlert>
      <ConfirmDialog
        open={confirming}
        title={t('problems.merge.confirmTitle')}
        confirmLabel={t('problems.merge.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void merge()}
      >
        <p>
          {t('problems.merge.confirmQuestion', {
            absorbed: chosen?.title ?? '',
            survivor: problem.title,
          })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
