import { useTranslation } from 'react-i18next';
import { NotFound } from '../ui/status-views';

export function NotFoundPage() {
  const { t } = useTranslation();
  return <NotFound message={t('common.pageNotFound')} />;
}
