import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './strings';

type QrModule = typeof import('qrcode');

/** The QR library, loaded on demand (its own precached chunk, never in the first download). */
async function loadQr(): Promise<QrModule> {
  const module = await import('qrcode');
  return (module as unknown as { default?: QrModule }).default ?? module;
}

/**
 * `text` drawn as a QR code (SVG, so it prints sharp and needs no canvas).
 * While the library loads, and if it cannot, the code shown beside it is
 * what the tablet types.
 */
export function QrImage({ text, alt }: { text: string; alt: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let active = true;
    setSrc(null);
    setFailed(false);
    loadQr()
      .then((qr) => qr.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }))
      .then(
        (svg) => active && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
        () => active && setFailed(true),
      );
    return () => {
      active = false;
    };
  }, [text]);
  if (failed) return <p className="small">{t('enrolment.qrFailed')}</p>;
  if (!src) return <p className="loading">{t('enrolment.qrLoading')}</p>;
  return <img className="qr-image" src={src} alt={alt} width={280} height={280} />;
}
