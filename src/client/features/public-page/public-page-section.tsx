import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccount } from '../../data/use-account';
import { updateProcess, useProcess } from '../../data/use-processes';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { FormAlert } from '../../ui/form-alert';
import { formatDateTime } from '../../ui/format';
import { SavedNotice, type SaveNotice } from '../../ui/save-notice';
import { errorReason } from '../../ui/use-entity-form';
import { publicPageUrl, shortPublicPageUrl } from './public-page-url';
import './public-page.css';
import './strings';

/** Who may switch the page on or off (the server's rule: a coordinator in scope or a facilitator of the team). */
const CAN_PUBLISH = new Set(['admin', 'coordinator', 'facilitator']);

/**
 * The process page's "Página pública": whether it is published, its address
 * and poster, and publish / stop publishing behind a confirmation that says
 * what becomes public. A local write that syncs, like every process edit; the
 * server refuses it from anyone else (a promoter sees the state only).
 */
export function PublicPageSection({ processId }: { processId: string }) {
  const { t, i18n } = useTranslation();
  const process = useProcess(processId);
  const account = useAccount();
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<SaveNotice | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!process) return null;
  const published = process.published === true;
  const canPublish = account ? CAN_PUBLISH.has(account.user.role) : false;
  const url = publicPageUrl(processId);

  const confirm = async () => {
    setAsking(false);
    setError(null);
    try {
      await updateProcess(
        processId,
        published ? { published: false } : { published: true, publishedAt: new Date().toISOString() },
      );
      setNotice({ key: published ? 'publicPage.savedUnpublished' : 'publicPage.savedPublished' });
    } catch (e) {
      setError(t('publicPage.saveFailed', { reason: errorReason(e) }));
    }
  };

  return (
    <section className="card page-section public-page-section" aria-labelledby="public-page-title">
      <h2 id="public-page-title">{t('publicPage.title')}</h2>
      <p className="field-hint">{t('publicPage.intro')}</p>
      <SavedNotice notice={notice} />
      <p role="status">
        <strong>
          {published
            ? process.publishedAt
              ? t('publicPage.published', { date: formatDateTime(process.publishedAt, i18n.language) })
              : t('publicPage.publishedNoDate')
            : t('publicPage.notPublished')}
        </strong>
      </p>
      {published ? (
        <>
          <p>
            <span className="muted-label">{t('publicPage.address')}:</span>{' '}
            <a href={url} className="public-page-url" target="_blank" rel="noopener">
              {url}
            </a>
          </p>
          <p>
            <span className="muted-label">{t('publicPage.shortAddress')}:</span>{' '}
            <span className="public-page-url">{shortPublicPageUrl(processId)}</span>
          </p>
          <p>
            <Link to={`/processes/${processId}/cartel`} className="button">
              {t('publicPage.poster')}
            </Link>
          </p>
        </>
      ) : null}
      {canPublish ? (
        <button
          type="button"
          className={published ? 'button' : 'button button-primary'}
          onClick={() => setAsking(true)}
        >
          {t(published ? 'publicPage.unpublish' : 'publicPage.publish')}
        </button>
      ) : (
        <p className="field-hint">{t('publicPage.onlyTeam')}</p>
      )}
      <FormAlert>{error}</FormAlert>
      <ConfirmDialog
        open={asking}
        title={t(published ? 'publicPage.confirmUnpublishTitle' : 'publicPage.confirmPublishTitle', {
          name: process.name,
        })}
        confirmLabel={t(published ? 'publicPage.confirmUnpublish' : 'publicPage.confirmPublish')}
        onCancel={() => setAsking(false)}
        onConfirm={() => void confirm()}
      >
        {published ? (
          <p>{t('publicPage.confirmUnpublishBody')}</p>
        ) : (
          <>
            <p>{t('publicPage.confirmPublishLead')}</p>
            <ul>
              <li>{t('publicPage.confirmPublishItem1')}</li>
              <li>{t('publicPage.confirmPublishItem2')}</li>
              <li>{t('publicPage.confirmPublishItem3')}</li>
            </ul>
            <p>{t('publicPage.confirmPublishNever')}</p>
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
