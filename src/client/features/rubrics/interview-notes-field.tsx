import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../domain';
import { formFields } from '../../ui/form-fields';
import type { ScoreFormValues } from './score-form-schema';
import './strings';

const { TextField, TextAreaField } = formFields<ScoreFormValues>();

const toCount = (value: unknown) =>
  value === '' || value === null || value === undefined ? null : Number(value);

/** Group and individual interview notes given with a score: text and, for a group, how many took part. No names. */
export function InterviewNotesField() {
  const { t } = useTranslation();
  const { control } = useFormContext<ScoreFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'interviews' });
  return (
    <fieldset className="section">
      <legend>
        <h2>{t('rubrics.interviews.legend')}</h2>
      </legend>
      <p className="field-hint">{t('rubrics.interviews.hint')}</p>
      {fields.length === 0 ? <p className="empty">{t('rubrics.interviews.none')}</p> : null}
      {fields.map((item, index) => {
        const title = t(`rubrics.interviews.kinds.${item.kind}`);
        return (
          <fieldset key={item.id} className="card interview-note">
            <legend>{t('rubrics.interviews.item', { number: index + 1, kind: title })}</legend>
            <TextAreaField
              name={`interviews.${index}.text`}
              id={`interview-${index}-text`}
              label={t('rubrics.interviews.text')}
              rows={4}
              required
            />
            {item.kind === 'group' ? (
              <TextField
                name={`interviews.${index}.participants`}
                id={`interview-${index}-participants`}
                label={t('rubrics.interviews.participants')}
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
        <button
          type="button"
          className="button"
          onClick={() => append({ id: newId(), kind: 'group', text: '', participants: null })}
        >
          {t('rubrics.interviews.addGroup')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => append({ id: newId(), kind: 'individual', text: '', participants: null })}
        >
          {t('rubrics.interviews.addIndividual')}
        </button>
      </div>
    </fieldset>
  );
}
