import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { FormProvider, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { momentSchema, type Moment } from '../../../domain';
import { useProcess } from '../../data/use-processes';
import {
  scoreRubric,
  useActiveRubricTemplates,
  useApplicableTemplates,
  type RubricTarget,
  type RubricTemplateView,
} from '../../data/use-rubrics';
import { useSession } from '../../data/use-sessions';
import { errorText, formErrorMap } from '../../i18n/zod-errors';
import { Field } from '../../ui/field';
import { PageHeading } from '../../ui/page-heading';
import { Loading, NotFound } from '../../ui/status-views';
import { useFormSave } from '../../ui/use-form-save';
import { InterviewNotesField } from './interview-notes-field';
import { LevelPicker } from './level-picker';
import { scoreFormSchema, type ScoreFormOutput, type ScoreFormValues } from './score-form-schema';
import './strings';
import './rubrics.css';
import { FormActionBar } from '../../ui/form-action-bar';

type Target = { kind: 'session'; sessionId: string } | { kind: 'moment'; moment: Moment };

interface PageProps {
  onDirtyChange?: (dirty: boolean) => void;
}

const EMPTY: ScoreFormValues = { levels: {}, comment: '', interviews: [] };

/** The one-screen score form for one template: levels, a comment, interview notes. */
function ScoreForm({
  template,
  processId,
  target,
  onDirtyChange,
}: PageProps & { template: RubricTemplateView; processId: string; target: Target }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.language;
  // Rebuilt when the language changes, so the "choose a level" messages follow it.
  const resolver = useMemo(
    // Unchosen levels are undefined in the form and refused by the schema, which wants numbers.
    () =>
      zodResolver(scoreFormSchema(template), { error: formErrorMap }) as Resolver<
        ScoreFormValues,
        unknown,
        ScoreFormOutput
      >,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the messages depend on the language
    [template, language],
  );
  const form = useForm<ScoreFormValues, unknown, ScoreFormOutput>({
    defaultValues: EMPTY,
    resolver,
    shouldFocusError: false,
  });
  const {
    register,
    formState: { errors, isSubmitting, isSubmitted },
  } = form;
  const { formRef, saveError, submitWith } = useFormSave(form, {
    onDirtyChange,
    failed: (reason) => t('rubrics.score.saveFailed', { reason }),
  });

  const submit = submitWith(async (values) => {
    await scoreRubric({
      processId,
      templateId: template.id,
      target: target.kind,
      sessionId: target.kind === 'session' ? target.sessionId : null,
      moment: target.kind === 'moment' ? target.moment : null,
      levels: values.levels,
      comment: values.comment,
      interviews: values.interviews,
    });
    onDirtyChange?.(false);
    void navigate(`/processes/${processId}`, { state: { saved: 'rubricScore' } });
  });

  return (
    <FormProvider {...form}>
      <form ref={formRef} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset className="section">
          <legend>
            <h2>{t('rubrics.score.criteria')}</h2>
          </legend>
          {template.description ? <p className="field-hint">{template.description}</p> : null}
          {template.criteria.map((criterion, index) => (
            <LevelPicker key={criterion.id} criterion={criterion} index={index} />
          ))}
        </fieldset>
        <div className="section">
          <Field id="score-comment" label={t('rubrics.score.comment')} error={errorText(errors.comment)}>
            {(aria) => <textarea rows={4} {...aria} {...register('comment')} />}
          </Field>
        </div>
        <InterviewNotesField />
        <FormActionBar
          showFixErrors={Object.keys(errors).length > 0 && isSubmitted}
          saveError={saveError}
          submitLabel={t('rubrics.score.save')}
          submitting={isSubmitting}
          cancelTo={`/processes/${processId}`}
        />
      </form>
    </FormProvider>
  );
}

/** Template choice: the ones made for this session type or moment first, then every other active one. */
function TemplateChooser({
  target,
  appliesTo,
  processId,
  onDirtyChange,
}: PageProps & { target: Target; appliesTo: RubricTarget; processId: string }) {
  const { t } = useTranslation();
  const applicable = useApplicableTemplates(appliesTo);
  const all = useActiveRubricTemplates();
  const [chosenId, setChosenId] = useState<string | null>(null);
  if (applicable === undefined || all === undefined) return <Loading />;
  const applicableIds = new Set(applicable.map((tpl) => tpl.id));
  const others = all.filter((tpl) => !applicableIds.has(tpl.id));
  const chosen = all.find((tpl) => tpl.id === chosenId) ?? applicable[0] ?? null;
  return (
    <>
      <div className="field">
        <label htmlFor="score-template">{t('rubrics.score.template')}</label>
        <select
          id="score-template"
          value={chosen?.id ?? ''}
          onChange={(e) => setChosenId(e.target.value || null)}
        >
          {chosen ? null : <option value="">{t('rubrics.score.chooseTemplate')}</option>}
          {applicable.length > 0 ? (
            <optgroup label={t('rubrics.score.applicable')}>
              {applicable.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {t('rubrics.templateWithVersion', { name: tpl.name, version: tpl.version })}
                </option>
              ))}
            </optgroup>
          ) : null}
          {others.length > 0 ? (
            <optgroup label={t('rubrics.score.others')}>
              {others.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {t('rubrics.templateWithVersion', { name: tpl.name, version: tpl.version })}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      {chosen ? (
        <ScoreForm
          key={chosen.id}
          template={chosen}
          processId={processId}
          target={target}
          onDirtyChange={onDirtyChange}
        />
      ) : (
        <p className="empty">{all.length === 0 ? t('rubrics.score.noTemplates') : t('rubrics.score.pick')}</p>
      )}
    </>
  );
}

function SessionScore({
  processId,
  sessionId,
  onDirtyChange,
}: PageProps & { processId: string; sessionId: string }) {
  const { t } = useTranslation();
  const session = useSession(sessionId);
  if (session === undefined) return <Loading />;
  if (session === null || session.processId !== processId)
    return <NotFound message={t('sessions.notFound')} backTo={`/processes/${processId}`} />;
  return (
    <>
      <p className="lead">
        {t('rubrics.score.forSession', { title: session.title, type: t(`sessionTypes.${session.type}`) })}
      </p>
      <TemplateChooser
        target={{ kind: 'session', sessionId }}
        appliesTo={{ sessionType: session.type }}
        processId={processId}
        onDirtyChange={onDirtyChange}
      />
    </>
  );
}

/**
 * `/processes/:processId/rubrics/score?sessionId=…` or `?moment=…`: score a
 * session or one of the three moments with a rubric, on one screen. Saved on
 * the device; back to the process page with a confirmation.
 */
export function ScoreRubricPage({ onDirtyChange }: PageProps) {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const [params] = useSearchParams();
  const process = useProcess(processId);
  const sessionId = params.get('sessionId');
  const moment = momentSchema.safeParse(params.get('moment'));
  if (process === undefined) return <Loading />;
  if (process === null) return <NotFound message={t('processes.notFound')} />;
  return (
    <section className="narrow">
      <p className="breadcrumb">
        <Link to={`/processes/${processId}`}>← {process.name}</Link>
      </p>
      <PageHeading title={t('rubrics.score.title')}>{t('rubrics.score.title')}</PageHeading>
      {sessionId ? (
        <SessionScore processId={processId} sessionId={sessionId} onDirtyChange={onDirtyChange} />
      ) : moment.success ? (
        <>
          <p className="lead">
            {t('rubrics.score.forMoment', { moment: t(`rubrics.moments.${moment.data}`) })}
          </p>
          <TemplateChooser
            target={{ kind: 'moment', moment: moment.data }}
            appliesTo={{ moment: moment.data }}
            processId={processId}
            onDirtyChange={onDirtyChange}
          />
        </>
      ) : (
        <p className="empty">{t('rubrics.score.noTarget')}</p>
      )}
    </section>
  );
}
