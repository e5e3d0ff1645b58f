import { useTranslation } from 'react-i18next';
import { useQrSvg } from '../../ui/use-qr-svg';
import './strings';

/**
 * `text` drawn as a QR code (SVG, so it prints sharp and needs no canvas).
 * While the library loads, and if it cannot, the code shown beside it is
 * what the tablet types.
 */
export function QrImage({ text, alt }: { text: string; alt: string }) {
  const { t } = useTranslation();
  const src = useQrSvg(text);
  if (src === 'failed') return <p className="small">{t('enrolment.qrFailed')}</p>;
  if (!src) return <p className="loading">{t('enrolment.qrLoading')}</p>;
  return <img className="qr-image" src={src} alt={alt} width={280} height={280} />;
}
