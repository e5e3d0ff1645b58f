import { useTranslation } from 'react-i18next';
import { matchPath } from 'react-router';
import { useRound } from '../../data/use-prioritisation';
import { PageHeading } from '../../ui/page-heading';
import { Loading } from '../../ui/status-views';
import { PassTablet } from './pass-tablet';
import './strings';
import './prioritisation.css';

/**
 * The round's ballot on a locked screen (`reason: 'ballot'`): the title and
 * the private ballot with its confirmation — no tabs, results, board count
 * or way back to the session. `path` is the lock's `/rounds/:id`.
 */
export function LockedBallot({ path }: { path: string }) {
  const { t } = useTranslation();
  const id = matchPath('/rounds/:id', path)?.params.id ?? '';
  const round = useRound(id);
  if (round === undefined) return <Loading />;
  if (round === null) return <p className="notice">{t('prioritisation.round.notFound')}</p>;
  return (
    <section className="round-page">
      <PageHeading title={round.title}>{round.title}</PageHeading>
      <PassTablet round={round} />
    </section>
  );
}
