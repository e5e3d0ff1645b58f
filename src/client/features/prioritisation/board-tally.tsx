import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RoundRefusedError,
  recordTally,
  useOwnTally,
  type BallotView,
  type RoundView,
} from '../../data/use-prioritisation';
import { NumberStepper } from '../../ui/number-stepper';
import './strings';

type Saved = 'saved' | 'savedRecount';

function TallyForm({
  round,
  previous,
  onDirtyChange,
  onSaved,
}: {
  round: RoundView;
  previous: BallotView | null;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
  onSaved(kind: Saved | null): void;
}) {
  const { t } = useTranslation();
  const [dots, setDots] = useState<Record<string, number>>(() => ({ ...previous?.dots }));
  const [participants, setParticipants] = useState(previous?.participants ?? 0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The count this screen saved last: a further correction supersedes it, whatever the live query shows yet.
  const [savedId, setSavedId] = useState<string | null>(null);
  const supersedes = savedId ?? previous?.id ?? null;
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);

  const touch = () => {
    onSaved(null);
    setError(null);
    onDirtyChange?.(true);
  };

  const save = async () => {
    setBusy(true);
    try {
      const id = await recordTally(round.id, { dots, participants, supersedes });
      setSavedId(id);
      onDirtyChange?.(false);
      onSaved(supersedes ? 'savedRecount' : 'saved');
    } catch (e) {
      setError(
        e instanceof RoundRefusedError && e.reason === 'tally_exceeds_participants'
          ? t('prioritisation.board.tooMany')
          : t('prioritisation.board.failed', { reason: e instanceof Error ? e.message : String(e) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p>{t('prioritisation.board.hint')}</p>
      {supersedes ? <p className="notice">{t('prioritisation.board.recountHint')}</p> : null}
      <div className="stepper-grid">
        {round.options.map((o) => {
          const label = t('prioritisation.board.dotsFor', { title: o.title });
          return (
            <NumberStepper
              key={o.problemId}
              id={`tally-${o.problemId}`}
              label={label}
              labelText={label}
              value={dots[o.problemId] ?? 0}
              onChange={(n) => {
                setDots((d) => ({ ...d, [o.problemId]: n }));
                touch();
              }}
            />
          );
        })}
        <NumberStepper
          id="tally-participants"
          label={t('prioritisation.board.participants')}
          labelText={t('prioritisation.board.participants')}
          value={participants}
          onChange={(n) => {
            setParticipants(n);
            touch();
          }}
        />
      </div>
      {error ? (
        <p className="form-alert" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {supersedes ? t('prioritisation.board.saveRecount') : t('prioritisation.board.save')}
        </button>
      </div>
    </form>
  );
}

/** The facilitator types the dots counted on the board; a recount replaces this device's previous count. */
export function BoardTally({
  round,
  onDirtyChange,
}: {
  round: RoundView;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}) {
  const { t } = useTranslation();
  const previous = useOwnTally(round.id);
  const [saved, setSaved] = useState<Saved | null>(null);
  return (
    <section aria-labelledby="board-heading">
      <h2 id="board-heading">{t('prioritisation.board.heading')}</h2>
      {round.status === 'closed' ? (
        <p className="notice">{t('prioritisation.ballot.closed')}</p>
      ) : previous === undefined ? (
        <p>{t('common.loading')}</p>
      ) : (
        // The form starts from this tablet's saved count, if any.
        <TallyForm round={round} previous={previous} onDirtyChange={onDirtyChange} onSaved={setSaved} />
      )}
      <p role="status" className="confirmation">
        {saved ? t(`prioritisation.board.${saved}`) : ''}
      </p>
    </section>
  );
}
