import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useProcess } from '../../data/use-processes';
import { useUnitsByKeys } from '../../data/use-territory';
import { PageHeading } from '../../ui/page-heading';
import { Loading, NotFound } from '../../ui/status-views';
import { publicPageUrl, shortPublicPageUrl } from './public-page-url';
import './public-poster.css';
import './strings';
import { BackLink } from '../../ui/back-link';
import { useQrSvg } from '../../ui/use-qr-svg';

/**
 * `/processes/:id/cartel`: a poster for the neighbourhood, to print — a large
 * QR code of the public page's address, the process and its units by name,
 * and the address written out for those who type it.
 */
export function PublicPosterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const process = useProcess(id);
  const units = useUnitsByKeys(process?.unitKeys ?? []);
  const url = publicPageUrl(id);
  const qr = useQrSvg(url, 2);
  if (process === undefined) return <Loading />;
  if (process === null) return <NotFound message={t('publicPage.posterNotPublished')} />;
  const names = new Map((units ?? []).map((u) => [u.key, u.name]));
  const unitText = process.unitKeys.map((key) => names.get(key) ?? key).join(', ');
  return (
    <section className="public-poster">
      <BackLink to={`/processes/${id}`}>{t('publicPage.posterBack')}</BackLink>
      <PageHeading title={t('publicPage.posterTitle')}>{t('publicPage.posterTitle')}</PageHeading>
      <h2 className="public-poster-heading">{t('publicPage.posterHeading', { name: process.name })}</h2>
      {process.published !== true ? (
        <p className="notice no-print" role="status">
          {t('publicPage.posterNotPublished')}
        </p>
      ) : null}
      <p>{unitText}</p>
      <p>{t('publicPage.posterLead')}</p>
      {qr === 'failed' ? (
        <p className="small no-print">{t('publicPage.qrFailed')}</p>
      ) : qr === null ? (
        <p className="loading">{t('publicPage.qrLoading')}</p>
      ) : (
        <img
          className="public-poster-qr"
          src={qr}
          alt={t('publicPage.posterQrAlt', { url })}
          width={352}
          height={352}
        />
      )}
      <p>{t('publicPage.posterOrVisit')}</p>
      <p className="public-poster-url">{shortPublicPageUrl(id)}</p>
      <div className="public-poster-toolbar no-print">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('publicPage.print')}
        </button>
      </div>
    </section>
  );
}
