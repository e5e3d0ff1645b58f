import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MOMENTS, RUBRIC_KINDS, newId } from '../../../domain';
import { SessionTypeOptions } from '../../ui/vocabulary/session-type-options';
import {
  createRubricTemplate,
  saveRubricTemplateVersion,
  useRubricTemplate,
  type RubricTemplateView,
} from '../../data/use-rubrics';
import { useAccount } from '../../data/use-account';
import { EntityForm } from '../../ui/entity-form';
import { formFields, Options, useFieldNaming } from '../../ui/form-fields';
import { PageHeading } from '../../ui/page-heading';
import { Loading, NotFound } from '../../ui/status-views';
import { failedWords } from '../../ui/record-form';
import { useEntityForm, type SaveOutcome } from '../../ui/use-entity-form';
import { CriteriaField } from './criteria-field';
import { templateFormSchema, type TemplateFormOutput, type TemplateFormValues } from './template-form-schema';
import './strings';
import './rubrics.css';
import { BackLink } from '../../ui/back-link';
import { FormSection } from '../../ui/form-section';

const { TextField, TextAreaField, SelectField } = formFields<TemplateFormValues>();

interface PageProps {
  onDirtyChange?: (dirty: boolean) => void;
}

const EDITORS = new Set(['coordinator', 'admin']);

function toFormValues(template: RubricTemplateView | null): TemplateFormValues {
  if (!template)
    return {
      name: '',
      description: '',
      kind: 'learning',
      appliesTo: 'session',
      sessionType: '',
      moment: '',
      criteria: [{ id: newId(), label: '', levels: ['', '', '', ''] }],
    };
  return {
    name: template.name,
    description: template.description ?? '',
    kind: template.kind,
    appliesTo: template.appliesTo,
    sessionType: template.sessionType ?? '',
    moment: template.moment ?? '',
    criteria: template.criteria.map((c) => ({ id: c.id, label: c.label, levels: [...c.levels] })),
  };
}

function TemplateForm({ template, onDirtyChange }: PageProps & { template: RubricTemplateView | null }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // Rebuilt when the language changes: the schema words the "choose one" messages itself.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the messages depend on the language
  const schema = useMemo(() => templateFormSchema(), [language]);
  const [initial] = useState(() => toFormValues(template));
  const shell = useEntityForm<TemplateFormValues, TemplateFormOutput>({
    schema,
    defaultValues: initial,
    onDirtyChange,
    failed: failedWords(t, 'rubrics.templates.saveFailed'),
    onSave: async (values): Promise<SaveOutcome> => {
      const input = {
        name: values.name,
        description: values.description ? values.description : null,
        kind: values.kind,
        appliesTo: values.appliesTo,
        sessionType: values.appliesTo === 'session' ? values.sessionType : null,
        moment: values.appliesTo === 'moment' ? values.moment : null,
        criteria: values.criteria,
      };
      if (template) await saveRubricTemplateVersion(template.id, input);
      else await createRubricTemplate(input);
      return {
        to: '/rubrics',
        notice: template
          ? {
              key: 'rubrics.editor.savedVersion',
              values: { name: values.name, version: template.version + 1 },
            }
          : { key: 'rubrics.editor.created', values: { name: values.name } },
      };
    },
  });
  const { watch } = shell.form;
  const appliesTo = watch('appliesTo');
  const field = useFieldNaming<TemplateFormValues>({ id: 'template', keys: 'rubrics.editor' });

  return (
    <EntityForm
      shell={shell}
      submitLabel={
        template
          ? t('rubrics.editor.saveVersion', { version: template.version + 1 })
          : t('rubrics.editor.create')
      }
      cancelTo="/rubrics"
    >
      {template ? (
        <p className="notice">{t('rubrics.templates.editHint', { next: template.version + 1 })}</p>
      ) : null}
      <FormSection heading={t('rubrics.editor.general')}>
        <TextField {...field('name')} required />
        <TextAreaField {...field('description')} rows={3} />
        <SelectField {...field('kind')} required>
          <Options values={RUBRIC_KINDS} label={(kind) => t(`rubrics.kinds.${kind}`)} />
        </SelectField>
        <SelectField {...field('appliesTo')} required>
          <option value="session">{t('rubrics.editor.appliesToSession')}</option>
          <option value="moment">{t('rubrics.editor.appliesToMoment')}</option>
        </SelectField>
        {appliesTo === 'session' ? (
          <SelectField {...field('sessionType')} required>
            <SessionTypeOptions placeholder={t('rubrics.editor.chooseSessionType')} />
          </SelectField>
        ) : (
          <SelectField {...field('moment')} required>
            <Options
              values={MOMENTS}
              label={(moment) => t(`rubrics.moments.${moment}`)}
              placeholder={t('rubrics.editor.chooseMoment')}
            />
          </SelectField>
        )}
      </FormSection>
      <CriteriaField />
    </EntityForm>
  );
}

/** Loads the template being edited (`/rubrics/:id/edit`); `/rubrics/new` starts empty. */
function EditorBody({ id, onDirtyChange }: PageProps & { id: string | undefined }) {
  const { t } = useTranslation();
  const template = useRubricTemplate(id ?? '');
  if (!id) return <TemplateForm template={null} onDirtyChange={onDirtyChange} />;
  if (template === undefined) return <Loading />;
  if (template === null) return <NotFound message={t('rubrics.editor.notFound')} backTo="/rubrics" />;
  return <TemplateForm key={template.id} template={template} onDirtyChange={onDirtyChange} />;
}

/**
 * `/rubrics/new` and `/rubrics/:id/edit` (coordinators and admins): a
 * template's name, kind, what it applies to and its criteria with four level
 * descriptors each. Saving an edit creates the next version.
 */
export function RubricTemplateEditorPage({ onDirtyChange }: PageProps) {
  const { t } = useTranslation();
  const { id } = useParams();
  const account = useAccount();
  const title = id ? t('rubrics.editor.editTitle') : t('rubrics.editor.newTitle');
  if (account === undefined) return <Loading />;
  return (
    <section className="narrow">
      <BackLink to="/rubrics">{t('rubrics.templates.title')}</BackLink>
      <PageHeading title={title}>{title}</PageHeading>
      {account && EDITORS.has(account.user.role) ? (
        <EditorBody id={id} onDirtyChange={onDirtyChange} />
      ) : (
        <p className="notice notice-warning">{t('rubrics.editor.onlyCoordinators')}</p>
      )}
    </section>
  );
}
