import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { COMMITMENT_PARTIES } from '../../../domain';
import type { GovernmentAreaView } from '../../data/use-government-areas';
import { formFields, Options, RecordOptions } from '../../ui/form-fields';
import { RepeatableFieldRows } from '../../ui/repeatable-field-rows';
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
  const { watch } = useFormContext<ProjectFormValues>();
  const rows = watch('commitments');
  return (
    <RepeatableFieldRows<ProjectFormValues, 'commitments'>
      name="commitments"
      naming={{ id: 'commitment', keys: 'projects.commitments' }}
      newRow={newCommitment}
      focus="what"
      listClassName="plain-list stack"
    >
      {(field, index) => {
        const kind = rows[index]?.kind;
        return (
          <>
            <div className="field-row">
              <SelectField {...field('kind')} label={t('projects.commitments.who')} required>
                <Options values={COMMITMENT_PARTIES} label={(party) => t(`projects.parties.${party}`)} />
              </SelectField>
              {kind === 'resident_group' ? (
                <TextField {...field('name')} errorKeys={{ custom: 'projects.errors.groupName' }} required />
              ) : null}
              {kind === 'government_area' ? (
                <SelectField
                  {...field('governmentAreaId')}
                  id={`commitment-${index}-area`}
                  label={t('projects.commitments.area')}
                  errorKeys={{ custom: 'projects.errors.chooseArea' }}
                  required
                >
                  <RecordOptions
                    records={areas}
                    label={(area) => area.name}
                    placeholder={t('projects.commitments.chooseArea')}
                  />
                </SelectField>
              ) : null}
            </div>
            <TextAreaField {...field('what')} rows={2} required />
            <div className="field-row">
              <TextField {...field('dueDate')} id={`commitment-${index}-due`} type="date" required />
              <CheckboxField name={`commitments.${index}.done`} label={t('projects.commitments.done')} />
            </div>
          </>
        );
      }}
    </RepeatableFieldRows>
  );
}
