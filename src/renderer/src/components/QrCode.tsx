import type { QrView } from '../../../shared/ipc/views';
import { useQrImage } from '../hooks/use-qr-image';

/** The customer's QR code, or why it cannot be shown. */
export function QrCode({ qr, size }: { qr: QrView | null; size: number }) {
  const src = useQrImage(qr);
  if (qr?.kind === 'unscannable') {
    return (
      <div className="qr-problem" role="alert" style={{ width: size }}>
        {qr.message}
      </div>
    );
  }
  if (!src)
    return (
      <div className="qr-placeholder" style={{ width: size, height: size }} aria-busy="true" />
    );
  return <img className="qr" src={src} alt="Alipay QR code" width={size} height={size} />;
}
