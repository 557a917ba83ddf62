import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type QrScanner from 'qr-scanner';

type ScanCardProps = {
  /** The text of the first QR code read; the camera stops. */
  onScan: (text: string) => void;
  /** The camera could not start (none, or permission refused). */
  onCameraError: () => void;
};

type PolicyDocument = Document & { featurePolicy?: { allowsFeature: (feature: string) => boolean } };

/**
 * Whether this page may use a camera at all: the browser has one to offer and the server's
 * `Permissions-Policy` allows it (asking anyway would only log a policy violation).
 */
function cameraAllowed(): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.mediaDevices?.getUserMedia !== 'function') return false;
  const policy = (document as PolicyDocument).featurePolicy;
  return policy ? policy.allowsFeature('camera') : true;
}

/**
 * "Scan a digital card": the camera reads the QR code on the worker's phone (qr-scanner, downloaded only
 * when the button is pressed; its decoder runs in `/qr-scanner-worker.js`).
 */
export function ScanCard({ onScan, onCameraError }: ScanCardProps) {
  const { t } = useTranslation();
  const [allowed] = useState(cameraAllowed);
  const [active, setActive] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const callbacks = useRef({ onScan, onCameraError });
  useEffect(() => {
    callbacks.current = { onScan, onCameraError };
  });

  useEffect(() => {
    if (!active || !video.current) return;
    const element = video.current;
    let scanner: QrScanner | null = null;
    let stopped = false;
    void (async () => {
      try {
        const { default: Scanner } = await import('qr-scanner');
        if (stopped) return;
        scanner = new Scanner(
          element,
          (result) => {
            scanner?.stop();
            setActive(false);
            callbacks.current.onScan(result.data);
          },
          { returnDetailedScanResult: true, preferredCamera: 'environment', maxScansPerSecond: 10 },
        );
        await scanner.start();
      } catch {
        if (stopped) return;
        setActive(false);
        callbacks.current.onCameraError();
      }
    })();
    return () => {
      stopped = true;
      scanner?.destroy();
    };
  }, [active]);

  if (!allowed) return <p data-testid="no-camera">{t('cardCheck.scan.unavailable')}</p>;
  return (
    <div className="scan-card">
      {active ? (
        <>
          <video ref={video} className="scan-card__video" muted playsInline aria-label={t('cardCheck.scan.videoLabel')} />
          <p role="status">{t('cardCheck.scan.pointCamera')}</p>
          <button type="button" className="button button--secondary" onClick={() => setActive(false)}>
            {t('cardCheck.scan.stop')}
          </button>
        </>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setActive(true)}>
          {t('cardCheck.scan.start')}
        </button>
      )}
    </div>
  );
}
