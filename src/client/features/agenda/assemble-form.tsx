import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { agendaVersionSchema } from '../../../domain';
import type { AgendaProjectChoice } from '../../data/use-agenda';
import { CheckboxListField } from '../../ui/checkbox-list-field';
import { formFields, useFieldNaming } from '../../ui/form-fields';
import { RecordForm } from '../../ui/record-form';
import type { SaveOutcome } from '../../ui/use-entity-form';
import './strings';

/** The domain's rule for the changelog line; the projects are the ids chosen. */
const assembleSchema = z.object({
  changelog: agendaVersionSchema.shape.changelog,
  projectIds: z.array(z.string()).max(300),
});
export type AssembleValues = z.infer<typeof assembleSchema>;
const { TextField } = formFields<AssembleValues>();

export interface AssembleFormProps {
  headingId: string;
  choices: AgendaProjectChoice[];
  defaultValues: AssembleValues;
  submitLabel: string;
  /** Writes the draft; says where to go (or confirms in place). */
  onAssemble(values: AssembleValues): Promise<SaveOutcome | void>;
  confirmsInPlace?: boolean;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}

/**
 * "Armar la Agenda": a changelog line and the projects and actions that go
 * in (all by default, in the community's order). Saving assembles the
 * document from what the device holds.
 */
export function AssembleForm({
  headingId,
  choices,
  defaultValues,
  submitLabel,
  onAssemble,
  confirmsInPlace = false,
  onDirtyChange,
}: AssembleFormProps) {
  const { t } = useTranslation();
  const field = useFieldNaming<AssembleValues>({ id: headingId, keys: 'agenda.assemble' });
  return (
    <RecordForm<AssembleValues>
      schema={assembleSchema}
      defaultValues={defaultValues}
      onSave={onAssemble}
      onDirtyChange={onDirtyChange}
      failed="agenda.assemble.failed"
      submitLabel={submitLabel}
      bar="inline"
      confirmsInPlace={confirmsInPlace}
      labelledBy={headingId}
    >
      <TextField {...field('changelog', { hint: true })} maxLength={300} required />
      <CheckboxListField<AssembleValues>
        name="projectIds"
        legend={t('agenda.assemble.projects')}
        empty={t('agenda.assemble.noProjects')}
        options={choices.map((c) => ({
          value: c.id,
          label: `${c.outline}. ${c.title} (${t(`agenda.assemble.kinds.${c.kind}`)})`,
        }))}
      />
    </RecordForm>
  );
}
