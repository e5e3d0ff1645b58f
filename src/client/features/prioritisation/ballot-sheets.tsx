/** The three ballot sheets of a private vote: dots, ranking and scoring (pass-tablet.tsx shows one). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ballot } from '../../../domain';
import type { RoundView } from '../../data/use-prioritisation';
import { UndoLastButton } from '../../ui/undo-last-button';
import './strings';

export type Vote = Pick<Ballot, 'dots' | 'ranking' | 'scores'>;

export interface BallotProps {
  round: RoundView;
  onChange(vote: Vote, touched: boolean): void;
}

/** Dot voting: a big card per problem with − / + and the dots left. */
export function DotsBallot({ round, onChange }: BallotProps) {
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
export function RankingBallot({ round, onChange }: BallotProps) {
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
      <UndoLastButton items={order} onChange={update} label={t('prioritisation.ballot.undo')} />
    </>
  );
}

/** Scoring: per problem and criterion, five large buttons 1–5. */
export function ScoringBallot({ round, onChange }: BallotProps) {
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
