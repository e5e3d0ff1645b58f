import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PROCESS_STAGES, type ProcessStage } from '../../../domain';
import { recordLateStageEvidence } from '../../data/use-processes';
import type { SessionView } from '../../data/use-sessions';
import { CheckboxList } from '../../ui/checkbox-list-field';
import { FieldErrorText } from '../../ui/field';
import { formatDate, todayIsoDate } from '../../ui/format';
import { stageFailed } from './stage-failed';
import './strings';

/**
 * Records, later, the sessions in which a stage the process passed over took
 * place: its evidence, so it counts as done. The process stays at its
 * current stage. Validated with zod (messages in the UI language) and then by
 * the domain's rules.
 */
export function LateStageForm({
  processId,
  stage,
  sessions,
  onDone,
}: {
  processId: string;
  stage: ProcessStage;
  sessions: SessionView[];
  onDone(): void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [reachedAt, setReachedAt] = useState(todayIsoDate());
  const [evidence, setEvidence] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ reachedAt?: string; sessionIds?: string; form?: string }>({});
  const number = PROCESS_STAGES.indexOf(stage) + 1;

  const schema = z.object({
    reachedAt: z.iso.date(t('processStages.invalidDate')),
    sessionIds: z.array(z.string()).min(1, t('processStages.chooseSession')),
    note: z
      .string()
      .trim()
      .max(1000, t('errors.tooLong', { count: 1000 })),
  });

  const submit = () => {
    const parsed = schema.safeParse({ reachedAt, sessionIds: evidence, note });
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'reachedAt' || field === 'sessionIds') next[field] ??= issue.message;
        else next.form ??= issue.message;
      }
      return setErrors(next);
    }
    setErrors({});
    recordLateStageEvidence(processId, {
      stage,
      reachedAt: parsed.data.reachedAt,
      sessionIds: parsed.data.sessionIds,
      note: parsed.data.note || null,
    }).then(onDone, (err: unknown) => setErrors({ form: stageFailed(t)(err) }));
  };

  return (
    <form
      className="form late-stage-form"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h4 id={`${id}-title`}>
        {t('processStages.recordLaterTitle', { number, stage: t(`vocabulary.stages.${stage}`) })}
      </h4>
      <p className="field-hint">{t('processStages.recordLaterHint')}</p>
      <fieldset aria-describedby={errors.sessionIds ? `${id}-sessions-error` : undefined}>
        <legend>{t('processStages.evidence')}</legend>
        {sessions.length === 0 ? <p className="field-hint">{t('processStages.noSessions')}</p> : null}
        <CheckboxList
          options={sessions.map((s) => ({
            value: s.id,
            label: `${s.title} · ${formatDate(s.date, i18n.language)}`,
          }))}
          chosen={evidence}
          onChange={setEvidence}
        />
        <FieldErrorText id={`${id}-sessions-error`} message={errors.sessionIds} />
      </fieldset>
      <div className={errors.reachedAt ? 'field field-invalid' : 'field'}>
        <label htmlFor={`${id}-date`}>{t('processStages.heldOn')}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={reachedAt}
          aria-invalid={errors.reachedAt ? true : undefined}
          aria-describedby={errors.reachedAt ? `${id}-date-error` : undefined}
          onChange={(e) => setReachedAt(e.currentTarget.value)}
        />
        <FieldErrorText id={`${id}-date-error`} message={errors.reachedAt} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('processStages.note')}</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      </div>
      {errors.form ? (
        <p role="alert" className="form-alert">
          {errors.form}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-primary">
          {t('processStages.saveLater')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('processStages.cancel')}
        </button>
      </div>
    </form>
  );
}
