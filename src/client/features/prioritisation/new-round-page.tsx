import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { z } from 'zod';
import { DEFAULT_CRITERIA, VOTE_METHODS, criterionSchema, newId, voteMethodSchema } from '../../../domain';
import { createRound, useBallotProblems, type BallotProblem } from '../../data/use-prioritisation';
import { useSession, type SessionView } from '../../data/use-sessions';
import { errorText } from '../../i18n/zod-errors';
import { EntityForm } from '../../ui/entity-form';
import { FieldErrorText } from '../../ui/field';
import { formFields } from '../../ui/form-fields';
import { Loading } from '../../ui/status-views';
import { errorReason, useEntityForm } from '../../ui/use-entity-form';
import { NeedProblemsNotice } from './need-problems-notice';
import './strings';
import './prioritisation.css';
import { RecordPage, type FormPageProps } from '../../ui/record-page';

const roundFormSchema = z
  .object({
    title: z.string().trim().min(3).max(200),
    problemIds: z.array(z.string()).min(2).max(30),
    method: voteMethodSchema,
    dotsPerPerson: z.number().int().min(1).max(20),
    allowStacking: z.boolean(),
    criteria: z.array(z.object({ id: z.string(), label: z.string(), weight: z.number() })),
  })
  .superRefine((values, ctx) => {
    if (values.method !== 'scoring') return;
    if (values.criteria.length === 0) {
      ctx.addIssue({
        code: 'too_small',
        origin: 'array',
        minimum: 1,
        inclusive: true,
        path: ['criteria'],
        input: [],
      });
    }
    values.criteria.forEach((criterion, i) => {
      const parsed = criterionSchema.safeParse(criterion);
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ ...issue, path: ['criteria', i, ...issue.path] } as Parameters<
          typeof ctx.addIssue
        >[0]);
      }
    });
  });
type RoundFormInput = z.input<typeof roundFormSchema>;
type RoundFormOutput = z.output<typeof roundFormSchema>;
const { TextField, NumberField } = formFields<RoundFormInput>();

function RoundForm({
  session,
  problems,
  onDirtyChange,
}: FormPageProps & { session: SessionView; problems: BallotProblem[] }) {
  const { t } = useTranslation();
  const [defaults] = useState<RoundFormInput>(() => ({
    title: t('prioritisation.form.defaultTitle'),
    problemIds: problems.map((p) => p.id),
    method: 'dots',
    dotsPerPerson: 3,
    allowStacking: true,
    criteria: DEFAULT_CRITERIA.map((c) => ({ ...c })),
  }));
  const shell = useEntityForm<RoundFormInput, RoundFormOutput>({
    schema: roundFormSchema,
    defaultValues: defaults,
    onDirtyChange,
    failed: (error) => t('prioritisation.form.saveFailed', { reason: errorReason(error) }),
    onSave: async (values) => {
      const id = await createRound(session.id, {
        title: values.title,
        problemIds: values.problemIds,
        method: values.method,
        dotsPerPerson: values.method === 'dots' ? values.dotsPerPerson : undefined,
        allowStacking: values.method === 'dots' ? values.allowStacking : undefined,
        criteria: values.method === 'scoring' ? values.criteria : undefined,
      });
      // Straight to the new vote, ready to pass the tablet.
      return { to: `/rounds/${id}`, notice: { key: 'prioritisation.form.saved' } };
    },
  });
  const { register, errors } = shell;
  const { control, watch } = shell.form;
  const criteria = useFieldArray({ control, name: 'criteria' });
  const method = watch('method');

  const problemsError = errors.problemIds
    ? errors.problemIds.type === 'too_small'
      ? t('prioritisation.form.tooFewProblems')
      : errorText(errors.problemIds)
    : undefined;

  return (
    <EntityForm
      shell={shell}
      submitLabel={t('prioritisation.form.submit')}
      cancelTo={`/sessions/${session.id}`}
    >
      <TextField name="title" id="round-title" label={t('prioritisation.form.roundTitle')} required />

      <fieldset
        className="section"
        aria-describedby={problemsError ? 'round-problems-hint round-problems-error' : 'round-problems-hint'}
      >
        <legend>
          <h2>
            {t('prioritisation.form.problems')}
            <span aria-hidden="true"> *</span>
          </h2>
        </legend>
        <p id="round-problems-hint" className="field-hint">
          {t('prioritisation.form.problemsHint')}
        </p>
        <ul className="plain-list choice-list">
          {problems.map((p, i) => (
            <li key={p.id}>
              <label className="choice">
                <input
                  type="checkbox"
                  value={p.id}
                  aria-invalid={problemsError && i === 0 ? true : undefined}
                  {...register('problemIds')}
                />
                <span>{p.title}</span>
              </label>
            </li>
          ))}
        </ul>
        <FieldErrorText id="round-problems-error" message={problemsError} />
      </fieldset>

      <fieldset className="section">
        <legend>
          <h2>
            {t('prioritisation.form.method')}
            <span aria-hidden="true"> *</span>
          </h2>
        </legend>
        <ul className="plain-list choice-list">
          {VOTE_METHODS.map((m) => (
            <li key={m}>
              <label className="choice">
                <input type="radio" value={m} aria-describedby={`method-hint-${m}`} {...register('method')} />
                <strong>{t(`prioritisation.methods.${m}`)}</strong>
              </label>
              <p id={`method-hint-${m}`} className="field-hint choice-hint">
                {t(`prioritisation.form.methodHints.${m}`)}
              </p>
            </li>
          ))}
        </ul>
        <FieldErrorText message={errorText(errors.method)} />
      </fieldset>

      {method === 'dots' ? (
        <fieldset className="section">
          <legend>
            <h2>{t('prioritisation.methods.dots')}</h2>
          </legend>
          <NumberField
            name="dotsPerPerson"
            id="round-dots"
            label={t('prioritisation.form.dotsPerPerson')}
            min={1}
            max={20}
            className="input-short"
            required
          />
          <label className="choice">
            <input type="checkbox" {...register('allowStacking')} />
            <span>{t('prioritisation.form.allowStacking')}</span>
          </label>
        </fieldset>
      ) : null}

      {method === 'scoring' ? (
        <fieldset className="section">
          <legend>
            <h2>{t('prioritisation.form.criteria')}</h2>
          </legend>
          <FieldErrorText message={errors.criteria?.root?.message ?? errors.criteria?.message} />
          {criteria.fields.map((field, i) => (
            <fieldset key={field.id} className="criterion">
              <legend>{t('prioritisation.form.criterionLegend', { number: i + 1 })}</legend>
              <div className="field-row">
                <TextField
                  name={`criteria.${i}.label`}
                  id={`criterion-${i}-label`}
                  label={t('prioritisation.form.criterionLabel')}
                  required
                />
                <NumberField
                  name={`criteria.${i}.weight`}
                  id={`criterion-${i}-weight`}
                  label={t('prioritisation.form.criterionWeight')}
                  hint={t('prioritisation.form.criterionWeightHint')}
                  inputMode="decimal"
                  step="0.5"
                  min={0.1}
                  max={10}
                  className="input-short"
                  required
                />
              </div>
              <button type="button" className="button" onClick={() => criteria.remove(i)}>
                {t('prioritisation.form.removeCriterion', { number: i + 1 })}
              </button>
            </fieldset>
          ))}
          {criteria.fields.length < 6 ? (
            <button
              type="button"
              className="button"
              onClick={() => criteria.append({ id: newId(), label: '', weight: 1 })}
            >
              {t('prioritisation.form.addCriterion')}
            </button>
          ) : null}
        </fieldset>
      ) : null}
    </EntityForm>
  );
}

function NewRoundForSession({ session, onDirtyChange }: FormPageProps & { session: SessionView }) {
  const problems = useBallotProblems(session.processId);
  if (problems === undefined) return <Loading />;
  if (problems.length < 2)
    return <NeedProblemsNotice processId={session.processId} count={problems.length} />;
  return <RoundForm session={session} problems={problems} onDirtyChange={onDirtyChange} />;
}

/** `/sessions/:sessionId/rounds/new`: opens a vote with some of the process's problems on the ballot. */
export function NewRoundPage({ onDirtyChange }: FormPageProps) {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  return (
    <RecordPage
      record={useSession(sessionId)}
      notFound={t('prioritisation.form.sessionNotFound')}
      back={(session) => ({ to: `/sessions/${session.id}`, label: session.title })}
      title={() => t('prioritisation.form.pageTitle')}
      className="narrow"
    >
      {(session) => <NewRoundForSession key={session.id} session={session} onDirtyChange={onDirtyChange} />}
    </RecordPage>
  );
}
