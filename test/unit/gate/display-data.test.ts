import { describe, expect, it } from 'vitest';
import { customerInstructions } from '../../../src/main/gate';

const awaiting = { status: 'awaiting redirect result' };

describe('what an intermediate callback or status answer tells the counter to show', () => {
  it('a GET redirect becomes a QR of its URL, with an object or a query-string body appended', () => {
    expect(
      customerInstructions({
        payment: awaiting,
        redirect_data: { method: 'get', url: 'https://h5.example/pay?a=1', body: { b: 2 } },
      }),
    ).toEqual({ qr: { kind: 'qr_data', data: 'https://h5.example/pay?a=1&b=2' } });
    expect(
      customerInstructions({
        payment: awaiting,
        redirect_data: { url: 'https://h5.example/pay', body: 'c=3&d=x%20y' },
      }),
    ).toEqual({ qr: { kind: 'qr_data', data: 'https://h5.example/pay?c=3&d=x+y' } });
  });

  it('an unusable redirect address is named, never thrown (no 500 retry loop)', () => {
    for (const url of ['not a url', 'javascript:alert(1)', undefined]) {
      expect(
        customerInstructions({ payment: awaiting, redirect_data: { method: 'GET', url } }),
      ).toEqual({ qr: { kind: 'unusable_redirect', url: url ?? '' } });
    }
  });

  it('a POST redirect cannot be a QR', () => {
    expect(
      customerInstructions({
        payment: awaiting,
        redirect_data: { method: 'POST', url: 'https://h5.example/pay', body: { order: 1 } },
      }),
    ).toEqual({
      qr: { kind: 'unscannable_redirect', method: 'POST', url: 'https://h5.example/pay' },
    });
  });

  it('awaiting clarification names the fields asked for, in either observed shape', () => {
    const status = { status: 'awaiting clarification' };
    expect(
      customerInstructions({
        payment: status,
        clarification_fields: { customer: ['first_name', 'phone'] },
      }),
    ).toEqual({ qr: { kind: 'clarification', fields: ['customer.first_name', 'customer.phone'] } });
    expect(
      customerInstructions({
        payment: status,
        clarification_fields: {
          avs_data: {
            type: 'object',
            properties: { avs_post_code: { description: 'Post code' } },
          },
        },
      }),
    ).toEqual({ qr: { kind: 'clarification', fields: ['avs_data.avs_post_code'] } });
    expect(customerInstructions({ payment: status })).toEqual({
      qr: { kind: 'clarification', fields: [] },
    });
  });

  it('display_data items without a type or data are skipped; nothing to show is undefined', () => {
    expect(
      customerInstructions({
        payment: { status: 'awaiting customer action' },
        display_data: [{ title: 'QR code', data: 'x' }, { type: 'qr_data' }],
      }),
    ).toBeUndefined();
  });
});
