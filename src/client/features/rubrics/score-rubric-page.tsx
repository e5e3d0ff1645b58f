import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { momentSchema, type Moment } from '../../../domain';
import {
  scoreRubric,
  useActiveRubricTemplates,
  useApplicableTemplates,
  type RubricTarget,
  type RubricTemplateView,
} from '../../data/use-rubrics';
import { useProcess } from '../../data/use-processes';
import { useSession } from '../../data/use-sessions';
import { EntityForm } from '../../ui/entity-form';
import { formFields } from '../../ui/form-fields';
import { PageHeading } from '../../ui/page-heading';
import { Loading, NotFound } from '../../ui/status-views';
import { errorReason, useEntityForm } from '../../ui/use-entity-form';
import { InterviewNotesField } from './interview-notes-field';
import { LevelPicker } from './level-picker';
import { scoreFormSchema, type ScoreFormOutput, type ScoreFormValues } from './score-form-schema';
import './strings';
import './rubrics.css';
import { BackLink } from '../../ui/back-link';
import type { FormPageProps } from '../../ui/record-page';

type Target = { kind: 'session'; sessionId: string } | { kind: 'moment'; moment: Moment };

const { TextAreaField } = formFields<ScoreFormValues>();
const EMPTY: ScoreFormValues = { levels: {}, comment: '', interviews: [] };

/** The one-screen score form for one template: levels, a comment, interview notes. */
function ScoreForm({
  template,
  processId,
  target,
  onDirtyChange,
}: FormPageProps & { template: RubricTemplateView; processId: string; target: Target }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // Rebuilt when the language changes, so the "choose a level" messages follow it.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the messages depend on the language
  const schema = useMemo(() => scoreFormSchema(template), [template, language]);
  const shell = useEntityForm<ScoreFormValues, ScoreFormOutput>({
    schema,
    defaultValues: EMPTY,
    onDirtyChange,
    failed: (error) => t('rubrics.score.saveFailed', { reason: errorReason(error) }),
    onSave: async (values) => {
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
      return {
        to: `/processes/${processId}`,
        notice: { key: 'rubrics.history.saved', region: 'rubrics' },
      };
    },
  });

  return (
    <EntityForm
      shell={shell}
      submitLabel={t('rubrics.score.save')}
      cancelTo={`/processes/${processId}`}
      requiredNote={false}
    >
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
        <TextAreaField name="comment" id="score-comment" label={t('rubrics.score.comment')} rows={4} />
      </div>
      <InterviewNotesField />
    </EntityForm>
  );
}

/** Template choice: the ones made for this session type or moment first, then every other active one. */
/** One group of the template select, left out when it has none. */
function TemplateGroup({ label, templates }: { label: string; templates: RubricTemplateView[] }) {
  const { t } = useTranslation();
  if (templates.length === 0) return null;
  return (
    <optgroup label={label}>
      {templates.map((tpl) => (
        <option key={tpl.id} value={tpl.id}>
          {t('rubrics.templateWithVersion', { name: tpl.name, version: tpl.version })}
        </option>
      ))}
    </optgroup>
  );
}

function TemplateChooser({
  target,
  appliesTo,
  processId,
  onDirtyChange,
}: FormPageProps & { target: Target; appliesTo: RubricTarget; processId: string }) {
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
          <TemplateGroup label={t('rubrics.score.applicable')} templates={applicable} />
          <TemplateGroup label={t('rubrics.score.others')} templates={others} />
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
}: FormPageProps & { processId: string; sessionId: string }) {
  const { t } = useTranslation();
  const session = useSession(sessionId);
  if (session === undefined) return <Loading />;
  if (session === null || session.processId !== processId)
    return <NotFound message={t('sessions.notFound')} backTo={`/processes/${processId}`} />;
  return (
    <>
      <p className="lead">
        {t('rubrics.score.forSession', {
          title: session.title,
          type: t(`vocabulary.sessionTypes.${session.type}`),
        })}
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
export function ScoreRubricPage({ onDirtyChange }: FormPageProps) {
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
      <BackLink to={`/processes/${processId}`}>{process.name}</BackLink>
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
