import { useEffect, useState } from 'react';

type QrModule = typeof import('qrcode');

/** The QR library, loaded on demand (its own precached chunk, never in the first download). */
async function loadQr(): Promise<QrModule> {
  const module = await import('qrcode');
  return (module as unknown as { default?: QrModule }).default ?? module;
}

/**
 * `text` as a QR code in SVG (sharp on screen and on paper at any size), as a data URL for an
 * `<img>`: null while it is drawn, 'failed' if the library cannot load.
 */
export function useQrSvg(text: string, margin = 4): string | null | 'failed' {
  const [src, setSrc] = useState<string | null | 'failed'>(null);
  useEffect(() => {
    let active = true;
    setSrc(null);
    loadQr()
      .then((qr) => qr.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin }))
      .then(
        (svg) => active && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
        () => active && setSrc('failed'),
      );
    return () => {
      active = false;
    };
  }, [text, margin]);
  return src;
}
