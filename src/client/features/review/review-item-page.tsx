import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getReviewItem, type ReviewItemDetail } from '../../data/use-review';
import { DataTable } from '../../ui/data-table';
import { formatDateTime } from '../../ui/format';
import { ActionNotice, ServerAnswer } from '../../ui/server-answer';
import { useServerRead } from '../../ui/use-server-read';
import { changeReasonText } from '../../ui/vocabulary/change-reason';
import { ManagersOnlyPage } from '../../widgets/managers-only-page';
import { remoteErrorText } from './remote-error';
import { ReviewActions } from './review-actions';
import { ChangeFacts } from './review-facts';
import { itemTitle, valueText } from './review-labels';
import './strings';
import './review.css';

/** The values the change sent beside the ones the server holds now. */
function Comparison({ item }: { item: ReviewItemDetail }) {
  const { t } = useTranslation();
  const fields = [...new Set([...Object.keys(item.proposed ?? {}), ...item.fields])];
  return (
    <section className="stack">
      <h2>{t('review.comparison')}</h2>
      {item.op === 'delete' ? <p>{t('review.deleteSent')}</p> : null}
      {item.current === null ? <p>{t('review.recordMissing')}</p> : null}
      {item.current?.deleted ? <p>{t('review.recordDeleted')}</p> : null}
      {fields.length > 0 ? (
        <div className="review-table-scroll">
          <DataTable
            className=""
            rows={fields}
            rowKey={(f) => f}
            columns={[
              { header: t('review.field'), cell: (f) => f, rowHeader: true },
              { header: t('review.sent'), cell: (f) => valueText(item.proposed?.[f]) || t('review.empty') },
              {
                header: t('review.current'),
                cell: (f) => valueText(item.current?.fields[f]) || t('review.empty'),
              },
            ]}
          />
        </div>
      ) : null}
    </section>
  );
}

function ItemDetail({ item, onDone }: { item: ReviewItemDetail; onDone: (next: ReviewItemDetail) => void }) {
  const { t, i18n } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const closed = item.state === 'resolved' || item.state === 'dismissed';
  return (
    <>
      <ActionNotice>{done}</ActionNotice>
      <section className="card stack">
        <h2>{itemTitle(item, t)}</h2>
        <dl>
          <dt>{t('review.reason')}</dt>
          <dd>{changeReasonText(item.code, t)}</dd>
          <ChangeFacts item={item} />
        </dl>
        {item.message ? <p className="small">{t('review.technical', { message: item.message })}</p> : null}
      </section>
      <Comparison item={item} />
      {item.events.length > 0 ? (
        <section className="stack">
          <h2>{t('review.history')}</h2>
          <ul className="plain-list stack">
            {item.events.map((e) => (
              <li key={e.id}>
                {t('review.historyLine', {
                  action: t(`review.actions.${e.action}`),
                  name: e.byName,
                  when: formatDateTime(e.at, i18n.language),
                })}
                {e.note ? <blockquote>{e.note}</blockquote> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {closed ? null : (
        <ReviewActions
          item={item}
          onDone={(next, action) => {
            onDone(next);
            setDone(t(`review.done.${action}`));
          }}
        />
      )}
    </>
  );
}

function ItemView({ id }: { id: string }) {
  const { t } = useTranslation();
  const item = useServerRead(
    useCallback(() => getReviewItem(id), [id]),
    (error) => remoteErrorText(error, t),
  );
  return (
    <ServerAnswer read={item} words="review">
      {(found) => <ItemDetail item={found} onDone={item.setData} />}
    </ServerAnswer>
  );
}

/** `/office/review/:id`: one item, the values sent against the stored ones, and the three actions. */
export function ReviewItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <ManagersOnlyPage words="review" title={t('review.detailTitle')}>
      {() => (
        <>
          <p>
            <Link to="/office/review" className="link-target">
              {t('review.back')}
            </Link>
          </p>
          <ItemView id={id} />
        </>
      )}
    </ManagersOnlyPage>
  );
}
