import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useProcess } from '../data/use-processes';
import { BackLink } from '../ui/back-link';
import { PageHeading } from '../ui/page-heading';
import { SaveConfirmation } from '../ui/save-notice';
import { Loading, NotFound } from '../ui/status-views';
import { NewRecordLink } from '../ui/new-record-link';

export interface ProcessListPageProps {
  processId: string;
  /**
   * Names the records: their path under the process (`problems`, so "+ new" leads to
   * `problems/new`) and their words (`problems.new`, `problems.count` and, when there are none,
   * `problems.empty`).
   */
  kind: string;
  title: string;
  /** How many there are. */
  count: number;
  children: ReactNode;
}

/**
 * A page under one process, once the process is read ("loading" until then, "not found" where
 * there is none): the way back to the process, then the page.
 */
export function ProcessSubpage({ processId, children }: { processId: string; children: ReactNode }) {
  const { t } = useTranslation();
  const process = useProcess(processId);
  if (process === undefined) return <Loading />;
  if (process === null) return <NotFound message={t('processes.notFound')} />;
  return (
    <section>
      <BackLink to={`/processes/${processId}`}>{process.name}</BackLink>
      {children}
    </section>
  );
}

/**
 * A process's list page (problems, vision, projects): the heading with "+ new", the save
 * confirmation, how many there are, and the list — or why it is empty.
 */
export function ProcessListPage({ processId, kind, title, count, children }: ProcessListPageProps) {
  const { t } = useTranslation();
  return (
    <ProcessSubpage processId={processId}>
      <div className="page-header">
        <PageHeading title={title}>{title}</PageHeading>
        <NewRecordLink to={`/processes/${processId}/${kind}/new`} label={t(`${kind}.new`)} />
      </div>
      <SaveConfirmation />
      <p>{t(`${kind}.count`, { count })}</p>
      {count === 0 ? <p className="empty">{t(`${kind}.empty`)}</p> : null}
      {children}
    </ProcessSubpage>
  );
}
