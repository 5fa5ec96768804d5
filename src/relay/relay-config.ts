import { z } from 'zod';
import { RELAY_ID_PATTERN, type CounterAddress } from '../protocol/relay-wire';
import { DEFAULT_MAX_PER_COUNTER, DEFAULT_MAX_STREAM_BYTES } from './relay-streams';

/** A NATS server address the relay may dial: nats:// or tls:// with a host and port. */
const natsUrlSchema = z
  .string()
  .trim()
  .refine((text) => /^(nats|tls):\/\/[^\s/]+$/.test(text) && URL.canParse(text), {
    message: 'a NATS address such as nats://10.0.0.5:4222 or tls://nats.example.com:4222',
  });

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** `STORE/COUNTER`, each part letters, digits, `-` and `_`. */
export const counterSchema = z
  .string()
  .trim()
  .transform((text, ctx): CounterAddress => {
    const [store, counter, ...rest] = text.split('/');
    if (
      rest.length > 0 ||
      !RELAY_ID_PATTERN.test(store ?? '') ||
      !RELAY_ID_PATTERN.test(counter ?? '')
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not STORE/COUNTER (letters, digits, "-" and "_", at most 32 each)`,
      });
      return z.NEVER;
    }
    return { store: store!, counter: counter! };
  });

/**
 * The relay's configuration, from the command line or a JSON file with the same fields. The
 * broker's credentials are not here: they come from the environment only.
 */
export const relayConfigSchema = z
  .object({
    nats: z.array(natsUrlSchema).min(1, 'at least one NATS address').max(16),
    host: z.string().min(1).default('127.0.0.1'),
    port: z.number().int().min(0).max(65535),
    counters: z
      .array(counterSchema)
      .min(1, 'at least one STORE/COUNTER')
      .max(10_000)
      .refine((list) => new Set(list.map((c) => `${c.store}/${c.counter}`)).size === list.length, {
        message: 'a STORE/COUNTER is listed twice',
      }),
    /** Copies of each stream in the cluster: 3 in production, 1 on a single server. */
    replicas: z.number().int().min(1).max(5).default(1),
    /** A PEM file of the CA that signed the broker's certificate, when it is the merchant's own. */
    ca: z.string().min(1).optional(),
    /** Allow plain nats:// to a broker on another machine (credentials then cross unencrypted). */
    insecureBroker: z.boolean().default(false),
    /** Most bytes the callback stream holds across all counters. */
    maxStreamBytes: z
      .number()
      .int()
      .min(16 * 1024 * 1024)
      .default(DEFAULT_MAX_STREAM_BYTES),
    /** Most callbacks waiting for one counter; more are answered 503 until it collects them. */
    maxPerCounter: z.number().int().min(10).max(1_000_000).default(DEFAULT_MAX_PER_COUNTER),
    /** Bring existing streams to these limits at start (otherwise they are only reported). */
    updateStreams: z.boolean().default(false),
    /**
     * Behind a load balancer: the header that carries the caller's address (the last address in
     * it is the one the balancer saw). Only for a relay nobody can reach but through it.
     */
    trustedProxyHeader: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'a header name such as X-Forwarded-For')
      .transform((name) => name.toLowerCase())
      .optional(),
    /** Most connections one address may hold open at once. */
    maxConnectionsPerSource: z.number().int().min(1).max(10_000).default(64),
  })
  .strict()
  .superRefine((config, ctx) => {
    const schemes = new Set(config.nats.map((url) => new URL(url).protocol));
    if (schemes.size > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['nats'],
        message: 'use tls:// for every NATS address, or nats:// for every one',
      });
    const remote = config.nats.find(
      (url) => new URL(url).protocol === 'nats:' && !LOOPBACK.has(new URL(url).hostname),
    );
    if (remote && !config.insecureBroker)
      ctx.addIssue({
        code: 'custom',
        path: ['nats'],
        message: `${remote} is another machine: use tls:// so that the broker's password and the callbacks are encrypted (or --insecure-broker on a network you trust)`,
      });
  });
export type RelayConfig = z.infer<typeof relayConfigSchema>;

/** Splits `a,b , c` into its non-empty parts. */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Parses a configuration; the error names the first field at fault. */
export function parseRelayConfig(input: unknown): RelayConfig {
  const parsed = relayConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : '(config)';
  throw new RelayConfigError(`${field}: ${issue.message}`);
}

/** A relay configuration that cannot be used, in words. */
export class RelayConfigError extends Error {
  override readonly name = 'RelayConfigError';
}

/** Parses one `STORE/COUNTER`; the error says what it must look like. */
export function parseCounterAddress(text: string): CounterAddress {
  const parsed = counterSchema.safeParse(text);
  if (parsed.success) return parsed.data;
  throw new RelayConfigError(parsed.error.issues[0]!.message);
}
