import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REVIEW_ITEM_STATES } from '../../../domain/review';
import { listReviewItems, type ReviewItem, type ReviewItemState } from '../../data/use-review';
import { RetryAlert } from '../../ui/form-alert';
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
  const [items, setItems] = useState<ReviewItem[] | null>(null);
  const [people, setPeople] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    setFailure(null);
    setItems(null);
    listReviewItems({ ...(state ? { state } : {}), ...(user ? { userId: user } : {}) }).then(
      (list) => {
        if (!active) return;
        setItems(list);
        setPeople((known) => new Map([...known, ...list.map((i) => [i.userId, i.userName] as const)]));
      },
      (error: unknown) => active && setFailure(remoteErrorText(error, t)),
    );
    return () => {
      active = false;
    };
  }, [state, user, attempt, t]);

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
      {failure ? (
        <RetryAlert retryLabel={t('review.retry')} onRetry={() => setAttempt((n) => n + 1)}>
          {failure}
        </RetryAlert>
      ) : items === null ? (
        <p className="loading">{t('review.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('review.none')}</p>
      ) : (
        <ul className="plain-list stack">
          {items.map((item) => (
            <ReviewRow key={item.id} item={item} />
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * `/office/review`, for coordinators and admins: the rejected changes and
 * delete/edit crossings in their scope, filtered by state and person, each
 * opening its page to resolve, dismiss or ask the field.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  return (
    <ManagersOnlyPage title={t('review.title')} forbidden={t('review.forbidden')}>
      {() => (
        <>
          <p>{t('review.intro')}</p>
          <ReviewList />
        </>
      )}
    </ManagersOnlyPage>
  );
}
