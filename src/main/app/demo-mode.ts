import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { createSandbox, networkAddresses, type Sandbox, type SandboxOptions } from '../../sandbox';
import type { PaymentView } from '../../shared/ipc/views';
import { DEFAULT_SETTINGS, isLoopbackUrl, type Settings } from '../settings/settings';

/** The embedded sandbox: the rest of main knows it through this file only. */
export type { Sandbox };

/** The manager PIN demo mode starts with (README, docs/managers.md). */
export const DEMO_MANAGER_PIN = '2468';

/** The store address demo sales carry: reserved for documentation (RFC 5737), never routed. */
export const DEMO_STORE_IP = '192.0.2.10';

/** The sandbox project demo mode uses. */
export const DEMO_PROJECT_ID = 1001;

/** How demo mode reaches its sandbox: one it starts itself, or one already running (tests). */
export interface DemoOptions {
  /** A running sandbox to use instead of an embedded one (its secret in `sandboxSecret`). */
  readonly sandboxUrl?: string;
  readonly sandboxSecret?: string;
  readonly projectId?: number;
  /** Options for the embedded sandbox (time scale, QR mode ...). */
  readonly sandbox?: Partial<Omit<SandboxOptions, 'projects'>> & {
    qrMode?: NonNullable<SandboxOptions['projects'][number]['qrMode']>;
    /** Every sale asks for customer details instead of a QR (`sandbox --clarification`). */
    clarification?: boolean;
  };
}

/** A demo setup: settings filled in for the sandbox, its secret, and the sandbox if embedded. */
export interface DemoSetup {
  readonly settings: Settings;
  readonly secret: string;
  readonly sandbox?: Sandbox;
}

/**
 * Demo mode needs no setup (issue: "starts with sandbox settings filled in"): a sandbox on
 * loopback with a random secret, and settings pointing at it. It never talks to a live Gate.
 */
export async function startDemo(options: DemoOptions = {}): Promise<DemoSetup> {
  const projectId = options.projectId ?? DEMO_PROJECT_ID;
  const secret = options.sandboxSecret ?? randomBytes(24).toString('base64');
  let sandbox: Sandbox | undefined;
  let gateUrl = options.sandboxUrl;
  if (gateUrl === undefined) {
    const { qrMode, clarification, ...sandboxOptions } = options.sandbox ?? {};
    sandbox = await createSandbox({
      ...sandboxOptions,
      projects: [
        {
          id: projectId,
          secret,
          ...(qrMode ? { qrMode } : {}),
          ...(clarification ? { clarification } : {}),
        },
      ],
    });
    gateUrl = sandbox.url;
  }
  assertLoopback(gateUrl);
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    gateUrl,
    // The sandbox serves the Payment Page too.
    paymentPageUrl: gateUrl,
    projectId,
    terminalId: 'DEMO',
    callbackPort: 0,
    merchantName: 'Demo Tea House',
    // The customer's phone comes back to a page of the sandbox; the store's address is one
    // reserved for documentation (RFC 5737), as the seed's own examples use.
    customerReturnUrl: `${gateUrl}/return`,
    storeIpAddress: DEMO_STORE_IP,
  };
  return { settings, secret, ...(sandbox ? { sandbox } : {}) };
}

/** Demo mode only ever talks to a sandbox on this machine. */
export function assertLoopback(url: string): void {
  if (!isLoopbackUrl(url))
    throw new Error(
      `demo mode talks only to a sandbox on this machine, not to ${new URL(url).hostname}`,
    );
}

/**
 * The page a person opens to pay the sale on screen in demo mode, as the customer's phone
 * would: the embedded sandbox's page behind the QR, or, where the QR holds an address (a
 * sandbox given by URL, a Payment Page link), that address. Demo mode talks only to a sandbox,
 * so the page is never a real payment's.
 */
export function demoPayPage(
  sandbox: Sandbox | undefined,
  projectId: () => number | null,
): (payment: PaymentView) => string | null {
  return (payment) => {
    const project = projectId();
    const truth =
      sandbox && payment.mode === 'gate_qr' && project !== null
        ? sandbox.payment(project, payment.id)
        : undefined;
    if (truth) return sandbox!.customerUrl(truth);
    const text = payment.qr?.kind === 'text' ? payment.qr.text : '';
    return /^https?:\/\//.test(text) ? text : null;
  };
}

/**
 * The embedded sandbox's options for `--sandbox-host ADDRESS`: where a phone on the same network
 * opens the QR's page. An address of this machine, or `0.0.0.0` (or `::`) for every interface;
 * a loopback address is the default (this computer only). Throws a sentence for anything else.
 */
export function sandboxHostOptions(address: string | undefined): { phoneHost?: string } {
  if (address === undefined || /^(127\.|::1$|localhost$)/.test(address)) return {};
  if (isIP(address) === 0)
    throw new Error(
      `--sandbox-host takes an IP address of this computer (0.0.0.0 for every network), not "${address}"`,
    );
  return { phoneHost: address };
}

/** The value of `--sandbox-host ADDRESS` (or `--sandbox-host=ADDRESS`) among a process's arguments. */
export function sandboxHostArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sandbox-host') return argv[i + 1];
    if (argv[i]!.startsWith('--sandbox-host=')) return argv[i]!.slice('--sandbox-host='.length);
  }
  return undefined;
}

/** Whether `url` is one of the sandbox's pages a phone opens (the desktop's browser may show it). */
export function isSandboxPhonePage(sandbox: Sandbox, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const origins = [new URL(sandbox.url).origin, new URL(sandbox.publicUrl).origin];
  return (
    origins.includes(parsed.origin) && /^\/(customer\/[0-9a-f]{32}|payment)$/.test(parsed.pathname)
  );
}

/** Where the QR's page opens, in one line for the terminal that started the demo. */
export function sandboxReachLine(sandbox: Sandbox): string {
  if (sandbox.publicUrl === sandbox.url)
    return (
      `Gate sandbox: ${sandbox.url}, on this computer only: the waiting screen's ` +
      `"Pay as the customer" opens the QR's page here; --sandbox-host 0.0.0.0 lets a phone on this network open it.`
    );
  return (
    `Gate sandbox: ${sandbox.url}; a phone on this network opens the QR's page at ${sandbox.publicUrl} ` +
    `(the customer pages only; this computer's addresses: ${networkAddresses().join(', ') || 'none'}).`
  );
}
