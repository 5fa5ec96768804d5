import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CURRENCIES, type Currency } from '../../shared/money';
import type { SettingsUpdate } from '../../shared/ipc/contract';
import { DEFAULT_PRINTER_SETTINGS } from '../../shared/printing/printer-options';
import { printerSettingsSchema } from '../../shared/printing/printer-settings';
import { relayAddress, relaySettingsProblems } from '../relay/relay-settings';
import { CUSTOMER_LOCALES, LANGUAGE_CHOICES } from '../../shared/i18n/locales';
import { said, type Said } from '../../shared/i18n/said';
import {
  ADDRESS_FIELDS,
  addressProblem,
  storeIpProblem,
} from '../../shared/settings/address-rules';
import { firstPerField, type FieldProblem } from '../../shared/settings/field-problem';
import { isLoopbackHost } from '../../shared/settings/parsed-url';
import { RELAY_FIELDS } from '../../shared/settings/relay-rules';
import { QR_KINDS, TECHNICAL_DEFAULTS } from '../../shared/settings/technical-defaults';
import { updateProblems } from '../../shared/settings/update-problems';

export { QR_KINDS };

/** Non-secret settings as stored (validated with zod at every load and change). */
export const settingsSchema = z.object({
  gateUrl: z.string().url(),
  projectId: z.number().int().positive().nullable(),
  terminalId: z.string().regex(/^[A-Za-z0-9-]{1,16}$/),
  defaultCurrency: z.enum(CURRENCIES as unknown as [Currency, ...Currency[]]),
  /** Address the callback listener binds to: loopback unless Gate is routed to this machine. */
  callbackBindAddress: z.string().min(1),
  callbackPort: z.number().int().min(0).max(65535),
  /**
   * The URL Gate posts callbacks to (a reverse proxy or tunnel to the listener). "" sends none:
   * Gate then uses the callback URL configured for the project at ecommpay.
   */
  callbackPublicUrl: z.union([z.literal(''), z.string().url()]),
  /** QR forms this counter expects from Gate; anything else is shown as a configuration error. */
  acceptedQrKinds: z.array(z.enum(QR_KINDS)).min(1),
  /** Gate declines a payment nobody finished after this long (seed: up to one hour). */
  thresholdSeconds: z.number().int().min(60),
  /** The cashier window's language: the system's until a manager picks one. */
  language: z.enum(LANGUAGE_CHOICES),
  /** The customer display's language: its customers are mostly visitors from China. */
  customerLanguage: z.enum(CUSTOMER_LOCALES),
  merchantName: z.string().max(80),
  /**
   * Gate QR (the QR comes in Gate's callback) or a Payment Page link shown as the QR (works with
   * no callback path). `auto`: Gate QR where a public callback URL is set, else the link.
   */
  purchaseMode: z.enum(['auto', 'gate_qr', 'payment_page']),
  paymentPageUrl: z.string().url(),
  /** How long a Payment Page link may be paid (its best_before). */
  paymentPageLifetimeSeconds: z.number().int().min(60),
  /**
   * Where the customer's phone goes after Alipay (`return_url.return`, required by Gate's sale
   * request); "" until set: a live counter cannot charge without it.
   */
  customerReturnUrl: z.union([z.literal(''), z.string().url()]),
  /** Where the phone goes after a successful payment (`return_url.success`); "" sends none. */
  successUrl: z.union([z.literal(''), z.string().url()]),
  /**
   * The store's public IP address, sent as `customer.ip_address` with sales and refunds: the
   * customer's phone scans the QR in the store, so the store's address is the customer's.
   */
  storeIpAddress: z.string().max(45),
  /** Which update releases this counter installs: pilot stores get pre-releases first. */
  updateChannel: z.enum(['stable', 'pilot']),
  /** Start the app when the user logs in (live packaged counters only). */
  startAtLogin: z.boolean(),
  /** The display the customer display goes full screen on; null: the first second display. */
  customerDisplayId: z.number().int().nullable(),
  /** Purchase limits a manager changed, per currency (minor units); the rest are the defaults. */
  amountLimits: z.partialRecord(
    z.enum(CURRENCIES as unknown as [Currency, ...Currency[]]),
    z.object({ min: z.number().int(), max: z.number().int() }),
  ),
  /** The receipt printer; none until one is set up. */
  printer: printerSettingsSchema,
  /**
   * The callback relay: the NATS servers this counter dials out to, and its callback URL at the
   * relay (which names its store and counter and carries its secret token). Empty: no relay.
   */
  relayNatsUrls: z.array(z.string().max(200)).max(8),
  relayCallbackUrl: z.union([z.literal(''), z.string().url().max(400)]),
  /** The broker's CA certificate (PEM) when the merchant runs their own CA; empty: none. */
  relayCaCertificate: z.string().max(20_000),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A fresh counter's settings: production Gate, nothing project-specific yet. */
export const DEFAULT_SETTINGS: Settings = {
  gateUrl: TECHNICAL_DEFAULTS.gateUrl,
  projectId: null,
  terminalId: TECHNICAL_DEFAULTS.terminalId,
  defaultCurrency: 'CNY',
  callbackBindAddress: TECHNICAL_DEFAULTS.callbackBindAddress,
  callbackPort: TECHNICAL_DEFAULTS.callbackPort,
  callbackPublicUrl: '',
  acceptedQrKinds: [...TECHNICAL_DEFAULTS.acceptedQrKinds],
  thresholdSeconds: TECHNICAL_DEFAULTS.thresholdSeconds,
  language: 'system',
  customerLanguage: 'zh-Hans',
  merchantName: '',
  purchaseMode: 'auto',
  paymentPageUrl: TECHNICAL_DEFAULTS.paymentPageUrl,
  paymentPageLifetimeSeconds: TECHNICAL_DEFAULTS.paymentPageLifetimeSeconds,
  customerReturnUrl: '',
  successUrl: '',
  storeIpAddress: '',
  updateChannel: 'stable',
  startAtLogin: true,
  customerDisplayId: null,
  amountLimits: {},
  printer: DEFAULT_PRINTER_SETTINGS,
  relayNatsUrls: [],
  relayCallbackUrl: '',
  relayCaCertificate: '',
};

/** The purchase mode a sale uses now: `auto` picks Gate QR only where callbacks can arrive. */
export function effectivePurchaseMode(
  settings: Settings,
  demo: boolean,
): 'gate_qr' | 'payment_page' {
  if (settings.purchaseMode !== 'auto') return settings.purchaseMode;
  return demo || settings.callbackPublicUrl !== '' || relayConfigured(settings)
    ? 'gate_qr'
    : 'payment_page';
}

/** Whether a callback relay is set up (every relay field filled in). */
export function relayConfigured(settings: Settings): boolean {
  return relayAddress(settings) !== undefined;
}

/** True for a URL on this machine (`127.0.0.1`, `localhost`, `[::1]`): a local sandbox. */
export function isLoopbackUrl(url: string | URL): boolean {
  return isLoopbackHost(new URL(url).hostname);
}
/** The addresses a counter sends payments to or shows customers. */
export const URL_FIELDS = ADDRESS_FIELDS;

/** The settings that decide where Gate requests go and how they are signed. */
export const GATE_FIELDS = ['gateUrl', 'projectId'] as const;

/**
 * The stored addresses that are not https (plain http is fine only to this machine, a local
 * sandbox): a typo'd or downgraded http address would expose payment data, or send a customer
 * to a page anyone on the way can change. A file an older version wrote may hold one.
 */
export function insecureUrls(
  settings: Settings,
): Array<{ field: (typeof URL_FIELDS)[number]; said: Said }> {
  return URL_FIELDS.filter((field) => addressProblem(settings[field]) !== undefined).map(
    (field) => ({ field, said: said('settings.problem.live.insecureAddress', { field }) }),
  );
}

/**
 * Applies a change and validates the result; the secret and the PIN are not settings and are
 * ignored here. The change is checked by the rules the Settings screen runs before it asks for
 * the PIN (src/shared/settings), plus what only main can read (the relay's callback URL as its
 * wire defines it, a CA certificate); a refusal names its field. Only what the change touches is
 * checked: a stored file an older version wrote still loads, so the counter starts; its problems
 * block new payments (and, for an insecure Gate URL, status requests too) until that section is
 * fixed, and open payments settle then.
 */
export function applyUpdate(
  current: Settings,
  update: SettingsUpdate,
): { ok: true; value: Settings } | { ok: false; problem: FieldProblem } {
  const {
    secret: _secret,
    pin: _pin,
    staffId: _staffId,
    relayUser: _relayUser,
    relayPassword: _relayPassword,
    ...rest
  } = update;
  const ip = rest.storeIpAddress?.trim();
  const next = { ...current, ...rest, ...(ip !== undefined ? { storeIpAddress: ip } : {}) };
  const problems = [...updateProblems(update, current)];
  if (RELAY_FIELDS.some((field) => update[field] !== undefined))
    problems.push(...relaySettingsProblems(next));
  const first = firstPerField(problems)[0];
  if (first) return { ok: false, problem: first };
  const parsed = settingsSchema.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: {
        field: issue?.path.map(String).join('.') || 'settings',
        said: said('settings.problem.notAccepted'),
      },
    };
  }
  return { ok: true, value: parsed.data };
}

/**
 * Settings in a JSON file. Writes go to a temporary file renamed over the old one, so a crash
 * mid-write leaves the previous settings intact. No secret is ever written here.
 */
export class SettingsFile {
  constructor(readonly path: string) {}

  /** The stored settings, or the defaults when there is no file yet. Throws on a corrupt file. */
  load(defaults: Settings = DEFAULT_SETTINGS): Settings {
    if (!existsSync(this.path)) return defaults;
    const parsed = settingsSchema.safeParse({
      ...defaults,
      ...migrated(JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, unknown>),
    });
    if (!parsed.success)
      throw new Error(
        `settings file ${this.path} is invalid: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    return parsed.data;
  }

  save(settings: Settings): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.path);
  }
}

/**
 * Stored settings of older versions in today's form. Their language was 'en' by default (never
 * picked, so now the system's) or 'zh' (picked: Simplified Chinese).
 */
function migrated(stored: Record<string, unknown>): Record<string, unknown> {
  if (stored.language === 'en') return { ...stored, language: 'system' };
  if (stored.language === 'zh') return { ...stored, language: 'zh-Hans' };
  return stored;
}

/** What stops live payments, as messages; empty when everything is in place. */
export function settingsProblems(
  settings: Settings,
  secretConfigured: boolean,
  mode: 'demo' | 'live' = 'live',
): Said[] {
  const problems: Said[] = [];
  if (settings.projectId === null) problems.push(said('settings.problem.live.noProject'));
  if (!secretConfigured) problems.push(said('settings.problem.live.noSecret'));
  for (const { said: problem } of insecureUrls(settings)) problems.push(problem);
  if (mode === 'live') problems.push(...requestProblems(settings));
  return problems;
}

/**
 * What Gate's sale and refund requests need from the settings that is missing (seed: a sale
 * carries `return_url.return` and `customer.ip_address`; a refund `customer.ip_address`).
 */
export function requestProblems(settings: Settings): Said[] {
  const problems: Said[] = [];
  if (settings.customerReturnUrl === '') problems.push(said('settings.problem.live.noReturnPage'));
  problems.push(...storeIpProblems(settings));
  return problems;
}

/** What is wrong with the store IP address refunds and sales carry; empty when it is fine. */
export function storeIpProblems(settings: Settings): Said[] {
  if (settings.storeIpAddress === '') return [said('settings.problem.live.noStoreIp')];
  const problem = storeIpProblem(settings.storeIpAddress);
  return problem ? [problem] : [];
}
