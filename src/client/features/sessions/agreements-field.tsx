import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_STATUSES } from '../../../domain';
import { errorText } from '../../i18n/zod-errors';
import { Field } from '../../ui/field';
import { RepeatableRows } from '../../ui/repeatable-rows';
import { newAgreement, type SessionFormValues } from './session-form-values';
import './strings';

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** Agreements (acuerdos): what was agreed, who answers for it, by when, and how it stands. */
export function AgreementsField() {
  const { t } = useTranslation();
  const { control, register, formState } = useFormContext<SessionFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'agreements' });
  const errors = formState.errors.agreements;

  return (
    <fieldset className="section">
      <legend>
        <h2>{t('agreements.legend')}</h2>
      </legend>
      <RepeatableRows
        rows={fields}
        empty={t('agreements.none')}
        listClassName="plain-list agreements"
        itemLegend={(index) => t('agreements.item', { number: index + 1 })}
        removeLabel={(index) => t('agreements.remove', { number: index + 1 })}
        onRemove={remove}
        addLabel={t('agreements.add')}
        onAdd={() => append(newAgreement(), { focusName: `agreements.${fields.length}.text` })}
      >
        {(_item, index) => {
          const itemErrors = errors?.[index];
          const prefix = `agreement-${index}`;
          return (
            <>
              <Field
                id={`${prefix}-text`}
                label={t('agreements.text')}
                error={errorText(itemErrors?.text)}
                required
              >
                {(aria) => <textarea rows={2} {...aria} {...register(`agreements.${index}.text`)} />}
              </Field>
              <div className="field-row">
                <Field
                  id={`${prefix}-responsible`}
                  label={t('agreements.responsible')}
                  error={errorText(itemErrors?.responsible)}
                  required
                >
                  {(aria) => <input type="text" {...aria} {...register(`agreements.${index}.responsible`)} />}
                </Field>
                <Field
                  id={`${prefix}-due`}
                  label={t('agreements.dueDate')}
                  error={errorText(itemErrors?.dueDate)}
                >
                  {(aria) => (
                    <input
                      type="date"
                      {...aria}
                      {...register(`agreements.${index}.dueDate`, { setValueAs: emptyToUndefined })}
                    />
                  )}
                </Field>
                <Field
                  id={`${prefix}-status`}
                  label={t('agreements.status')}
                  error={errorText(itemErrors?.status)}
                >
                  {(aria) => (
                    <select {...aria} {...register(`agreements.${index}.status`)}>
                      {AGREEMENT_STATUSES.map((status) => (
                        <option key={status} value={status}>
                          {t(`vocabulary.agreementStatuses.${status}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
            </>
          );
        }}
      </RepeatableRows>
    </fieldset>
  );
}
