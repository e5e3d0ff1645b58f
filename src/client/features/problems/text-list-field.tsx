import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/zod-errors';
import { Field } from '../../ui/field';
import type { ProblemFormValues } from './problem-form-values';
import './strings';

/** Causes or effects: a list of short texts, each added and removed with its own button. */
export function TextListField({ name }: { name: 'causes' | 'effects' }) {
  const { t } = useTranslation();
  const { control, register, formState } = useFormContext<ProblemFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name });
  const errors = formState.errors[name];

  return (
    <fieldset className="section">
      <legend>
        <h2>{t(`problems.${name}.legend`)}</h2>
      </legend>
      {fields.length === 0 ? <p className="field-hint">{t(`problems.${name}.none`)}</p> : null}
      {errors?.root?.message ? <p className="field-error">{errors.root.message}</p> : null}
      <ol className="plain-list text-list">
        {fields.map((item, index) => (
          <li key={item.id} className="inline-row">
            <div className="grow">
              <Field
                id={`problem-${name}-${index}`}
                label={t(`problems.${name}.item`, { number: index + 1 })}
                error={errorText(errors?.[index]?.text)}
                required
              >
                {(aria) => <input type="text" {...aria} {...register(`${name}.${index}.text`)} />}
              </Field>
            </div>
            <button type="button" className="button" onClick={() => remove(index)}>
              {t(`problems.${name}.remove`, { number: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => append({ text: '' }, { focusName: `${name}.${fields.length}.text` })}
      >
        {t(`problems.${name}.add`)}
      </button>
    </fieldset>
  );
}
