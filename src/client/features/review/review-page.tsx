import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REVIEW_ITEM_STATES } from '../../../domain/review';
import { listReviewItems, type ReviewItem, type ReviewItemState } from '../../data/use-review';
import { ServerList } from '../../ui/server-answer';
import { useServerRead } from '../../ui/use-server-read';
import { changeReasonText } from '../../ui/vocabulary/change-reason';
import { ManagersOnlyPage } from '../../widgets/managers-only-page';
import { remoteErrorText } from './remote-error';
import { ChangeFacts } from './review-facts';
import { itemTitle } from './review-labels';
import './strings';
import './review.css';

function ReviewRow({ item }: { item: ReviewItem }) {
  const { t } = useTranslation();
  const title = itemTitle(item, t);
  return (
    <li className="card stack">
      <h2 className="card-title">{title}</h2>
      <p>{changeReasonText(item.code, t)}</p>
      <dl className="small">
        <ChangeFacts item={item} />
      </dl>
      <Link className="button" to={`/office/review/${item.id}`} aria-label={t('review.openLabel', { title })}>
        {t('review.open')}
      </Link>
    </li>
  );
}

function ReviewList() {
  const { t } = useTranslation();
  const stateId = useId();
  const userId = useId();
  const [state, setState] = useState<ReviewItemState | ''>('open');
  const [user, setUser] = useState('');
  const items = useServerRead(
    useCallback(
      () => listReviewItems({ ...(state ? { state } : {}), ...(user ? { userId: user } : {}) }),
      [state, user],
    ),
    (error) => remoteErrorText(error, t),
  );
  // Everyone the queue has named so far, so a person stays in the filter while it is set.
  const [people, setPeople] = useState<Map<string, string>>(new Map());
  const listed = items.data;
  useEffect(() => {
    if (listed)
      setPeople((known) => new Map([...known, ...listed.map((i) => [i.userId, i.userName] as const)]));
  }, [listed]);

  return (
    <>
      <div className="review-filters">
        <div className="field narrow">
          <label htmlFor={stateId}>{t('review.filterState')}</label>
          <select
            id={stateId}
            value={state}
            onChange={(e) => setState(e.target.value as ReviewItemState | '')}
          >
            <option value="">{t('review.allStates')}</option>
            {REVIEW_ITEM_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`review.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field narrow">
          <label htmlFor={userId}>{t('review.filterUser')}</label>
          <select id={userId} value={user} onChange={(e) => setUser(e.target.value)}>
            <option value="">{t('review.allUsers')}</option>
            {[...people].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ServerList read={items} words="review">
        {(item) => <ReviewRow key={item.id} item={item} />}
      </ServerList>
    </>
  );
}

/**
 * `/office/review`, for coordinators and admins: the rejected changes and
 * delete/edit crossings in their scope, filtered by state and person, each
 * opening its page to resolve, dismiss or ask the field.
 */
export function ReviewPage() {
  return (
    <ManagersOnlyPage words="review" intro>
      {() => <ReviewList />}
    </ManagersOnlyPage>
  );
}
