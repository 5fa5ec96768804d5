import { afterEach, describe, expect, it } from 'vitest';
import { customerInstructions } from '../../src/main/gate';
import { freshPaymentId, PROJECT, startHarness, type Harness } from '../support/sandbox-harness';

const PNG_MAGIC = '89504e470d0a1a0a';

describe('QR delivery modes of the intermediate callback', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function intermediate(
    qrMode: 'qr_data' | 'qr_url' | 'qr_img' | 'redirect' | 'redirect_post',
  ) {
    h = await startHarness({ projects: [{ ...PROJECT, qrMode }] });
    const id = freshPaymentId();
    await h.sale(id, 1000);
    const callback = await h.waitForCallback(id, () => true);
    return {
      id,
      callback,
      instructions: customerInstructions(callback),
      customerUrl: h.sandbox.customerUrl(h.sandbox.payment(PROJECT.id, id)!),
    };
  }

  it('qr_data: the QR holds the customer page URL, with the QR Code Timeout', async () => {
    const { instructions, customerUrl } = await intermediate('qr_data');
    expect(instructions).toEqual({
      qr: { kind: 'qr_data', data: customerUrl },
      qrTimeoutSeconds: 600,
    });
  });

  it('qr_url: a link to a PNG image of the QR', async () => {
    const { instructions } = await intermediate('qr_url');
    if (instructions?.qr.kind !== 'qr_url') throw new Error('expected qr_url');
    const res = await fetch(instructions.qr.url);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 8)
        .toString('hex'),
    ).toBe(PNG_MAGIC);
  });

  it('qr_img: a Base64 PNG of the QR', async () => {
    const { instructions } = await intermediate('qr_img');
    if (instructions?.qr.kind !== 'qr_img') throw new Error('expected qr_img');
    expect(Buffer.from(instructions.qr.base64, 'base64').subarray(0, 8).toString('hex')).toBe(
      PNG_MAGIC,
    );
    expect(instructions.qrTimeoutSeconds).toBe(600);
  });

  it('redirect (GET): redirect_data becomes a QR of the URL', async () => {
    const { callback, instructions, customerUrl } = await intermediate('redirect');
    expect(callback.redirect_data).toMatchObject({ method: 'GET', url: customerUrl });
    expect(callback.payment.status).toBe('awaiting redirect result');
    expect(instructions?.qr).toEqual({ kind: 'qr_data', data: customerUrl });
  });

  it('redirect (POST): cannot be scanned and is reported as such', async () => {
    const { instructions } = await intermediate('redirect_post');
    expect(instructions?.qr).toMatchObject({ kind: 'unscannable_redirect', method: 'POST' });
  });
});
