import {
  DiscardPolicy,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { MAX_CALLBACK_BYTES } from '../protocol/callback-body';
import { CALLBACK_STREAM, MAX_REDIRECT_LIFETIME_MS, REDIRECT_STREAM } from '../protocol/relay-wire';

const NANOS_PER_MS = 1_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Gate retries a callback for up to 11 days: a stored one must outlive that. */
export const CALLBACK_MAX_AGE_MS = 12 * DAY_MS;
/**
 * Gate's retries of a body already stored are dropped by its message id within this window.
 * Later copies (a retry hours apart) still reach the counter, which applies a callback once.
 */
export const DUPLICATE_WINDOW_MS = 60 * 60 * 1000;
/** Room for the relay's headers on top of a callback body. */
export const HEADER_ALLOWANCE_BYTES = 4096;
/** Largest message either stream takes: a callback at its cap with the relay's headers. */
export const MAX_MESSAGE_BYTES = MAX_CALLBACK_BYTES + HEADER_ALLOWANCE_BYTES;

/**
 * Callbacks waiting for one counter. A counter's day is a few hundred sales of two or three
 * callbacks each, and the relay answers Gate as soon as one is stored, so a counter switched
 * off over a long weekend still has far fewer waiting.
 */
export const DEFAULT_MAX_PER_COUNTER = 1000;
/** All callbacks waiting, across counters. */
export const DEFAULT_MAX_STREAM_BYTES = 1024 * 1024 * 1024;
/** Hosted redirect pages live minutes; this many bytes of them is far more than any day needs. */
const MAX_REDIRECT_BYTES = 256 * 1024 * 1024;

/** The limits the callback stream is kept within. */
export interface CallbackLimits {
  readonly maxStreamBytes: number;
  readonly maxPerCounter: number;
}

/**
 * The callback stream: a work queue on disk, kept 12 days, duplicates dropped by id, and
 * bounded so that a flood cannot take the broker's disk: each counter's subject holds at most
 * `maxPerCounter` callbacks and the stream `maxStreamBytes`; what does not fit is refused
 * (discard new, per subject), so one counter's backlog never pushes out another's callbacks,
 * and Gate, answered 503, delivers it again later.
 */
export function callbackStreamConfig(
  replicas: number,
  limits: CallbackLimits,
): Partial<StreamConfig> & { name: string } {
  return {
    name: CALLBACK_STREAM,
    subjects: ['callbacks.>'],
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    num_replicas: replicas,
    max_age: CALLBACK_MAX_AGE_MS * NANOS_PER_MS,
    duplicate_window: DUPLICATE_WINDOW_MS * NANOS_PER_MS,
    max_msg_size: MAX_MESSAGE_BYTES,
    max_bytes: limits.maxStreamBytes,
    max_msgs_per_subject: limits.maxPerCounter,
    discard: DiscardPolicy.New,
    discard_new_per_subject: true,
  };
}

/** The hosted redirect stream: one message per token, forgotten after an hour, bounded. */
export function redirectStreamConfig(replicas: number): Partial<StreamConfig> & { name: string } {
  return {
    name: REDIRECT_STREAM,
    subjects: ['redirects.>'],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    num_replicas: replicas,
    max_age: MAX_REDIRECT_LIFETIME_MS * NANOS_PER_MS,
    max_msgs_per_subject: 1,
    max_msg_size: MAX_MESSAGE_BYTES,
    max_bytes: MAX_REDIRECT_BYTES,
    discard: DiscardPolicy.Old,
  };
}

/** What ensuring a stream found. */
export type StreamCheck = {
  readonly name: string;
  readonly created: boolean;
  /** Brought to the relay's limits (`updateStreams`). */
  readonly updated?: boolean;
  /** What an existing stream lacks, in words, one line each. */
  readonly notes: readonly string[];
};

/**
 * Creates the relay's streams where they are missing. An existing stream is left as the
 * operator set it, and what it lacks is reported, unless `update` asks to bring its limits in
 * line; one that is not a work queue for callbacks is refused: acknowledged callbacks would
 * pile up, or vanish before their counter saw them.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  replicas: number,
  limits: CallbackLimits,
  update = false,
): Promise<StreamCheck[]> {
  const checks: StreamCheck[] = [];
  for (const wanted of [callbackStreamConfig(replicas, limits), redirectStreamConfig(replicas)])
    checks.push(await ensureStream(jsm, wanted, update));
  return checks;
}

async function ensureStream(
  jsm: JetStreamManager,
  wanted: Partial<StreamConfig> & { name: string },
  update: boolean,
): Promise<StreamCheck> {
  let existing: StreamConfig;
  try {
    existing = (await jsm.streams.info(wanted.name)).config;
  } catch (error) {
    if (!(error instanceof JetStreamApiError) || error.code !== 10059) throw error;
    await jsm.streams.add(wanted);
    return { name: wanted.name, created: true, notes: [] };
  }
  if (existing.retention !== wanted.retention)
    throw new Error(
      `stream ${wanted.name} exists with retention "${existing.retention}", not "${wanted.retention}": fix or delete it`,
    );
  const notes = streamShortfalls(existing, wanted);
  if (notes.length > 0 && update) {
    await jsm.streams.update(wanted.name, limitsOf(wanted));
    return { name: wanted.name, created: false, updated: true, notes };
  }
  return { name: wanted.name, created: false, notes };
}

/** The limit fields of a stream configuration (the ones `updateStreams` may change). */
function limitsOf(config: Partial<StreamConfig>): Partial<StreamConfig> {
  const fields = [
    'max_bytes',
    'max_msgs_per_subject',
    'max_msg_size',
    'discard',
    'discard_new_per_subject',
  ] as const;
  return Object.fromEntries(
    fields.filter((field) => config[field] !== undefined).map((field) => [field, config[field]]),
  );
}

/** What an existing stream lacks compared with the relay's own, in words. */
export function streamShortfalls(
  existing: StreamConfig,
  wanted: Partial<StreamConfig> & { name: string },
): string[] {
  const notes: string[] = [];
  const unlimited = (value: number | undefined) => value === undefined || value <= 0;
  if (unlimited(existing.max_bytes))
    notes.push(`stream ${wanted.name} has no byte limit: a flood of callbacks can fill the disk`);
  if (wanted.max_msgs_per_subject !== undefined && unlimited(existing.max_msgs_per_subject))
    notes.push(
      `stream ${wanted.name} has no per-subject limit: one counter's flood can block the others`,
    );
  if (wanted.discard === DiscardPolicy.New && existing.discard !== DiscardPolicy.New)
    notes.push(
      `stream ${wanted.name} discards old messages when full: waiting callbacks would be lost`,
    );
  if (wanted.discard_new_per_subject && !existing.discard_new_per_subject)
    notes.push(`stream ${wanted.name} does not refuse per subject when one counter's part is full`);
  if (unlimited(existing.max_msg_size) || existing.max_msg_size > (wanted.max_msg_size ?? 0))
    notes.push(`stream ${wanted.name} takes messages larger than ${wanted.max_msg_size} bytes`);
  if (wanted.name === CALLBACK_STREAM) {
    const ageMs = existing.max_age / NANOS_PER_MS;
    if (ageMs !== 0 && ageMs < 11 * DAY_MS)
      notes.push(
        `stream ${wanted.name} keeps messages only ${Math.round(ageMs / DAY_MS)} days, less than Gate's 11 days of retries`,
      );
  }
  return notes;
}
