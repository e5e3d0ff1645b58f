import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { codeFromScan } from '../../../domain';
import './strings';

type JsQr = typeof import('jsqr').default;

/** The QR decoder, loaded on demand and precached, so scanning works offline too. */
async function loadJsQr(): Promise<JsQr> {
  const module = await import('jsqr');
  return (module.default as unknown as { default?: JsQr }).default ?? module.default;
}

/**
 * The camera, read frame by frame until a frame holds an enrolment code
 * (`codeFromScan`): then the camera stops and `onCode` receives the code.
 * Without a camera (or permission) `onUnavailable` is called and the code is
 * typed instead. Nothing leaves the device while scanning.
 */
export function QrScanner({ onCode, onUnavailable }: { onCode(code: string): void; onUnavailable(): void }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const found = useRef(onCode);
  const unavailable = useRef(onUnavailable);
  useEffect(() => {
    found.current = onCode;
    unavailable.current = onUnavailable;
  });

  useEffect(() => {
    let stream: MediaStream | null = null;
    let frame = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const stop = () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };
    async function start() {
      if (!navigator.mediaDevices?.getUserMedia || !context) throw new Error('no camera');
      const [decode, media] = await Promise.all([
        loadJsQr(),
        navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
      ]);
      stream = media;
      const video = videoRef.current;
      if (stopped || !video || !context) return stop();
      video.srcObject = media;
      await video.play();
      const tick = () => {
        if (stopped) return;
        if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          context.drawImage(video, 0, 0, canvas.width, canvas.height);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const read = decode(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
          const code = read ? codeFromScan(read.data) : null;
          if (code) {
            stop();
            found.current(code);
            return;
          }
        }
        frame = requestAnimationFrame(tick);
      };
      frame = requestAnimationFrame(tick);
    }
    start().catch(() => {
      stop();
      unavailable.current();
    });
    return stop;
  }, []);

  return (
    <div className="stack">
      <p className="field-hint">{t('enrolment.scanHint')}</p>
      <video ref={videoRef} className="qr-video" aria-label={t('enrolment.cameraLabel')} muted playsInline />
    </div>
  );
}
