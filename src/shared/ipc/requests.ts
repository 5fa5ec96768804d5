import { z } from 'zod';
import { CURRENCIES } from '../money/currencies';
import { PAYMENT_STATES } from '../payment-state';
import { CUSTOMER_LOCALES, LANGUAGE_CHOICES } from '../i18n/locales';
import { printerSettingsSchema } from '../printing/printer-settings';

/* The arguments the channels take, beside the channels' table in contract.ts. */

export const paymentId = z.string().min(1).max(64);
export const nothing = z.object({}).strict();
/** A manager PIN as typed; its format is checked with the PIN itself, in main. */
export const pin = z.string().min(1).max(16);
export const staffId = z.number().int().positive();
/** A manager called to the counter: picked by name, their own PIN typed. */
export const managerPresent = z.object({ staffId: z.number().int().positive(), pin }).strict();
export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/**
 * What History can be filtered by: a payment state, or `cancelled` (the cashier cancelled it and
 * it was not paid) or `late` (paid after the cashier had cancelled it).
 */
export const HISTORY_STATES = [...PAYMENT_STATES, 'cancelled', 'late'] as const;
export type HistoryState = (typeof HISTORY_STATES)[number];

/** History filters: every field optional. */
export const historyFilterSchema = z
  .object({
    paymentId: z.string().max(64),
    amount: z.string().max(32),
    currency: z.enum(CURRENCIES as unknown as [string, ...string[]]),
    state: z.enum(HISTORY_STATES),
    from: localDate,
    to: localDate,
    /** Who took the payment (a staff member's id). */
    staffId: z.number().int().positive(),
  })
  .partial()
  .strict();

/** Settings the cashier or manager may change; every field optional, the secret write-only. */
export const settingsUpdateSchema = z
  .object({
    gateUrl: z.string().url().max(200),
    projectId: z
      .number()
      .int()
      .positive()
      .max(2 ** 31),
    terminalId: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,16}$/, 'letters, digits and "-" only, at most 16'),
    defaultCurrency: z.enum(CURRENCIES as unknown as [string, ...string[]]),
    callbackBindAddress: z.string().min(1).max(64),
    callbackPort: z.number().int().min(0).max(65535),
    callbackPublicUrl: z.union([z.literal(''), z.string().url().max(300)]),
    acceptedQrKinds: z.array(z.enum(['qr_data', 'qr_url', 'qr_img', 'redirect'])).min(1),
    thresholdSeconds: z
      .number()
      .int()
      .min(60)
      .max(24 * 3600),
    language: z.enum(LANGUAGE_CHOICES),
    customerLanguage: z.enum(CUSTOMER_LOCALES),
    merchantName: z.string().max(80),
    purchaseMode: z.enum(['auto', 'gate_qr', 'payment_page']),
    paymentPageUrl: z.string().url().max(200),
    paymentPageLifetimeSeconds: z
      .number()
      .int()
      .min(60)
      .max(24 * 3600),
    customerReturnUrl: z.union([z.literal(''), z.string().url().max(300)]),
    successUrl: z.union([z.literal(''), z.string().url().max(300)]),
    /** Checked in main: an IPv4 or IPv6 address on the public internet. */
    storeIpAddress: z.string().max(64),
    /** Purchase limits per currency in minor units; checked against the bounds in main. */
    amountLimits: z.partialRecord(
      z.enum(CURRENCIES as unknown as [string, ...string[]]),
      z.object({ min: z.number().int().min(0), max: z.number().int().min(0) }).strict(),
    ),
    /** Write-only: stored in the OS keychain, never returned. */
    secret: z.string().min(8).max(256),
    updateChannel: z.enum(['stable', 'pilot']),
    startAtLogin: z.boolean(),
    customerDisplayId: z.number().int().nullable(),
    /** The PIN of the manager allowing the change (unless the manager session is open). */
    pin,
    /** Which manager typed it, on a counter with staff (each manager has their own PIN). */
    staffId: z.number().int().positive(),
    /** The receipt printer: all of its settings at once. */
    printer: printerSettingsSchema,
    /** The callback relay; checked in main. Empty values switch it off. */
    relayNatsUrls: z.array(z.string().max(200)).max(8),
    relayCallbackUrl: z.string().max(400),
    relayCaCertificate: z.string().max(20_000),
    /** Write-only: the broker user and password go to the OS keychain; "" forgets them. */
    relayUser: z.string().max(128),
    relayPassword: z.string().max(256),
  })
  .partial()
  .strict();
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;
