import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MANAGEMENT_MODES, PROJECT_KINDS, PROJECT_TERMS } from '../../../domain';
import type { GovernmentAreaView } from '../../data/use-government-areas';
import { ProjectParentError, type ProjectView } from '../../data/use-projects';
import type { ProblemChoice } from '../../data/use-traceability';
import type { VisionView } from '../../data/use-vision';
import { formFields, Options, RecordOptions, useFieldNaming } from '../../ui/form-fields';
import { ThemeOptions } from '../../ui/vocabulary/theme-options';
import { failedWords, RecordForm, type PageRecordFormProps } from '../../ui/record-form';
import { FormSection } from '../../ui/form-section';
import { PointField } from '../../widgets/point-field/point-field';
import { UnitKeysField } from '../../widgets/unit-picker/unit-keys-field';
import { CommitmentsField } from './commitments-field';
import { projectFormSchema, type ProjectFormOutput, type ProjectFormValues } from './project-form-values';
import { AreasField, ProblemAndVisionFields } from './project-links-fields';
import './strings';

export type ProjectFormProps = PageRecordFormProps<ProjectFormValues, ProjectFormOutput> & {
  problems: ProblemChoice[];
  visions: VisionView[];
  /** Areas that may be named (active ones, and those the project already names). */
  areas: GovernmentAreaView[];
  /** Projects this one may be part of. */
  parents: ProjectView[];
};

const { TextField, TextAreaField, SelectField } = formFields<ProjectFormValues>();

function WhereField() {
  const { t } = useTranslation();
  const { field: point } = useController<ProjectFormValues, 'point'>({ name: 'point' });
  return (
    <FormSection heading={t('projects.fields.where')}>
      <UnitKeysField<ProjectFormValues>
        name="unitKeys"
        id="project-units"
        required={false}
        errorKeys={{ custom: 'projects.errors.place' }}
      />
      <PointField
        id="project-point"
        value={point.value ?? null}
        onChange={point.onChange}
        incompleteHint={t('projects.fields.pointIncomplete')}
      />
    </FormSection>
  );
}

/**
 * A project or action: what it is, what it answers and serves, who manages
 * it and when, where, what it belongs to and the commitments of
 * co-responsibility. Validated by the domain's rules (errors next to each
 * field in the UI language); saving writes the device database.
 */
export function ProjectForm({ problems, visions, areas, parents, onSubmit, ...props }: ProjectFormProps) {
  const { t } = useTranslation();
  const field = useFieldNaming<ProjectFormValues>({ id: 'project', keys: 'projects.fields' });
  return (
    <RecordForm<ProjectFormValues, ProjectFormOutput>
      {...props}
      schema={projectFormSchema}
      onSave={onSubmit}
      failed={failedWords(t, 'projects.saveFailed', {
        error: ProjectParentError,
        keys: 'projects.parentRefused',
      })}
    >
      <div className="section">
        <TextField {...field('title')} required />
        <TextAreaField {...field('description')} rows={4} />
        <div className="field-row">
          <SelectField {...field('kind')} required>
            <Options values={PROJECT_KINDS} label={(k) => t(`projects.kinds.${k}`)} />
          </SelectField>
          <SelectField {...field('theme')} required>
            <ThemeOptions placeholder={t('projects.fields.chooseTheme')} />
          </SelectField>
        </div>
        <SelectField name="parentId" id="project-parent" label={t('projects.fields.parent')}>
          <RecordOptions
            records={parents}
            label={(p) => p.title}
            placeholder={t('projects.fields.noParent')}
          />
        </SelectField>
      </div>
      <ProblemAndVisionFields problems={problems} visions={visions} />
      <div className="section">
        <div className="field-row">
          <SelectField {...field('managementMode')} id="project-mode" required>
            <Options values={MANAGEMENT_MODES} label={(m) => t(`projects.modes.${m}`)} />
          </SelectField>
          <SelectField {...field('term')} required>
            <Options values={PROJECT_TERMS} label={(term) => t(`projects.terms.${term}`)} />
          </SelectField>
        </div>
      </div>
      <AreasField areas={areas} />
      <div className="section">
        <TextAreaField {...field('costNote', { hint: true })} id="project-cost" rows={2} />
      </div>
      <WhereField />
      <CommitmentsField areas={areas} />
    </RecordForm>
  );
}
