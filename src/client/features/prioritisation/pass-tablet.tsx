import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { voteProblem } from '../../../domain';
import { RoundRefusedError, castVote, useBallotCount, type RoundView } from '../../data/use-prioritisation';
import { FormAlert } from '../../ui/form-alert';
import type { FormPageProps } from '../../ui/record-page';
import { DotsBallot, RankingBallot, ScoringBallot, type BallotProps, type Vote } from './ballot-sheets';
import './strings';

function refusalText(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  if (error instanceof RoundRefusedError) {
    const key = `prioritisation.ballot.refused.${error.reason}`;
    return t([key, 'prioritisation.ballot.refused.other']);
  }
  return t('prioritisation.ballot.refused.other') + (error instanceof Error ? ` (${error.message})` : '');
}

/** Long enough for a tap's write on a slow tablet; only a slower one shows the button busy. */
const BUSY_AFTER_MS = 150;

/**
 * One private ballot at a time. "Emitir voto" stores it and shows only the
 * confirmation and the count; the ballot is unmounted, so the previous
 * person's choices are gone before the tablet changes hands. Nothing here
 * reads the round's ballots: the count is an index count.
 *
 * The tap does no rendering until the ballot is stored: the confirmation is
 * rendered at once (flushSync) when the transaction has committed, with the
 * count that write returned; the live count takes over as soon as it
 * changes. A refused or failed write shows its error and keeps the ballot.
 */
export function PassTablet({ round, onDirtyChange }: FormPageProps & { round: RoundView }) {
  const { t } = useTranslation();
  const liveCount = useBallotCount(round.id);
  const [vote, setVote] = useState<Vote>({});
  const [sheet, setSheet] = useState(0);
  const [registered, setRegistered] = useState<number | null>(null);
  // The count the last stored ballot returned, shown while the live count is still the one before it.
  const [written, setWritten] = useState<{ count: number; before: number | undefined } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const casting = useRef(false);
  const confirmationRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const wasRegistered = useRef(false);
  const count = written && liveCount === written.before ? written.count : liveCount;

  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);
  useEffect(() => {
    if (registered !== null) confirmationRef.current?.focus();
    else if (wasRegistered.current) headingRef.current?.focus();
    wasRegistered.current = registered !== null;
  }, [registered]);

  const complete = voteProblem(round, vote) === null;

  const cast = async () => {
    if (casting.current) return;
    casting.current = true;
    const slow = setTimeout(() => setBusy(true), BUSY_AFTER_MS);
    try {
      const { number } = await castVote(round.id, vote);
      // Committed: paint the confirmation in this task, before the live queries' answers.
      flushSync(() => {
        setVote({});
        setSheet((s) => s + 1);
        setRegistered(number);
        setWritten({ count: number, before: liveCount });
        setError(null);
      });
      onDirtyChange?.(false);
    } catch (e) {
      setError(refusalText(t, e));
    } finally {
      clearTimeout(slow);
      casting.current = false;
      setBusy(false);
    }
  };

  const countText =
    count === undefined ? null : (
      <p className="ballot-total">{t('prioritisation.ballot.count', { count })}</p>
    );

  if (round.status === 'closed') {
    return <p className="notice">{t('prioritisation.ballot.closed')}</p>;
  }

  if (registered !== null) {
    return (
      <div className="vote-registered" ref={confirmationRef} tabIndex={-1}>
        <p role="status" className="vote-confirmation">
          {t('prioritisation.ballot.registered', { number: registered })}
        </p>
        {countText}
        <button
          type="button"
          className="button button-primary button-large"
          onClick={() => setRegistered(null)}
        >
          {t('prioritisation.ballot.next')}
        </button>
      </div>
    );
  }

  const props: BallotProps = {
    round,
    onChange: (next, touched) => {
      setVote(next);
      setError(null);
      onDirtyChange?.(touched);
    },
  };
  return (
    <div className="pass-tablet">
      <h2 ref={headingRef} tabIndex={-1}>
        {t('prioritisation.ballot.heading')}
      </h2>
      {round.agendaVersionId ? (
        <p className="ballot-question">{t('prioritisation.ballot.agendaQuestion')}</p>
      ) : null}
      {round.method === 'dots' ? (
        <DotsBallot key={sheet} {...props} />
      ) : round.method === 'ranking' ? (
        <RankingBallot key={sheet} {...props} />
      ) : (
        <ScoringBallot key={sheet} {...props} />
      )}
      <FormAlert>{error}</FormAlert>
      <div className="actions">
        <button
          type="button"
          className="button button-primary button-large"
          disabled={!complete || busy}
          onClick={() => void cast()}
        >
          {t('prioritisation.ballot.cast')}
        </button>
      </div>
      {countText}
    </div>
  );
}
