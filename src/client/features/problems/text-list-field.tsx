import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formFields } from '../../ui/form-fields';
import type { ProblemFormValues } from './problem-form-values';
import './strings';

const { TextField } = formFields<ProblemFormValues>();

/** Causes or effects: a list of short texts, each added and removed with its own button. */
export function TextListField({ name }: { name: 'causes' | 'effects' }) {
  const { t } = useTranslation();
  const { control, formState } = useFormContext<ProblemFormValues>();
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
              <TextField
                name={`${name}.${index}.text`}
                id={`problem-${name}-${index}`}
                label={t(`problems.${name}.item`, { number: index + 1 })}
                required
              />
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
