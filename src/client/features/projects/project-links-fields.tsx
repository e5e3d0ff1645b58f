import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { GovernmentAreaView } from '../../data/use-government-areas';
import type { ProblemChoice } from '../../data/use-traceability';
import type { VisionView } from '../../data/use-vision';
import { errorText } from '../../i18n/zod-errors';
import { CheckboxListField } from '../../ui/checkbox-list-field';
import { FieldErrorText } from '../../ui/field';
import { ProblemChoicesField } from '../../widgets/problem-choices/problem-choices-field';
import type { ProjectFormValues } from './project-form-values';
import './strings';

/** The problems a project answers (prioritised ones first) and the vision statements it serves. */
export function ProblemAndVisionFields({
  problems,
  visions,
}: {
  problems: ProblemChoice[];
  visions: VisionView[];
}) {
  const { t } = useTranslation();
  return (
    <div className="section">
      <ProblemChoicesField<ProjectFormValues> name="problemIds" problems={problems} keys="projects.fields" />
      <CheckboxListField<ProjectFormValues>
        name="visionIds"
        legend={t('projects.fields.visions')}
        empty={t('projects.fields.noVisions')}
        options={visions.map((v) => ({
          value: v.id,
          label: (
            <>
              {v.text} <span className="field-hint">· {t(`vocabulary.themes.${v.theme}`)}</span>
            </>
          ),
        }))}
      />
    </div>
  );
}

/** The responsible government areas, asked only when the government takes part (not self-managed). */
export function AreasField({ areas }: { areas: GovernmentAreaView[] }) {
  const { t } = useTranslation();
  const { watch, formState } = useFormContext<ProjectFormValues>();
  if (watch('managementMode') === 'self_managed') return null;
  const error = errorText(formState.errors.governmentAreaIds, { custom: 'projects.errors.areaRequired' });
  return (
    <div className={error ? 'section field-invalid' : 'section'}>
      <CheckboxListField<ProjectFormValues>
        name="governmentAreaIds"
        legend={
          <>
            {t('projects.fields.areas')}
            <span aria-hidden="true"> *</span>
          </>
        }
        empty={t('projects.fields.noAreas')}
        options={areas.map((a) => ({ value: a.id, label: a.name }))}
      />
      <FieldErrorText id="project-areas-error" message={error} />
    </div>
  );
}
