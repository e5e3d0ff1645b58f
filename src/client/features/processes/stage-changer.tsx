import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PROCESS_STAGES, processStageSchema, type ProcessStage } from '../../../domain';
import { isBackwards, nextStage } from '../../../domain/process-stages';
import { recordStageEntry, type ProcessView } from '../../data/use-processes';
import { type SessionView } from '../../data/use-sessions';
import { CheckboxListField } from '../../ui/checkbox-list-field';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { EntityForm } from '../../ui/entity-form';
import { formFields } from '../../ui/form-fields';
import { formatDate, todayIsoDate } from '../../ui/format';
import { useEntityForm } from '../../ui/use-entity-form';
import { stageFailed } from './stage-failed';
import './strings';

/** The transition as typed; the stage rules (dates in order, a note to go back) are the repository's. */
const stageFormSchema = z.object({
  stage: processStageSchema,
  reachedAt: z.iso.date(),
  sessionIds: z.array(z.string()),
  note: z.string(),
});
type StageFormValues = z.infer<typeof stageFormSchema>;
const { TextField, TextAreaField, SelectField } = formFields<StageFormValues>();

/**
 * Records a stage transition: the stage (the next one by default; going back
 * asks for a note), the day it was reached and the sessions that were its
 * evidence. A deliberate step: the form opens from a button and saving asks
 * for confirmation first. Keyed by the stored stage by its parent, so a stage
 * synced from elsewhere resets (and closes) it.
 */
export function StageChanger({ process, sessions }: { process: ProcessView; sessions: SessionView[] }) {
  const { t, i18n } = useTranslation();
  const id = `stage-${process.id}`;
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<StageFormValues | null>(null);
  /** Settles the question the dialog asks: true to record the change. */
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const ask = (values: StageFormValues) =>
    new Promise<boolean>((resolve) => {
      answer.current = resolve;
      setConfirming(values);
    });
  const reply = (yes: boolean) => {
    setConfirming(null);
    answer.current?.(yes);
    answer.current = null;
  };
  const shell = useEntityForm<StageFormValues>({
    schema: stageFormSchema,
    defaultValues: {
      stage: nextStage(process.stage) ?? process.stage,
      reachedAt: todayIsoDate(),
      sessionIds: [],
      note: '',
    },
    failed: stageFailed(t),
    onSave: async (values) => {
      if (!(await ask(values))) return;
      const { stage, reachedAt, sessionIds, note } = values;
      await recordStageEntry(process.id, { stage, reachedAt, sessionIds, note: note.trim() || null });
      // Confirmed at the top of the process page, next to the new stage.
      return { to: '.', replace: true, notice: { key: 'processStages.saved' } };
    },
  });
  const { watch } = shell.form;
  const stage: ProcessStage = watch('stage');
  const number = PROCESS_STAGES.indexOf(stage) + 1;
  const back = isBackwards(process.stage, stage);

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
      <div id={formId} hidden={!open}>
        <EntityForm
          shell={shell}
          className="stage-changer-form"
          aria-labelledby={`${id}-title`}
          bar="inline"
          canSubmit={stage !== process.stage}
          submitLabel={back ? t('processStages.goBack', { number }) : t('processStages.advance', { number })}
        >
          <h3 id={`${id}-title`}>{t('processes.changeStage')}</h3>
          <div className="field-row">
            <SelectField name="stage" id={id} label={t('processStages.target')}>
              {PROCESS_STAGES.map((s, index) => (
                <option key={s} value={s} disabled={s === process.stage}>
                  {index + 1}. {t(`vocabulary.stages.${s}`)}
                </option>
              ))}
            </SelectField>
            <TextField name="reachedAt" id={`${id}-date`} label={t('processStages.reachedAt')} type="date" />
          </div>
          <CheckboxListField<StageFormValues>
            name="sessionIds"
            legend={t('processStages.evidence')}
            empty={t('processStages.noSessions')}
            options={sessions.map((s) => ({
              value: s.id,
              label: `${s.title} · ${formatDate(s.date, i18n.language)}`,
            }))}
          />
          <TextAreaField
            name="note"
            id={`${id}-note`}
            label={t('processStages.note')}
            required={back}
            hint={back ? t('processStages.backNeedsNote') : undefined}
            rows={2}
          />
        </EntityForm>
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={t(back ? 'processStages.confirmBackTitle' : 'processStages.confirmTitle', {
          number,
          stage: t(`vocabulary.stages.${stage}`),
        })}
        confirmLabel={t(back ? 'processStages.confirmBack' : 'processStages.confirm')}
        onCancel={() => reply(false)}
        onConfirm={() => reply(true)}
      >
        <p>
          {t('processStages.confirmDetails', {
            date: confirming ? formatDate(confirming.reachedAt, i18n.language) : '',
            count: confirming?.sessionIds.length ?? 0,
          })}
        </p>
      </ConfirmDialog>
    </div>
  );
}
