import { useTranslation } from 'react-i18next';
import { enrolmentLink } from '../../../domain';
import type { IssuedEnrolment } from '../../data/use-accounts';
import { useNow } from '../../ui/use-now';
import { QrImage } from './qr-image';
import './strings';

/**
 * A code just made, shown once: large enough to type from across a table,
 * and as a QR code holding a link to this server's `/enrol` page with the
 * code in the fragment. It says how long it still works.
 */
export function IssuedCode({ issued }: { issued: IssuedEnrolment }) {
  const { t } = useTranslation();
  const now = useNow(5_000);
  const name = issued.enrolment.userDisplayName;
  const minutesLeft = Math.ceil((Date.parse(issued.enrolment.expiresAt) - now) / 60_000);
  return (
    <section className="card stack issued-code" aria-labelledby="issued-code-title">
      <h2 id="issued-code-title">{t('enrolment.issuedTitle', { name })}</h2>
      <p>{t('enrolment.issuedHelp')}</p>
      <p>
        {t('enrolment.codeLabel')}:{' '}
        <strong className="enrolment-code" data-code={issued.code}>
          {issued.code}
        </strong>
      </p>
      <QrImage
        text={enrolmentLink(window.location.origin, issued.code)}
        alt={t('enrolment.qrAlt', { name, code: issued.code })}
      />
      <p role="status">
        {minutesLeft > 0 ? t('enrolment.expiresIn', { count: minutesLeft }) : t('enrolment.expiredNow')}
      </p>
    </section>
  );
}
