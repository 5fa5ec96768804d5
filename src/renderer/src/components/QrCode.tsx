import type { QrView } from '../../../shared/ipc/views';
import { useQrImage } from '../hooks/use-qr-image';
import { useSay } from '../i18n/use-say';

/** The customer's QR code, or why it cannot be shown. */
export function QrCode({ qr, size }: { qr: QrView | null; size: number }) {
  const image = useQrImage(qr, size);
  const { say, sayAll } = useSay();
  if (qr?.kind === 'unscannable') {
    return (
      <div className="qr-problem" role="alert" style={{ width: size }}>
        {sayAll(qr.message)}
      </div>
    );
  }
  if (!image)
    return (
      <div className="qr-placeholder" style={{ width: size, height: size }} aria-busy="true" />
    );
  const shown = image.size ?? size;
  return (
    <img className="qr" src={image.src} alt={say('cashier.qr.alt')} width={shown} height={shown} />
  );
}
