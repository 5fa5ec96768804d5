import { describe, expect, it } from 'vitest';
import { customerInstructions, parseCallback } from '../../../src/main/gate';
import { parseJsonLossless, sign } from '../../../src/protocol/signer';
import {
  SEED_DECLINE_CALLBACK as SEED_DECLINE,
  SEED_SUCCESS_CALLBACK as SEED_SUCCESS,
} from '../../support/seed-examples';

const SECRET = 'callback-secret';
const signedText = (body: Record<string, unknown>) =>
  JSON.stringify({ ...body, signature: sign(body, SECRET) });

describe('callback parsing', () => {
  it("parses the seed's success callback", () => {
    const parsed = parseCallback(signedText(SEED_SUCCESS), SECRET);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.callback.payment).toMatchObject({
      id: 'ECT_TEST_155125514200636',
      status: 'success',
      sum: { amount: 1000, currency: 'CNY' },
    });
    expect(parsed.callback.operation).toMatchObject({
      id: '20891000000045',
      code: '0',
      message: 'Success',
      request_id: '85d4801f8fa9dead54d315ae19ecb4550201cdcafab',
    });
    expect(parsed.callback.project_id).toBe('201');
  });

  it("parses the seed's decline callback with Gate's code and message", () => {
    const parsed = parseCallback(signedText(SEED_DECLINE), SECRET);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.callback.operation).toMatchObject({
      status: 'decline',
      code: '20105',
      message: 'Insufficient funds on customer account',
    });
  });

  it("parses the seed's display_data fragment into a QR and its timeout", () => {
    const body = {
      payment: { id: 'p', status: 'awaiting customer action' },
      display_data: [
        { type: 'qr_data', title: 'QR code', data: 'weixin://wxpay/bizpayurl?pr=dMrSpJG' },
        { type: 'add_info', title: 'QR Code Timeout', data: '600' },
      ],
    };
    const parsed = parseCallback(signedText(body), SECRET);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(customerInstructions(parsed.callback)).toEqual({
      qr: { kind: 'qr_data', data: 'weixin://wxpay/bizpayurl?pr=dMrSpJG' },
      qrTimeoutSeconds: 600,
    });
  });

  it("parses the seed's redirect_data (POST, unscannable) and a GET redirect with its body as query", () => {
    const post = {
      payment: { id: 'p', status: 'awaiting redirect result' },
      redirect_data: {
        method: 'POST',
        body: {
          order_no: '29895000000582',
          amount: '13.00',
          payment_channel: 'ALIPAY',
          sign: '****************',
          return_url: 'https://example.com/process/wsid=njf2h9cd3',
          signType: 'RSA',
          currency: 'CNY',
          body: 'ECT_TEST_1552972940011',
          app_id: '4391',
        },
        encrypted: [],
        url: 'https://example.com:443/payment/otoSoft/v3/h5.html',
      },
    };
    const parsed = parseCallback(signedText(post), SECRET);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(customerInstructions(parsed.callback)?.qr).toEqual({
      kind: 'unscannable_redirect',
      method: 'POST',
      url: 'https://example.com:443/payment/otoSoft/v3/h5.html',
    });

    const get = {
      payment: { id: 'p', status: 'awaiting redirect result' },
      redirect_data: {
        method: 'get',
        url: 'https://pay.example/h5?x=1',
        body: { order: 'A 1' },
        encrypted: [],
      },
    };
    const parsedGet = parseCallback(signedText(get), SECRET);
    if (!parsedGet.ok) throw new Error(parsedGet.message);
    expect(customerInstructions(parsedGet.callback)?.qr).toEqual({
      kind: 'qr_data',
      data: 'https://pay.example/h5?x=1&order=A+1',
    });
  });

  it('verifies before reading: a tampered amount is a bad signature', () => {
    const text = signedText(SEED_SUCCESS).replace('"amount":1000', '"amount":1');
    expect(parseCallback(text, SECRET)).toMatchObject({ ok: false, problem: 'bad_signature' });
  });

  it('reports malformed JSON, a missing signature, and valid but unknown shapes distinctly', () => {
    expect(parseCallback('{"payment":', SECRET)).toMatchObject({
      ok: false,
      problem: 'malformed_json',
    });
    expect(parseCallback(JSON.stringify(SEED_SUCCESS), SECRET)).toMatchObject({
      ok: false,
      problem: 'bad_signature',
      message: 'no signature in the message',
    });
    const recurring = { project_id: '123', recurring: { id: 321, status: 'active' } };
    expect(parseCallback(signedText(recurring), SECRET)).toMatchObject({
      ok: false,
      problem: 'unsupported_shape',
      message: expect.stringContaining('payment'),
    });
  });

  it('keeps an operation id beyond 2^53 exact', () => {
    const body =
      '{"operation":{"id":20891000000045123456,"type":"sale","status":"success"},"payment":{"id":"p","status":"success"}}';
    const signature = sign(parseJsonLossless(body), SECRET);
    const parsed = parseCallback(body.replace(/}$/, `,"signature":"${signature}"}`), SECRET);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.callback.operation?.id).toBe('20891000000045123456');
  });

  it('finds the QR Code Timeout whatever the title case, and ignores a bad one', () => {
    const make = (data: string, title = 'QR Code Timeout') => ({
      payment: { id: 'p', status: 'x' },
      display_data: [
        { type: 'qr_url', title: 'QR code', data: 'https://q/1.png' },
        { type: 'add_info', title, data },
      ],
    });
    const read = (body: Record<string, unknown>) => {
      const parsed = parseCallback(signedText(body), SECRET);
      return parsed.ok ? customerInstructions(parsed.callback) : undefined;
    };
    expect(read(make('90', 'qr code timeout'))).toEqual({
      qr: { kind: 'qr_url', url: 'https://q/1.png' },
      qrTimeoutSeconds: 90,
    });
    expect(read(make('soon'))).toEqual({ qr: { kind: 'qr_url', url: 'https://q/1.png' } });
  });
});
