import { describe, expect, it } from 'vitest';
import type { QrView } from '../../../src/shared/ipc/views';
import { oncePerRedirect } from '../../../src/main/relay/hosted-redirect';

const redirect = (order: string) => ({
  url: 'https://gate.example/alipay',
  method: 'POST',
  body: { order, sign: 'x' },
});

/** A host that counts its pages and answers when the test lets it. */
function countingHost(
  answer: (n: number) => QrView | undefined = (n) => ({ kind: 'text', text: `page-${n}` }),
) {
  let published = 0;
  const host = async () => {
    published += 1;
    const n = published;
    await Promise.resolve();
    return answer(n);
  };
  return { host, published: () => published };
}

describe('one hosted page per redirect', () => {
  it('a callback and a status answer crossing with the same redirect publish one page, both show it', async () => {
    const pages = countingHost();
    const host = oncePerRedirect(pages.host);
    const [fromCallback, fromStatus] = await Promise.all([
      host(redirect('A'), 300),
      host(redirect('A'), 300),
    ]);
    expect(pages.published()).toBe(1);
    expect(fromCallback).toEqual(fromStatus);
  });

  it("another sale's redirect gets a page of its own", async () => {
    const pages = countingHost();
    const host = oncePerRedirect(pages.host);
    expect(await host(redirect('A'), 300)).not.toEqual(await host(redirect('B'), 300));
    expect(pages.published()).toBe(2);
  });

  it('a redirect that could not be published is tried again', async () => {
    const pages = countingHost((n) => (n === 1 ? undefined : { kind: 'text', text: 'page' }));
    const host = oncePerRedirect(pages.host);
    expect(await host(redirect('A'), 300)).toBeUndefined();
    expect(await host(redirect('A'), 300)).toEqual({ kind: 'text', text: 'page' });
  });

  it('once its page has expired, the same redirect is published again', async () => {
    let now = 0;
    const pages = countingHost();
    const host = oncePerRedirect(pages.host, () => now);
    await host(redirect('A'), 60);
    now = 61_000;
    await host(redirect('A'), 60);
    expect(pages.published()).toBe(2);
  });
});
