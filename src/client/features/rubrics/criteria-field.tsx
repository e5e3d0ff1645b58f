import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LEVELS, newId } from '../../../domain';
import { errorText } from '../../i18n/zod-errors';
import { Field, FieldErrorText } from '../../ui/field';
import type { TemplateFormValues } from './template-form-schema';
import './strings';

/**
 * The template's criteria: each a label and the descriptors of its four
 * levels. A criterion keeps its id across versions, so averages follow it.
 */
export function CriteriaField() {
  const { t } = useTranslation();
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<TemplateFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'criteria' });
  return (
    <fieldset className="section">
      <legend>
        <h2>{t('rubrics.editor.criteria')}</h2>
      </legend>
      <FieldErrorText id="criteria-error" message={errorText(errors.criteria?.root ?? errors.criteria)} />
      {fields.map((item, index) => {
        const itemErrors = errors.criteria?.[index];
        return (
          <fieldset key={item.id} className="card criterion-editor">
            <legend>{t('rubrics.editor.criterion', { number: index + 1 })}</legend>
            <Field
              id={`criterion-${index}-label`}
              label={t('rubrics.editor.criterionLabel')}
              error={errorText(itemErrors?.label)}
              required
            >
              {(aria) => <input type="text" {...aria} {...register(`criteria.${index}.label`)} />}
            </Field>
            {LEVELS.map((level) => (
              <Field
                key={level}
                id={`criterion-${index}-level-${level}`}
                label={t('rubrics.editor.levelDescriptor', { level })}
                error={errorText(itemErrors?.levels?.[level - 1])}
                required
              >
                {(aria) => (
                  <textarea
                    rows={2}
                    {...aria}
                    {...register(`criteria.${index}.levels.${(level - 1) as 0 | 1 | 2 | 3}`)}
                  />
                )}
              </Field>
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
    </fieldset>
  );
}
