import { useTranslation } from 'react-i18next';
import type { ReviewItem } from '../../data/use-review';
import { formatDateTime } from '../../ui/format';

/** Who made the change, when, from which device, and where the item stands (terms of a `<dl>`). */
export function ChangeFacts({ item }: { item: ReviewItem }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <dt>{t('review.who')}</dt>
      <dd>{item.userName}</dd>
      <dt>{t('review.when')}</dt>
      <dd>{formatDateTime(item.createdAt, i18n.language)}</dd>
      <dt>{t('review.device')}</dt>
      <dd>{t('review.deviceValue', { client: item.clientId.slice(0, 8), mutation: item.mutationId })}</dd>
      <dt>{t('review.state')}</dt>
      <dd>{t(`review.states.${item.state}`)}</dd>
    </>
  );
}
