import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * A section of the process page about one kind of record: its heading, what it says of them, and
 * the way to their list and to a new one. `kind` names them everywhere: the list's path under the
 * process (`/processes/:id/<kind>`), the words (`<kind>.summaryTitle`, `<kind>.viewAll`,
 * `<kind>.new`) and the heading's id (`<kind>-summary-title`).
 */
export function RecordsSummary({
  kind,
  processId,
  children,
}: {
  kind: string;
  processId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = `${kind}-summary-title`;
  const listTo = `/processes/${processId}/${kind}`;
  return (
    <section aria-labelledby={id} className="page-section">
      <h2 id={id}>{t(`${kind}.summaryTitle`)}</h2>
      {children}
      <div className="actions">
        <Link to={listTo} className="button">
          {t(`${kind}.viewAll`)}
        </Link>
        <Link to={`${listTo}/new`} className="button">
          {t(`${kind}.new`)}
        </Link>
      </div>
    </section>
  );
}

/**
 * A `RecordsSummary` that says only how many records there are (`<kind>.count`), or that there are
 * none yet (`<kind>.summaryEmpty`); nothing while they are still being read (`count` undefined).
 */
export function CountedRecordsSummary({
  kind,
  processId,
  count,
}: {
  kind: string;
  processId: string;
  count: number | undefined;
}) {
  const { t } = useTranslation();
  if (count === undefined) return null;
  return (
    <RecordsSummary kind={kind} processId={processId}>
      <p className={count === 0 ? 'field-hint' : undefined}>
        {count === 0 ? t(`${kind}.summaryEmpty`) : t(`${kind}.count`, { count })}
      </p>
    </RecordsSummary>
  );
}
