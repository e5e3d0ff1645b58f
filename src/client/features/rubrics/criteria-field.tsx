import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LEVELS, newId } from '../../../domain';
import { errorText } from '../../i18n/zod-errors';
import { FieldErrorText } from '../../ui/field';
import { formFields } from '../../ui/form-fields';
import { FormSection } from '../../ui/form-section';
import type { TemplateFormValues } from './template-form-schema';
import './strings';

const { TextField, TextAreaField } = formFields<TemplateFormValues>();

/**
 * The template's criteria: each a label and the descriptors of its four
 * levels. A criterion keeps its id across versions, so averages follow it.
 */
export function CriteriaField() {
  const { t } = useTranslation();
  const {
    control,
    formState: { errors },
  } = useFormContext<TemplateFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'criteria' });
  return (
    <FormSection heading={t('rubrics.editor.criteria')}>
      <FieldErrorText id="criteria-error" message={errorText(errors.criteria?.root ?? errors.criteria)} />
      {fields.map((item, index) => {
        return (
          <fieldset key={item.id} className="card criterion-editor">
            <legend>{t('rubrics.editor.criterion', { number: index + 1 })}</legend>
            <TextField
              name={`criteria.${index}.label`}
              id={`criterion-${index}-label`}
              label={t('rubrics.editor.criterionLabel')}
              required
            />
            {LEVELS.map((level) => (
              <TextAreaField
                key={level}
                name={`criteria.${index}.levels.${(level - 1) as 0 | 1 | 2 | 3}`}
                id={`criterion-${index}-level-${level}`}
                label={t('rubrics.editor.levelDescriptor', { level })}
                rows={2}
                required
              />
            ))}
            <button
              type="button"
              className="button button-danger"
              onClick={() => remove(index)}
              disabled={fields.length <= 1}
            >
              {t('rubrics.editor.removeCriterion', { number: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      {fields.length < 12 ? (
        <button
          type="button"
          className="button"
          onClick={() => append({ id: newId(), label: '', levels: ['', '', '', ''] })}
        >
          {t('rubrics.editor.addCriterion')}
        </button>
      ) : null}
    </FormSection>
  );
}
