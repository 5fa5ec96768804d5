/** Keys whose values never reach a log line. */
const SECRET_KEYS = /^(secret|signature|password|pin|gate_secret|token|authorization)$/i;

/** `signature=...` and the like inside a text (a Payment Page link, an error message). */
const SECRET_PARAMS = /\b(signature|secret|password|token|pin)=([^&\s"']+)/gi;

/** Replaces secret query parameters in a text with "[redacted]". */
export function redactText(text: string): string {
  return text.replace(SECRET_PARAMS, '$1=[redacted]');
}

/** Replaces secret-looking fields (at any depth) and parameters with "[redacted]". */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value))
    out[key] = SECRET_KEYS.test(key) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

/** A module's logger. */
export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** Where log lines go; stderr by default, replaceable for tests and the Electron log file. */
export type LogSink = (line: string) => void;

/** Sends each line to every sink (the log file and stderr, in the Electron shell). */
export function teeSinks(...sinks: LogSink[]): LogSink {
  return (line) => sinks.forEach((sink) => sink(line));
}

let sink: LogSink = (line) => process.stderr.write(`${line}\n`);
let enabled = process.env['ALIPAY_COUNTER_LOG'] !== 'off';

/** Sends every logger's lines to `next` (and turns logging on or off). */
export function setLogSink(next: LogSink | null): void {
  enabled = next !== null;
  if (next) sink = next;
}

/**
 * One redacting logger per module: JSON lines with time, level, module,
 * message and detail, secrets and signatures replaced by "[redacted]".
 */
export function createLogger(module: string): Logger {
  const write = (level: string, message: string, detail?: unknown) => {
    if (!enabled) return;
    const entry: Record<string, unknown> = {
      at: new Date().toISOString(),
      level,
      module,
      message: redactText(message),
    };
    if (detail !== undefined)
      entry['detail'] =
        detail instanceof Error ? { error: redactText(detail.message) } : redact(detail);
    sink(JSON.stringify(entry));
  };
  return {
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}
