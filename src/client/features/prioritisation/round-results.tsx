import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  annulBallot,
  closeRound,
  useLatestBallots,
  useRoundResult,
  type BallotListItem,
  type RoundView,
} from '../../data/use-prioritisation';
import { roundPercentages } from '../../../domain/percentages';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Field } from '../../ui/field';
import { formatDateTime } from '../../ui/format';
import { ItemAction } from '../../ui/item-action';
import { LoadedList } from '../../ui/loaded-list';
import { agreementText, formatPercent, formatPoints } from './format';
import './strings';

function ballotName(t: ReturnType<typeof useTranslation>['t'], b: BallotListItem): string {
  return b.kind === 'tally'
    ? t('prioritisation.ballots.tally', { number: b.number, participants: b.participants ?? 0 })
    : t('prioritisation.ballots.vote', { number: b.number });
}

function reasonText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How many ballots the list shows at first: an assembly of thousands would not render at once. */
const LATEST = 100;

/** The round's votes and tallies (the latest ones), each with whether it counts, and "Anular" (with a reason) while open. */
function BallotList({ round, onMessage }: { round: RoundView; onMessage(text: string): void }) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const latest = useLatestBallots(round.id, all ? null : LATEST);
  const ballots = latest?.items;
  const [annulling, setAnnulling] = useState<BallotListItem | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();

  const close = () => {
    setAnnulling(null);
    setReason('');
    setReasonError(undefined);
  };
  const confirm = () => {
    const target = annulling;
    if (!target) return;
    if (reason.trim().length < 3) {
      setReasonError(t('prioritisation.ballots.reasonRequired'));
      return;
    }
    const name = ballotName(t, target);
    close();
    annulBallot(target.id, reason).then(
      () => onMessage(t('prioritisation.ballots.annulledDone', { name })),
      (error: unknown) => onMessage(t('prioritisation.ballots.failed', { reason: reasonText(error) })),
    );
  };

  return (
    <section aria-labelledby="ballots-heading" className="page-section">
      <h3 id="ballots-heading">{t('prioritisation.ballots.heading')}</h3>
      <LoadedList items={ballots} empty={t('prioritisation.ballots.empty')}>
        {(items) => (
          <ul className="plain-list ballot-list">
            {items.map((b) => {
              const name = ballotName(t, b);
              return (
                <li key={b.id} className={`ballot-item ballot-${b.state}`}>
                  <span className="ballot-item-text">
                    <strong>{name}</strong> ·{' '}
                    <time dateTime={b.castAt}>{formatDateTime(b.castAt, i18n.language)}</time> ·{' '}
                    {b.state === 'annulled'
                      ? t('prioritisation.ballots.annulled', { reason: b.reason ?? '' })
                      : t(`prioritisation.ballots.${b.state}`)}
                  </span>
                  {b.state === 'current' && round.status === 'open' ? (
                    <ItemAction
                      label={t('prioritisation.ballots.annul')}
                      itemLabel={t('prioritisation.ballots.annulLabel', { name })}
                      onClick={() => setAnnulling(b)}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </LoadedList>
      {latest && latest.hidden > 0 ? (
        <button type="button" className="button" onClick={() => setAll(true)}>
          {t('prioritisation.ballots.showAll', { count: latest.hidden })}
        </button>
      ) : null}
      <ConfirmDialog
        open={annulling !== null}
        title={annulling ? t('prioritisation.ballots.annulTitle', { name: ballotName(t, annulling) }) : ''}
        confirmLabel={t('prioritisation.ballots.annulConfirm')}
        danger
        onCancel={close}
        onConfirm={confirm}
      >
        <p>{t('prioritisation.ballots.annulQuestion')}</p>
        <Field id="annul-reason" label={t('prioritisation.ballots.reason')} error={reasonError} required>
          {(aria) => (
            <textarea
              rows={3}
              maxLength={500}
              {...aria}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonError(undefined);
              }}
            />
          )}
        </Field>
      </ConfirmDialog>
    </section>
  );
}

/** Results: live while the round is open, final once closed; the ballots; closing the round. */
export function RoundResults({ round }: { round: RoundView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const view = useRoundResult(round.id);
  const [message, setMessage] = useState('');
  const [confirmClose, setConfirmClose] = useState(false);

  if (!view) return <p>{t('common.loading')}</p>;
  const { result, attendance } = view;
  const method = result.method;
  const late = result.invalid.filter((i) => i.reason === 'cast_after_close').length;
  const invalid = result.invalid.length - late;
  const maxPoints = method === 'scoring' ? 5 : Math.max(0, ...result.rows.map((r) => r.points));
  const hasVotes = result.votesCounted + result.talliesCounted > 0;
  // Dots and ranking share a whole: whole percentages that add up to 100 (or say they are rounded).
  // A scoring mean is a share of the maximum score, row by row: nothing to add up.
  const shares = method === 'scoring' ? null : roundPercentages(result.rows.map((r) => r.points));
  const shareText = (index: number, ratio: number) =>
    formatPercent(shares ? shares.percents[index]! / 100 : ratio, locale);

  const doClose = () => {
    setConfirmClose(false);
    closeRound(round.id, agreementText(t, round.title, result, locale)).then(
      () => setMessage(t('prioritisation.close.done')),
      (error: unknown) => setMessage(t('prioritisation.close.failed', { reason: reasonText(error) })),
    );
  };

  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">
        {view.round.status === 'closed'
          ? t('prioritisation.results.final')
          : t('prioritisation.results.live')}
      </h2>
      <ul className="plain-list results-facts">
        <li className="results-participants">
          {t('prioritisation.results.participants', { count: result.participants })}
        </li>
        <li>
          {result.turnout
            ? t('prioritisation.results.turnout', {
                participants: result.participants,
                attendance,
                percent: formatPercent(result.turnout.ratio, locale),
              })
            : t('prioritisation.results.noAttendance')}
        </li>
        {result.annulled > 0 ? (
          <li>{t('prioritisation.results.annulled', { count: result.annulled })}</li>
        ) : null}
        {result.corrected > 0 ? (
          <li>{t('prioritisation.results.corrected', { count: result.corrected })}</li>
        ) : null}
        {invalid > 0 ? <li>{t('prioritisation.results.invalid', { count: invalid })}</li> : null}
        {late > 0 ? <li>{t('prioritisation.results.late', { count: late })}</li> : null}
      </ul>

      {!hasVotes ? <p className="empty">{t('prioritisation.results.empty')}</p> : null}
      <table className="results-table">
        <thead>
          <tr>
            <th scope="col">{t('prioritisation.results.rank')}</th>
            <th scope="col">{t('prioritisation.results.problem')}</th>
            <th scope="col">
              {method === 'scoring'
                ? t('prioritisation.results.average')
                : t('prioritisation.results.points')}
            </th>
            <th scope="col">
              {method === 'scoring'
                ? t('prioritisation.results.shareOfMaximum')
                : t('prioritisation.results.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, index) => (
            <tr key={row.problemId} className={row.tied ? 'result-tied' : undefined}>
              <td>
                {row.rank}
                {row.tied ? (
                  <>
                    {' '}
                    <span className="tie-badge">{t('prioritisation.results.tie')}</span>
                  </>
                ) : null}
              </td>
              <th scope="row">{row.title}</th>
              <td>{formatPoints(method, row.points, locale)}</td>
              <td>{shareText(index, row.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.hasTies ? <p className="notice">{t('prioritisation.results.tiesNote')}</p> : null}
      {hasVotes && shares && !shares.addsUp ? (
        <p className="field-hint">{t('prioritisation.results.rounded')}</p>
      ) : null}
      {method === 'ranking' ? (
        <p className="field-hint">{t('prioritisation.results.rankingPoints')}</p>
      ) : null}

      <ul className="plain-list bar-chart" aria-label={t('prioritisation.results.chart')}>
        {result.rows.map((row) => {
          const value = formatPoints(method, row.points, locale);
          const width = maxPoints > 0 ? (row.points / maxPoints) * 100 : 0;
          return (
            <li key={row.problemId} className="bar-row">
              <span className="bar-label">{row.title}</span>
              <span className="bar-line">
                <span className="bar-track" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${width}%` }} />
                </span>
                <span className="bar-value">{value}</span>
              </span>
            </li>
          );
        })}
      </ul>

      <p role="status" className="confirmation">
        {message}
      </p>

      <BallotList round={view.round} onMessage={setMessage} />

      {view.round.status === 'open' ? (
        <div className="actions">
          <button type="button" className="button button-primary" onClick={() => setConfirmClose(true)}>
            {t('prioritisation.close.button')}
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirmClose}
        title={t('prioritisation.close.title')}
        confirmLabel={t('prioritisation.close.confirm')}
        onCancel={() => setConfirmClose(false)}
        onConfirm={doClose}
      >
        <p>{t('prioritisation.close.question')}</p>
      </ConfirmDialog>
    </section>
  );
}
