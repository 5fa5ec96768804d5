import { randomBytes } from 'node:crypto';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';
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
