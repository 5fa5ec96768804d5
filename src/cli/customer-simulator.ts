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
