import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROCESS_STAGES, processStageSchema, type ProcessStage } from '../../../domain';
import { isBackwards, nextStage } from '../../../domain/process-stages';
import { StageTransitionError, recordStageEntry, type ProcessView, type SessionView } from '../../data';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { formatDate, todayIsoDate } from '../../ui/format';

/**
 * Records a stage transition, as a deliberate act: a modest button opens the
 * form — the stage (the next one by default; going back asks for a note),
 * the day it was reached and the sessions that were its evidence — and
 * saving asks for confirmation first. Keyed by the stored stage by its
 * parent, so a stage synced from elsewhere resets (and closes) it.
 */
export function StageChanger({ process, sessions }: { process: ProcessView; sessions: SessionView[] }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [stage, setStage] = useState<ProcessStage>(nextStage(process.stage) ?? process.stage);
  const [reachedAt, setReachedAt] = useState(todayIsoDate());
  const [evidence, setEvidence] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `stage-${process.id}`;
  const formId = useId();
  const number = PROCESS_STAGES.indexOf(stage) + 1;
  const back = isBackwards(process.stage, stage);
  const action = back ? t('processStages.goBack', { number }) : t('processStages.advance', { number });

  const toggle = (sessionId: string, on: boolean) =>
    setEvidence((ids) => (on ? [...ids, sessionId] : ids.filter((x) => x !== sessionId)));

  const save = () => {
    setConfirming(false);
    setError(null);
    recordStageEntry(process.id, {
      stage,
      reachedAt,
      sessionIds: evidence,
      note: note.trim() || null,
    }).catch((err: unknown) =>
      setError(
        err instanceof StageTransitionError
          ? err.problems.map((p) => t(`processStages.problems.${p}`)).join(' ')
          : t('processes.saveFailed', { reason: err instanceof Error ? err.message : String(err) }),
      ),
    );
  };

  return (
    <div className="stage-changer">
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen((v) => !v)}
      >
        {t('processStages.open')}
      </button>
      <form
        id={formId}
        hidden={!open}
        className="form stage-changer-form"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        <h3 id={`${id}-title`}>{t('processes.changeStage')}</h3>
        <div className="field-row">
          <div className="field">
            <label htmlFor={id}>{t('processStages.target')}</label>
            <select
              id={id}
              value={stage}
              onChange={(e) => {
                const parsed = processStageSchema.safeParse(e.currentTarget.value);
                if (parsed.success) setStage(parsed.data);
              }}
            >
              {PROCESS_STAGES.map((s, index) => (
                <option key={s} value={s} disabled={s === process.stage}>
                  {index + 1}. {t(`stages.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('processStages.reachedAt')}</label>
            <input
              id={`${id}-date`}
              type="date"
              value={reachedAt}
              required
              onChange={(e) => setReachedAt(e.currentTarget.value)}
            />
          </div>
        </div>
        <fieldset>
          <legend>{t('processStages.evidence')}</legend>
          {sessions.length === 0 ? <p className="field-hint">{t('processStages.noSessions')}</p> : null}
          <ul className="plain-list">
            {sessions.map((s) => (
              <li key={s.id}>
                <label className="checkbox-label">
                  <input
                    type="checkbox"
                    checked={evidence.includes(s.id)}
                    onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                  />{' '}
                  {s.title} · {formatDate(s.date, i18n.language)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-note`}>
            {t('processStages.note')}
            {back ? <span aria-hidden="true"> *</span> : null}
          </label>
          {back ? <p className="field-hint">{t('processStages.backNeedsNote')}</p> : null}
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
        </div>
        {error ? (
          <p role="alert" className="form-alert">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button" disabled={stage === process.stage}>
            {action}
          </button>
          <button type="button" className="button" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t(back ? 'processStages.confirmBackTitle' : 'processStages.confirmTitle', {
          number,
          stage: t(`stages.${stage}`),
        })}
        confirmLabel={t(back ? 'processStages.confirmBack' : 'processStages.confirm')}
        cancelLabel={t('common.cancel')}
        onCancel={() => setConfirming(false)}
        onConfirm={save}
      >
        <p>
          {t('processStages.confirmDetails', {
            date: formatDate(reachedAt, i18n.language),
            count: evidence.length,
          })}
        </p>
      </ConfirmDialog>
    </div>
  );
}
