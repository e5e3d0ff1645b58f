import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { AgendaVersionView } from '../../data/use-agenda';
import {
  recordBallotValidation,
  startAgendaBallot,
  useSessionAgendaBallots,
  ValidationRefusedError,
  type AgendaBallotSummary,
} from '../../data/use-agenda-validations';
import { FormAlert } from '../../ui/form-alert';
import type { SaveNotice } from '../../ui/save-notice';
import { errorReason } from '../../ui/use-entity-form';
import './strings';

function refusal(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  return error instanceof ValidationRefusedError
    ? error.problems.map((p) => t(`agenda.validation.problems.${p}`)).join(' ')
    : errorReason(error);
}

function BallotLine({
  ballot,
  number,
  onRecorded,
}: {
  ballot: AgendaBallotSummary;
  number: number | string;
  onRecorded(notice: SaveNotice): void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { round, votes } = ballot;
  const record = async () => {
    setBusy(true);
    setError(null);
    try {
      const { approved } = await recordBallotValidation(round.id);
      onRecorded({
        key: approved ? 'agenda.validation.approved' : 'agenda.validation.rejected',
        values: { number },
      });
    } catch (e) {
      setError(t('agenda.validation.failed', { reason: refusal(t, e) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li>
      <Link to={`/rounds/${round.id}`}>{t('agenda.validation.ballotCounts', { number, ...votes })}</Link>
      {ballot.recorded ? (
        ` — ${t('agenda.validation.ballotRecorded')}`
      ) : round.status === 'open' ? (
        <p>{t('agenda.validation.ballotOpenNote')}</p>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void record()}
          >
            {t('agenda.validation.ballotRecord')}
          </button>
        </div>
      )}
      <FormAlert>{error}</FormAlert>
    </li>
  );
}

/**
 * The Agenda put to the assembly by pass-the-tablet ballot: opening the vote
 * on a draft (the locked ballot screen of the round), and once the round is
 * closed its counts and the button that records them as the validation.
 */
export function SessionAgendaBallot({
  sessionId,
  drafts,
  numberOf,
  onRecorded,
}: {
  sessionId: string;
  drafts: AgendaVersionView[];
  numberOf: ReadonlyMap<string, number>;
  onRecorded(notice: SaveNotice): void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ballots = useSessionAgendaBallots(sessionId);
  const [error, setError] = useState<string | null>(null);
  if (!ballots) return null;
  const open = new Set(ballots.filter((b) => b.round.status === 'open').map((b) => b.round.agendaVersionId));
  const start = async (version: AgendaVersionView) => {
    setError(null);
    try {
      const roundId = await startAgendaBallot({
        sessionId,
        versionId: version.id,
        title: t('agenda.validation.ballotTitle', { number: version.number }),
      });
      await navigate(`/rounds/${roundId}`);
    } catch (e) {
      setError(t('agenda.validation.ballotFailed', { reason: refusal(t, e) }));
    }
  };
  return (
    <div className="agenda-ballot">
      <h3>{t('agenda.validation.ballotHeading')}</h3>
      <p>{t('agenda.validation.ballotIntro')}</p>
      {ballots.length > 0 ? (
        <ul className="agenda-validations">
          {ballots.map((b) => (
            <BallotLine
              key={b.round.id}
              ballot={b}
              number={numberOf.get(b.round.agendaVersionId ?? '') ?? '?'}
              onRecorded={onRecorded}
            />
          ))}
        </ul>
      ) : null}
      <div className="actions">
        {drafts
          .filter((d) => !open.has(d.id))
          .map((d) => (
            <button key={d.id} type="button" className="button" onClick={() => void start(d)}>
              {t('agenda.validation.ballotStart', { number: d.number })}
            </button>
          ))}
      </div>
      <FormAlert>{error}</FormAlert>
    </div>
  );
}
