import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { governmentAreaSchema } from '../../../domain';
import { formFields } from '../../ui/form-fields';
import { InlineRecordForm } from '../../ui/inline-record-form';
import type { InlineRecordFormProps } from '../../ui/record-form';
import './strings';

const areaFormSchema = z.object({
  name: governmentAreaSchema.shape.name,
  shortName: governmentAreaSchema.shape.shortName,
});
export type AreaFormValues = z.infer<typeof areaFormSchema>;
const { TextField } = formFields<AreaFormValues>();

/** An area's two names, in a short inline form: to add an area or to rename one. */
export function AreaForm(props: InlineRecordFormProps<AreaFormValues>) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <InlineRecordForm<AreaFormValues>
      {...props}
      schema={areaFormSchema}
      failedKey="governmentAreas.changeFailed"
    >
      <TextField name="name" id={`${id}-name`} label={t('governmentAreas.name')} required />
      <TextField
        name="shortName"
        id={`${id}-short`}
        label={t('governmentAreas.shortName')}
        hint={t('governmentAreas.shortNameHint')}
        required
      />
    </InlineRecordForm>
  );
}
