import { z } from 'zod';
import { RELAY_ID_PATTERN, type CounterAddress } from './protocol';

/** A NATS server address the relay may dial: nats:// or tls:// with a host and port. */
const natsUrlSchema = z
  .string()
  .trim()
  .refine((text) => /^(nats|tls):\/\/[^\s/]+$/.test(text) && URL.canParse(text), {
    message: 'a NATS address such as nats://10.0.0.5:4222 or tls://nats.example.com:4222',
  });

/** `STORE/COUNTER`, each part letters, digits, `-` and `_`. */
const counterSchema = z
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
  })
  .strict();
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
