import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_PARTIES } from '../../../domain';
import type { GovernmentAreaView } from '../../data/use-government-areas';
import { formFields, Options } from '../../ui/form-fields';
import { RepeatableFieldset } from '../../ui/repeatable-rows';
import { newCommitment, type ProjectFormValues } from './project-form-values';
import './strings';

const { TextField, TextAreaField, SelectField, CheckboxField } = formFields<ProjectFormValues>();

/**
 * Co-responsibility: who (the Collective, a named resident group, a
 * government area) does what by when. Each commitment is its own card with
 * its remove button; the list can be empty.
 */
export function CommitmentsField({ areas }: { areas: GovernmentAreaView[] }) {
  const { t } = useTranslation();
  const { control, watch } = useFormContext<ProjectFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'commitments' });
  const rows = watch('commitments');

  return (
    <RepeatableFieldset
      keys="projects.commitments"
      rows={fields}
      listClassName="plain-list stack"
      onRemove={remove}
      onAdd={() => append(newCommitment(), { focusName: `commitments.${fields.length}.what` })}
    >
      {(_item, index) => {
        const name = `commitments.${index}` as const;
        const prefix = `commitment-${index}`;
        const kind = rows[index]?.kind;
        return (
          <>
            <div className="field-row">
              <SelectField
                name={`${name}.kind`}
                id={`${prefix}-kind`}
                label={t('projects.commitments.who')}
                required
              >
                <Options values={COMMITMENT_PARTIES} label={(party) => t(`projects.parties.${party}`)} />
              </SelectField>
              {kind === 'resident_group' ? (
                <TextField
                  name={`${name}.name`}
                  id={`${prefix}-name`}
                  label={t('projects.commitments.name')}
                  errorKeys={{ custom: 'projects.errors.groupName' }}
                  required
                />
              ) : null}
              {kind === 'government_area' ? (
                <SelectField
                  name={`${name}.governmentAreaId`}
                  id={`${prefix}-area`}
                  label={t('projects.commitments.area')}
                  errorKeys={{ custom: 'projects.errors.chooseArea' }}
                  required
                >
                  <option value="">{t('projects.commitments.chooseArea')}</option>
                  {areas.map((area) => (
                    <option key={area.id} value={area.id}>
                      {area.name}
                    </option>
                  ))}
                </SelectField>
              ) : null}
            </div>
            <TextAreaField
              name={`${name}.what`}
              id={`${prefix}-what`}
              label={t('projects.commitments.what')}
              rows={2}
              required
            />
            <div className="field-row">
              <TextField
                name={`${name}.dueDate`}
                id={`${prefix}-due`}
                label={t('projects.commitments.dueDate')}
                type="date"
                required
              />
              <CheckboxField name={`${name}.done`} label={t('projects.commitments.done')} />
            </div>
          </>
        );
      }}
    </RepeatableFieldset>
  );
}
