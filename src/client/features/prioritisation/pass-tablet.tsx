import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { voteProblem, type Ballot } from '../../../domain';
import { RoundRefusedError, castVote, useBallotCount, type RoundView } from '../../data/use-prioritisation';
import { FormAlert } from '../../ui/form-alert';
import './strings';

type Vote = Pick<Ballot, 'dots' | 'ranking' | 'scores'>;

interface BallotProps {
  round: RoundView;
  onChange(vote: Vote, touched: boolean): void;
}

/** Dot voting: a big card per problem with − / + and the dots left. */
function DotsBallot({ round, onChange }: BallotProps) {
  const { t } = useTranslation();
  const [dots, setDots] = useState<Record<string, number>>({});
  const max = round.dotsPerPerson ?? 1;
  const used = Object.values(dots).reduce((a, b) => a + b, 0);
  const left = max - used;
  const set = (id: string, n: number) => {
    const next = { ...dots, [id]: n };
    setDots(next);
    onChange({ dots: next }, true);
  };
  return (
    <>
      <p className="dots-left" aria-live="polite">
        {t('prioritisation.ballot.dotsLeft', { count: left })}
      </p>
      <ul className="plain-list ballot-grid">
        {round.options.map((o) => {
          const n = dots[o.problemId] ?? 0;
          const canAdd = left > 0 && (round.allowStacking || n === 0);
          return (
            <li
              key={o.problemId}
              className={n > 0 ? 'card ballot-card ballot-card-chosen' : 'card ballot-card'}
            >
              <p className="ballot-title">{o.title}</p>
              <div className="ballot-dots">
                <button
                  type="button"
                  className="button ballot-step"
                  aria-label={t('prioritisation.ballot.removeDot', { title: o.title })}
                  disabled={n === 0}
                  onClick={() => set(o.problemId, n - 1)}
                >
                  <span aria-hidden="true">−</span>
                </button>
                <span className="ballot-count">{t('prioritisation.ballot.dotCount', { count: n })}</span>
                <button
                  type="button"
                  className="button ballot-step"
                  aria-label={t('prioritisation.ballot.addDot', { title: o.title })}
                  disabled={!canAdd}
                  onClick={() => set(o.problemId, n + 1)}
                >
                  <span aria-hidden="true">+</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Ranking: tap the problems in order; each gets its place number; "Deshacer" takes the last one back. */
function RankingBallot({ round, onChange }: BallotProps) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<string[]>([]);
  const update = (next: string[]) => {
    setOrder(next);
    onChange({ ranking: next }, next.length > 0);
  };
  return (
    <>
      <p>{t('prioritisation.ballot.rankingHint')}</p>
      <ul className="plain-list ballot-grid">
        {round.options.map((o) => {
          const place = order.indexOf(o.problemId);
          return (
            <li key={o.problemId}>
              <button
                type="button"
                className={
                  place >= 0
                    ? 'card ballot-card ballot-pick ballot-card-chosen'
                    : 'card ballot-card ballot-pick'
                }
                aria-pressed={place >= 0}
                disabled={place >= 0}
                onClick={() => update([...order, o.problemId])}
              >
                {place >= 0 ? (
                  <span className="rank-badge">
                    <span className="visually-hidden">
                      {t('prioritisation.ballot.rankPosition', { number: place + 1 })}:{' '}
                    </span>
                    <span aria-hidden="true">{place + 1}</span>
                  </span>
                ) : null}
                <span className="ballot-title">{o.title}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button"
        disabled={order.length === 0}
        onClick={() => update(order.slice(0, -1))}
      >
        {t('prioritisation.ballot.undo')}
      </button>
    </>
  );
}

/** Scoring: per problem and criterion, five large buttons 1–5. */
function ScoringBallot({ round, onChange }: BallotProps) {
  const { t } = useTranslation();
  const [scores, setScores] = useState<Record<string, Record<string, number>>>({});
  const criteria = round.criteria ?? [];
  const set = (problemId: string, criterionId: string, score: number) => {
    const next = { ...scores, [problemId]: { ...scores[problemId], [criterionId]: score } };
    setScores(next);
    onChange({ scores: next }, true);
  };
  return (
    <>
      <p>{t('prioritisation.ballot.scoringHint')}</p>
      {round.options.map((o) => (
        <fieldset key={o.problemId} className="card ballot-card">
          <legend className="ballot-title">{o.title}</legend>
          {criteria.map((c) => (
            <div key={c.id} className="score-row" role="group" aria-label={`${o.title}: ${c.label}`}>
              <span className="score-label" aria-hidden="true">
                {c.label}
              </span>
              <div className="score-buttons">
                {[1, 2, 3, 4, 5].map((score) => (
                  <button
                    key={score}
                    type="button"
                    className="button score-button"
                    aria-pressed={scores[o.problemId]?.[c.id] === score}
                    aria-label={t('prioritisation.ballot.scoreButton', {
                      score,
                      criterion: c.label,
                      title: o.title,
                    })}
                    onClick={() => set(o.problemId, c.id, score)}
                  >
                    {score}
                  </button>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
      ))}
    </>
  );
}

function refusalText(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  if (error instanceof RoundRefusedError) {
    const key = `prioritisation.ballot.refused.${error.reason}`;
    return t([key, 'prioritisation.ballot.refused.other']);
  }
  return t('prioritisation.ballot.refused.other') + (error instanceof Error ? ` (${error.message})` : '');
}

/**
 * One private ballot at a time. "Emitir voto" stores it and shows only the
 * confirmation and the count; the ballot is unmounted, so the previous
 * person's choices are gone before the tablet changes hands. Nothing here
 * reads the round's ballots: the count is an index count.
 */
export function PassTablet({
  round,
  onDirtyChange,
}: {
  round: RoundView;
  onDirtyChange?: ((dirty: boolean) => void) | undefined;
}) {
  const { t } = useTranslation();
  const count = useBallotCount(round.id);
  const [vote, setVote] = useState<Vote>({});
  const [sheet, setSheet] = useState(0);
  const [registered, setRegistered] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmationRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const wasRegistered = useRef(false);

  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);
  useEffect(() => {
    if (registered !== null) confirmationRef.current?.focus();
    else if (wasRegistered.current) headingRef.current?.focus();
    wasRegistered.current = registered !== null;
  }, [registered]);

  const complete = voteProblem(round, vote) === null;

  const cast = async () => {
    setBusy(true);
    setError(null);
    try {
      const { number } = await castVote(round.id, vote);
      setVote({});
      setSheet((s) => s + 1);
      setRegistered(number);
      onDirtyChange?.(false);
    } catch (e) {
      setError(refusalText(t, e));
    } finally {
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
