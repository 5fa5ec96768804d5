import { CliError } from './cli-error';

/**
 * Presses Success or Decline on a sandbox's customer page, as the customer would in a browser:
 * finds the page through the sandbox's inspection API, then posts its form.
 */
export async function pressCustomerButton(
  gateUrl: string,
  projectId: number,
  paymentId: string,
  action: 'success' | 'decline',
): Promise<void> {
  const inspect = await fetch(
    new URL(`/sandbox/payments/${projectId}/${encodeURIComponent(paymentId)}`, gateUrl),
  ).catch(() => undefined);
  if (!inspect?.ok)
    throw new CliError(
      `--pay works only against a Gate sandbox; ${gateUrl} has no sandbox inspection API`,
    );
  const { customer_url: customerUrl } = (await inspect.json()) as { customer_url: string };
  const pressed = await fetch(customerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action, last_name: 'Sandbox' }).toString(),
    redirect: 'manual',
  });
  if (pressed.status !== 303)
    throw new CliError(`the customer page refused the ${action} button (HTTP ${pressed.status})`);
}

/** Submits a form of a sandbox page as a browser would, without following its redirect. */
export async function postForm(
  origin: string,
  path: string,
  fields: Record<string, string>,
): Promise<{ status: number; location: string | null; html: string }> {
  const res = await fetch(new URL(path, origin), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

/** The signed query a Payment Page step carries from one form to the next (its hidden `q`). */
export function hiddenQuery(html: string): string | undefined {
  return /name="q" value="([^"]*)"/.exec(html)?.[1]?.replaceAll('&#38;', '&');
}

/**
 * Pays through a sandbox's Payment Page as the customer's phone would: opens the link, chooses
 * Alipay if asked, presses Pay, gives a last name, presses Success or Decline (the seed's test
 * flow).
 */
export async function payOnPaymentPage(
  link: string,
  action: 'success' | 'decline',
  lastName = 'Sandbox',
): Promise<void> {
  const origin = new URL(link).origin;
  const form = (path: string, fields: Record<string, string>) => postForm(origin, path, fields);
  const opened = await fetch(link);
  let html = await opened.text();
  if (!opened.ok) throw new CliError(`the Payment Page refused the link (HTTP ${opened.status})`);
  if (html.includes('action="/payment/method"'))
    html = (await form('/payment/method', { q: hiddenQuery(html) ?? '', method: 'alipay' })).html;
  const paid = await form('/payment/pay', { q: hiddenQuery(html) ?? '' });
  if (paid.status !== 303 || !paid.location)
    throw new CliError(`the Payment Page did not take the payment (HTTP ${paid.status})`);
  const pressed = await form(paid.location, { action, last_name: lastName });
  if (pressed.status !== 303)
    throw new CliError(`the customer page refused the ${action} button (HTTP ${pressed.status})`);
}
