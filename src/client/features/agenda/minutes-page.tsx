import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AGE_GROUPS, GENDERS, attendanceTotal, type Session } from '../../../domain';
import { useAgendaVersions } from '../../data/use-agenda';
import { useSessionValidations } from '../../data/use-agenda-validations';
import { useRoundResult, useSessionRounds } from '../../data/use-prioritisation';
import { useProcess } from '../../data/use-processes';
import { useSession } from '../../data/use-sessions';
import { formatDate, formatNumber } from '../../ui/format';
import { PageHeading } from '../../ui/page-heading';
import { Loading, NotFound } from '../../ui/status-views';
import { DataTable } from '../../ui/data-table';
import { PrintToolbar } from './print-toolbar';
import { RankingTable } from './ranking-table';
import { voteWords } from './vote-words';
import './agenda.css';
import './strings';
import { BackLink } from '../../ui/back-link';

function AttendanceTable({ attendance }: { attendance: Session['attendance'] }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const rowTotal = (g: (typeof GENDERS)[number]) =>
    AGE_GROUPS.reduce((s, a) => s + attendance.counts[g][a], 0);
  const colTotal = (a: (typeof AGE_GROUPS)[number]) =>
    GENDERS.reduce((s, g) => s + attendance.counts[g][a], 0);
  return (
    <>
      {/* Seven columns: on a narrow screen the table scrolls in its own box (reachable by keyboard). */}
      <div
        className="agenda-table-wrap"
        role="region"
        aria-label={t('agenda.minutes.attendanceTable')}
        tabIndex={0}
      >
        <DataTable
          className="agenda-table"
          caption={t('agenda.minutes.attendance')}
          rows={GENDERS}
          rowKey={(g) => g}
          columns={[
            {
              header: t('agenda.minutes.gender'),
              cell: (g) => t(`vocabulary.genders.${g}`),
              rowHeader: true,
            },
            ...AGE_GROUPS.map((a) => ({
              header: t(`vocabulary.ages.${a}`),
              cell: (g: (typeof GENDERS)[number]) => n(attendance.counts[g][a]),
            })),
            { header: t('agenda.minutes.total'), cell: (g) => n(rowTotal(g)) },
          ]}
          footer={
            <tr>
              <th scope="row">{t('agenda.minutes.total')}</th>
              {AGE_GROUPS.map((a) => (
                <td key={a}>{n(colTotal(a))}</td>
              ))}
              <td>{n(attendanceTotal(attendance))}</td>
            </tr>
          }
        />
      </div>
      <p>
        {t('agenda.minutes.indigenous', { count: attendance.indigenous })} ·{' '}
        {t('agenda.minutes.disability', { count: attendance.disability })}
      </p>
    </>
  );
}

/** One prioritisation round of the session with its ranking. */
function RoundMinutes({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const view = useRoundResult(roundId);
  if (!view) return null;
  return (
    <RankingTable
      caption={t('agenda.minutes.roundVote', {
        title: view.round.title,
        participants: view.result.participants,
      })}
      rows={view.result.rows}
    />
  );
}

/**
 * `/sessions/:id/minutes`: the session's minutes (*minuta*) as a clean
 * document to print or download — date, place, attendance by gender × age,
 * agreements with who and by when, votes and their results.
 */
export function MinutesPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession(id);
  const process = useProcess(session?.processId ?? '');
  const rounds = useSessionRounds(id);
  const validations = useSessionValidations(id);
  const versions = useAgendaVersions(session?.processId ?? '');
  const documentRef = useRef<HTMLElement>(null);
  if (session === undefined) return <Loading />;
  if (session === null) return <NotFound message={t('sessions.notFound')} />;
  const lang = i18n.language;
  const numberOf = new Map((versions ?? []).map((v) => [v.id, v.number]));
  const title = `${t('agenda.minutes.title')} · ${session.title}`;
  const noVotes = (rounds?.length ?? 0) === 0 && (validations?.length ?? 0) === 0;
  return (
    <section>
      <BackLink to={`/sessions/${session.id}`}>{session.title}</BackLink>
      <PageHeading title={title}>{title}</PageHeading>
      <PrintToolbar documentRef={documentRef} fileName={`minuta-${session.date}.pdf`} />
      <article
        ref={documentRef}
        className="minutes-document"
        lang="es-MX"
        aria-labelledby="minutes-doc-title"
      >
        <header>
          <p className="agenda-doc-kicker">{process?.name}</p>
          <h2 id="minutes-doc-title">
            {t('agenda.minutes.title')}: {session.title}
          </h2>
          <dl className="agenda-facts">
            <dt>{t('agenda.minutes.type')}</dt>
            <dd>{t(`vocabulary.sessionTypes.${session.type}`)}</dd>
            <dt>{t('agenda.minutes.date')}</dt>
            <dd>{formatDate(session.date, lang)}</dd>
            <dt>{t('agenda.minutes.place')}</dt>
            <dd>{session.place}</dd>
            <dt>{t('agenda.minutes.facilitators')}</dt>
            <dd>{session.facilitators.join(', ')}</dd>
          </dl>
        </header>
        <section aria-labelledby="minutes-attendance">
          <h2 id="minutes-attendance">{t('agenda.minutes.attendance')}</h2>
          <AttendanceTable attendance={session.attendance} />
        </section>
        <section aria-labelledby="minutes-agreements">
          <h2 id="minutes-agreements">{t('agenda.minutes.agreements')}</h2>
          {session.agreements.length === 0 ? (
            <p>{t('agenda.minutes.noAgreements')}</p>
          ) : (
            <DataTable
              className="agenda-table"
              rows={session.agreements}
              rowKey={(a) => a.id}
              columns={[
                { header: t('agenda.minutes.agreement'), cell: (a) => a.text },
                { header: t('agenda.minutes.responsible'), cell: (a) => a.responsible },
                {
                  header: t('agenda.minutes.due'),
                  cell: (a) => (a.dueDate ? formatDate(a.dueDate, lang) : t('agenda.minutes.noDue')),
                },
                {
                  header: t('agenda.minutes.status'),
                  cell: (a) => t(`vocabulary.agreementStatuses.${a.status}`),
                },
              ]}
            />
          )}
        </section>
        <section aria-labelledby="minutes-votes">
          <h2 id="minutes-votes">{t('agenda.minutes.votes')}</h2>
          {noVotes ? <p>{t('agenda.minutes.noVotes')}</p> : null}
          {(validations ?? []).map((v) => (
            <p key={v.id}>
              {t('agenda.minutes.agendaVote', {
                ...voteWords(v, numberOf, t),
                attendance: v.attendance,
              })}
            </p>
          ))}
          {(rounds ?? []).map(({ round }) => (
            <RoundMinutes key={round.id} roundId={round.id} />
          ))}
        </section>
        {session.notes ? (
          <section aria-labelledby="minutes-notes">
            <h2 id="minutes-notes">{t('agenda.minutes.notes')}</h2>
            <p>{session.notes}</p>
          </section>
        ) : null}
      </article>
    </section>
  );
}
