import { useState } from 'react';
import { useController, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  RoundRefusedError,
  recordTally,
  useOwnTally,
  type BallotView,
  type RoundView,
} from '../../data/use-prioritisation';
import { EntityForm } from '../../ui/entity-form';
import { NumberStepper } from '../../ui/number-stepper';
import { errorReason, useEntityForm } from '../../ui/use-entity-form';
import type { FormPageProps } from '../../ui/record-page';
import './strings';

const tallySchema = z.object({
  // An option nobody counted yet has no entry (not a 0): the count stores only what was typed.
  dots: z
    .record(z.string(), z.number().int().min(0).optional())
    .transform((dots) =>
      Object.fromEntries(
        Object.entries(dots).filter((entry): entry is [string, number] => entry[1] !== undefined),
      ),
    ),
  participants: z.number().int().min(0),
});
type TallyValues = z.input<typeof tallySchema>;
type TallyOutput = z.output<typeof tallySchema>;

function TallyStepper({
  control,
  name,
  id,
  label,
}: {
  control: Control<TallyValues, unknown, TallyOutput>;
  name: `dots.${string}` | 'participants';
  id: string;
  label: string;
}) {
  const { field } = useController({ control, name });
  return (
    <NumberStepper
      id={id}
      label={label}
      labelText={label}
      value={field.value ?? 0}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
    />
  );
}

function TallyForm({
  round,
  previous,
  onDirtyChange,
}: FormPageProps & { round: RoundView; previous: BallotView | null }) {
  const { t } = useTranslation();
  // The count this screen saved last: a further correction supersedes it, whatever the live query shows yet.
  const [savedId, setSavedId] = useState<string | null>(null);
  const supersedes = savedId ?? previous?.id ?? null;
  const [defaults] = useState<TallyValues>(() => ({
    dots: { ...previous?.dots },
    participants: previous?.participants ?? 0,
  }));
  const shell = useEntityForm<TallyValues, TallyOutput>({
    schema: tallySchema,
    defaultValues: defaults,
    onDirtyChange,
    failed: (error) =>
      error instanceof RoundRefusedError && error.reason === 'tally_exceeds_participants'
        ? t('prioritisation.board.tooMany')
        : t('prioritisation.board.failed', { reason: errorReason(error) }),
    onSave: async ({ dots, participants }) => {
      const id = await recordTally(round.id, { dots, participants, supersedes });
      setSavedId(id);
      // The screen stays with the count it saved, ready for a recount.
      return {
        notice: { key: supersedes ? 'prioritisation.board.savedRecount' : 'prioritisation.board.saved' },
      };
    },
  });
  const { control } = shell.form;

  return (
    <EntityForm
      shell={shell}
      submitLabel={supersedes ? t('prioritisation.board.saveRecount') : t('prioritisation.board.save')}
      requiredNote={false}
      confirmsInPlace
    >
      <p>{t('prioritisation.board.hint')}</p>
      {supersedes ? <p className="notice">{t('prioritisation.board.recountHint')}</p> : null}
      <div className="stepper-grid">
        {round.options.map((o) => (
          <TallyStepper
            key={o.problemId}
            control={control}
            name={`dots.${o.problemId}`}
            id={`tally-${o.problemId}`}
            label={t('prioritisation.board.dotsFor', { title: o.title })}
          />
        ))}
        <TallyStepper
          control={control}
          name="participants"
          id="tally-participants"
          label={t('prioritisation.board.participants')}
        />
      </div>
    </EntityForm>
  );
}

/** The facilitator types the dots counted on the board; a recount replaces this device's previous count. */
export function BoardTally({ round, onDirtyChange }: FormPageProps & { round: RoundView }) {
  const { t } = useTranslation();
  const previous = useOwnTally(round.id);
  return (
    <section aria-labelledby="board-heading">
      <h2 id="board-heading">{t('prioritisation.board.heading')}</h2>
      {round.status === 'closed' ? (
        <p className="notice">{t('prioritisation.ballot.closed')}</p>
      ) : previous === undefined ? (
        <p>{t('common.loading')}</p>
      ) : (
        // The form starts from this tablet's saved count, if any.
        <TallyForm round={round} previous={previous} onDirtyChange={onDirtyChange} />
      )}
    </section>
  );
}
