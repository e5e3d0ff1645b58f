import { useTranslation } from 'react-i18next';
import { AGREEMENT_STATUSES } from '../../../domain';
import { formFields, Options, useFieldRows } from '../../ui/form-fields';
import { RepeatableFieldset } from '../../ui/repeatable-rows';
import { newAgreement, type SessionFormValues } from './session-form-values';
import './strings';

const { TextField, TextAreaField, SelectField } = formFields<SessionFormValues>();

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** Agreements (acuerdos): what was agreed, who answers for it, by when, and how it stands. */
export function AgreementsField() {
  const { t } = useTranslation();
  const { fields, append, remove, rowField } = useFieldRows<SessionFormValues, 'agreements'>('agreements', {
    id: 'agreement',
    keys: 'agreements',
  });

  return (
    <RepeatableFieldset
      keys="agreements"
      rows={fields}
      listClassName="plain-list agreements"
      onRemove={remove}
      onAdd={() => append(newAgreement(), { focusName: `agreements.${fields.length}.text` })}
    >
      {(_item, index) => {
        const field = rowField(index);
        return (
          <>
            <TextAreaField {...field('text')} rows={2} required />
            <div className="field-row">
              <TextField {...field('responsible')} required />
              <TextField
                {...field('dueDate')}
                id={`agreement-${index}-due`}
                type="date"
                rules={{ setValueAs: emptyToUndefined }}
              />
              <SelectField {...field('status')}>
                <Options
                  values={AGREEMENT_STATUSES}
                  label={(status) => t(`vocabulary.agreementStatuses.${status}`)}
                />
              </SelectField>
            </div>
          </>
        );
      }}
    </RepeatableFieldset>
  );
}
