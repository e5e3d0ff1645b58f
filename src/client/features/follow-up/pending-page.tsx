import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePending } from '../../data/use-follow-up';
import { useProcess } from '../../data/use-processes';
import { PageHeading } from '../../ui/page-heading';
import { Loading } from '../../ui/status-views';
import { PendingList } from './pending-list';
import './strings';

/**
 * `/pendientes` (every process on this device: the user's) and
 * `/processes/:processId/pendientes`: project commitments and session
 * agreements, who and by when, overdue first. Marking one done works offline.
 */
export function PendingPage() {
  const { t } = useTranslation();
  const { processId } = useParams();
  const items = usePending(processId);
  const process = useProcess(processId ?? '');
  if (items === undefined || (processId && process === undefined)) return <Loading />;
  const title = process ? t('followUp.pending.titleOf', { name: process.name }) : t('followUp.pending.title');
  return (
    <section>
      {process ? (
        <p className="breadcrumb">
          <Link to={`/processes/${process.id}`} className="link-target">
            ← {process.name}
          </Link>
        </p>
      ) : null}
      <PageHeading title={title}>{title}</PageHeading>
      <p>{t('followUp.pending.intro')}</p>
      <PendingList items={items} showProcess={!processId} />
    </section>
  );
}
