import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from './page-heading';

/** Shown for the brief moment a local (IndexedDB) read takes; never waits on the network. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}

export function NotFound({ message, backTo = '/' }: { message: string; backTo?: string }) {
  const { t } = useTranslation();
  return (
    <section>
      <PageHeading title={t('common.notFound')}>{t('common.notFound')}</PageHeading>
      <p>{message}</p>
      <Link className="button" to={backTo}>
        {t('common.backHome')}
      </Link>
    </section>
  );
}
