import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain';
import { formFields, useFieldRows } from '../../ui/form-fields';
import { FormSection } from '../../ui/form-section';
import type { ScoreFormValues } from './score-form-schema';
import './strings';

const { TextField, TextAreaField } = formFields<ScoreFormValues>();

/** One button a kind of interview, each adding an empty note of its kind. */
const ADD_BUTTONS = [
  { kind: 'group', label: 'rubrics.interviews.addGroup' },
  { kind: 'individual', label: 'rubrics.interviews.addIndividual' },
] as const;

const toCount = (value: unknown) =>
  value === '' || value === null || value === undefined ? null : Number(value);

/** Group and individual interview notes given with a score: text and, for a group, how many took part. No names. */
export function InterviewNotesField() {
  const { t } = useTranslation();
  const { fields, append, remove, rowField } = useFieldRows<ScoreFormValues, 'interviews'>('interviews', {
    id: 'interview',
    keys: 'rubrics.interviews',
  });
  return (
    <FormSection heading={t('rubrics.interviews.legend')}>
      <p className="field-hint">{t('rubrics.interviews.hint')}</p>
      {fields.length === 0 ? <p className="empty">{t('rubrics.interviews.none')}</p> : null}
      {fields.map((item, index) => {
        const title = t(`rubrics.interviews.kinds.${item.kind}`);
        const field = rowField(index);
        return (
          <fieldset key={item.id} className="card interview-note">
            <legend>{t('rubrics.interviews.item', { number: index + 1, kind: title })}</legend>
            <TextAreaField {...field('text')} rows={4} required />
            {item.kind === 'group' ? (
              <TextField
                {...field('participants')}
                type="number"
                inputMode="numeric"
                min={1}
                rules={{ setValueAs: toCount }}
              />
            ) : null}
            <button type="button" className="button button-danger" onClick={() => remove(index)}>
              {t('rubrics.interviews.remove', { number: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <div className="actions">
        {ADD_BUTTONS.map(({ kind, label }) => (
          <button
            key={kind}
            type="button"
            className="button"
            onClick={() => append({ id: newId(), kind, text: '', participants: null })}
          >
            {t(label)}
          </button>
        ))}
      </div>
    </FormSection>
  );
}
