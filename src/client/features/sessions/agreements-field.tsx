import { useTranslation } from 'react-i18next';
import { AGREEMENT_STATUSES } from '../../../domain';
import { formFields, Options } from '../../ui/form-fields';
import { RepeatableFieldRows } from '../../ui/repeatable-field-rows';
import { newAgreement, type SessionFormValues } from './session-form-values';
import './strings';

const { TextField, TextAreaField, SelectField } = formFields<SessionFormValues>();

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** Agreements (acuerdos): what was agreed, who answers for it, by when, and how it stands. */
export function AgreementsField() {
  const { t } = useTranslation();
  return (
    <RepeatableFieldRows<SessionFormValues, 'agreements'>
      name="agreements"
      naming={{ id: 'agreement', keys: 'agreements' }}
      newRow={newAgreement}
      focus="text"
      listClassName="plain-list agreements"
    >
      {(field, index) => (
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
      )}
    </RepeatableFieldRows>
  );
}
