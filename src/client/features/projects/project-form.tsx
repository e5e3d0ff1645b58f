import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MANAGEMENT_MODES, PROJECT_KINDS, PROJECT_TERMS, THEMATIC_AREAS } from '../../../domain';
import type { GovernmentAreaView } from '../../data/use-government-areas';
import { ProjectParentError, type ProjectView } from '../../data/use-projects';
import type { ProblemChoice } from '../../data/use-traceability';
import type { VisionView } from '../../data/use-vision';
import { errorText } from '../../i18n/zod-errors';
import type { DeleteRecordProps } from '../../ui/delete-record';
import { EntityForm } from '../../ui/entity-form';
import { Field } from '../../ui/field';
import { errorReason, useEntityForm, type SaveOutcome } from '../../ui/use-entity-form';
import { PointField } from '../../widgets/point-field/point-field';
import { UnitPicker } from '../../widgets/unit-picker/unit-picker';
import { CommitmentsField } from './commitments-field';
import { projectFormSchema, type ProjectFormOutput, type ProjectFormValues } from './project-form-values';
import { AreasField, ProblemAndVisionFields } from './project-links-fields';
import './strings';

export interface ProjectFormProps {
  defaultValues: ProjectFormValues;
  problems: ProblemChoice[];
  visions: VisionView[];
  /** Areas that may be named (active ones, and those the project already names). */
  areas: GovernmentAreaView[];
  /** Projects this one may be part of. */
  parents: ProjectView[];
  submitLabel: string;
  cancelTo: string;
  onSubmit(values: ProjectFormOutput): Promise<SaveOutcome | void>;
  onDirtyChange?(dirty: boolean): void;
  remove?: DeleteRecordProps;
}

function WhereField() {
  const { t } = useTranslation();
  const { control, formState } = useFormContext<ProjectFormValues>();
  const { field } = useController({ control, name: 'unitKeys' });
  const { field: point } = useController({ control, name: 'point' });
  return (
    <fieldset className="section">
      <legend>
        <h2>{t('projects.fields.where')}</h2>
      </legend>
      <UnitPicker
        id="project-units"
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        required={false}
        error={errorText(formState.errors.unitKeys, { custom: 'projects.errors.place' })}
      />
      <PointField
        id="project-point"
        value={point.value ?? null}
        onChange={point.onChange}
        incompleteHint={t('projects.fields.pointIncomplete')}
      />
    </fieldset>
  );
}

function Options<T extends string>({ values, label }: { values: readonly T[]; label: (v: T) => string }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {label(v)}
        </option>
      ))}
    </>
  );
}

/**
 * A project or action: what it is, what it answers and serves, who manages
 * it and when, where, what it belongs to and the commitments of
 * co-responsibility. Validated by the domain's rules (errors next to each
 * field in the UI language); saving writes the device database.
 */
export function ProjectForm(props: ProjectFormProps) {
  const { defaultValues, problems, visions, areas, parents, submitLabel, cancelTo, onSubmit, onDirtyChange } =
    props;
  const { t } = useTranslation();
  const shell = useEntityForm<ProjectFormValues, ProjectFormOutput>({
    schema: projectFormSchema,
    defaultValues,
    onSave: onSubmit,
    onDirtyChange,
    failed: (error) =>
      error instanceof ProjectParentError
        ? error.problems.map((p) => t(`projects.parentRefused.${p}`)).join(' ')
        : t('projects.saveFailed', { reason: errorReason(error) }),
  });
  const { register, errors } = shell;

  return (
    <EntityForm shell={shell} submitLabel={submitLabel} cancelTo={cancelTo} remove={props.remove}>
      <div className="section">
        <Field id="project-title" label={t('projects.fields.title')} error={errorText(errors.title)} required>
          {(aria) => <input type="text" {...aria} {...register('title')} />}
        </Field>
        <Field
          id="project-description"
          label={t('projects.fields.description')}
          error={errorText(errors.description)}
        >
          {(aria) => <textarea rows={4} {...aria} {...register('description')} />}
        </Field>
        <div className="field-row">
          <Field id="project-kind" label={t('projects.fields.kind')} error={errorText(errors.kind)} required>
            {(aria) => (
              <select {...aria} {...register('kind')}>
                <Options values={PROJECT_KINDS} label={(k) => t(`projects.kinds.${k}`)} />
              </select>
            )}
          </Field>
          <Field
            id="project-theme"
            label={t('projects.fields.theme')}
            error={errorText(errors.theme)}
            required
          >
            {(aria) => (
              <select {...aria} {...register('theme')}>
                <option value="">{t('projects.fields.chooseTheme')}</option>
                <Options values={THEMATIC_AREAS} label={(a) => t(`vocabulary.themes.${a}`)} />
              </select>
            )}
          </Field>
        </div>
        <Field id="project-parent" label={t('projects.fields.parent')} error={errorText(errors.parentId)}>
          {(aria) => (
            <select {...aria} {...register('parentId')}>
              <option value="">{t('projects.fields.noParent')}</option>
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ProblemAndVisionFields problems={problems} visions={visions} />
      <div className="section">
        <div className="field-row">
          <Field
            id="project-mode"
            label={t('projects.fields.managementMode')}
            error={errorText(errors.managementMode)}
            required
          >
            {(aria) => (
              <select {...aria} {...register('managementMode')}>
                <Options values={MANAGEMENT_MODES} label={(m) => t(`projects.modes.${m}`)} />
              </select>
            )}
          </Field>
          <Field id="project-term" label={t('projects.fields.term')} error={errorText(errors.term)} required>
            {(aria) => (
              <select {...aria} {...register('term')}>
                <Options values={PROJECT_TERMS} label={(term) => t(`projects.terms.${term}`)} />
              </select>
            )}
          </Field>
        </div>
      </div>
      <AreasField areas={areas} />
      <div className="section">
        <Field
          id="project-cost"
          label={t('projects.fields.costNote')}
          hint={t('projects.fields.costNoteHint')}
          error={errorText(errors.costNote)}
        >
          {(aria) => <textarea rows={2} {...aria} {...register('costNote')} />}
        </Field>
      </div>
      <WhereField />
      <CommitmentsField areas={areas} />
    </EntityForm>
  );
}
