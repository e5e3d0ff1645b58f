import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_PARTIES } from '../../../domain';
import type { GovernmentAreaView } from '../../data/use-government-areas';
import { errorText } from '../../i18n/zod-errors';
import { Field } from '../../ui/field';
import { RepeatableRows } from '../../ui/repeatable-rows';
import { newCommitment, type ProjectFormValues } from './project-form-values';
import './strings';

/**
 * Co-responsibility: who (the Collective, a named resident group, a
 * government area) does what by when. Each commitment is its own card with
 * its remove button; the list can be empty.
 */
export function CommitmentsField({ areas }: { areas: GovernmentAreaView[] }) {
  const { t } = useTranslation();
  const { control, register, formState, watch } = useFormContext<ProjectFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'commitments' });
  const errors = formState.errors.commitments;
  const rows = watch('commitments');

  return (
    <fieldset className="section">
      <legend>
        <h2>{t('projects.commitments.legend')}</h2>
      </legend>
      <RepeatableRows
        rows={fields}
        empty={t('projects.commitments.none')}
        listClassName="plain-list stack"
        itemLegend={(index) => t('projects.commitments.item', { number: index + 1 })}
        removeLabel={(index) => t('projects.commitments.remove', { number: index + 1 })}
        onRemove={remove}
        addLabel={t('projects.commitments.add')}
        onAdd={() => append(newCommitment(), { focusName: `commitments.${fields.length}.what` })}
      >
        {(_item, index) => {
          const itemErrors = errors?.[index];
          const prefix = `commitment-${index}`;
          const kind = rows[index]?.kind;
          return (
            <>
              <div className="field-row">
                <Field
                  id={`${prefix}-kind`}
                  label={t('projects.commitments.who')}
                  error={errorText(itemErrors?.kind)}
                  required
                >
                  {(aria) => (
                    <select {...aria} {...register(`commitments.${index}.kind`)}>
                      {COMMITMENT_PARTIES.map((party) => (
                        <option key={party} value={party}>
                          {t(`projects.parties.${party}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {kind === 'resident_group' ? (
                  <Field
                    id={`${prefix}-name`}
                    label={t('projects.commitments.name')}
                    error={errorText(itemErrors?.name, { custom: 'projects.errors.groupName' })}
                    required
                  >
                    {(aria) => <input type="text" {...aria} {...register(`commitments.${index}.name`)} />}
                  </Field>
                ) : null}
                {kind === 'government_area' ? (
                  <Field
                    id={`${prefix}-area`}
                    label={t('projects.commitments.area')}
                    error={errorText(itemErrors?.governmentAreaId, {
                      custom: 'projects.errors.chooseArea',
                    })}
                    required
                  >
                    {(aria) => (
                      <select {...aria} {...register(`commitments.${index}.governmentAreaId`)}>
                        <option value="">{t('projects.commitments.chooseArea')}</option>
                        {areas.map((area) => (
                          <option key={area.id} value={area.id}>
                            {area.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                ) : null}
              </div>
              <Field
                id={`${prefix}-what`}
                label={t('projects.commitments.what')}
                error={errorText(itemErrors?.what)}
                required
              >
                {(aria) => <textarea rows={2} {...aria} {...register(`commitments.${index}.what`)} />}
              </Field>
              <div className="field-row">
                <Field
                  id={`${prefix}-due`}
                  label={t('projects.commitments.dueDate')}
                  error={errorText(itemErrors?.dueDate)}
                  required
                >
                  {(aria) => <input type="date" {...aria} {...register(`commitments.${index}.dueDate`)} />}
                </Field>
                <label className="choice">
                  <input type="checkbox" {...register(`commitments.${index}.done`)} />{' '}
                  {t('projects.commitments.done')}
                </label>
              </div>
            </>
          );
        }}
      </RepeatableRows>
    </fieldset>
  );
}
