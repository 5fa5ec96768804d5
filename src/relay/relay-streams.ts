import {
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { CALLBACK_STREAM, MAX_REDIRECT_LIFETIME_MS, REDIRECT_STREAM } from './protocol';

const NANOS_PER_MS = 1_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Gate retries a callback for up to 11 days: a stored one must outlive that. */
export const CALLBACK_MAX_AGE_MS = 12 * DAY_MS;
/**
 * Gate's retries of a body already stored are dropped by its message id within this window.
 * Later copies (a retry hours apart) still reach the counter, which applies a callback once.
 */
export const DUPLICATE_WINDOW_MS = 60 * 60 * 1000;
/** Largest callback body, and what the broker must let through with the relay's headers. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const HEADER_ALLOWANCE_BYTES = 4096;

/** The callback stream: work queue, on disk, kept 12 days, duplicates dropped by id. */
export function callbackStreamConfig(replicas: number): Partial<StreamConfig> & { name: string } {
  return {
    name: CALLBACK_STREAM,
    subjects: ['callbacks.>'],
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    num_replicas: replicas,
    max_age: CALLBACK_MAX_AGE_MS * NANOS_PER_MS,
    duplicate_window: DUPLICATE_WINDOW_MS * NANOS_PER_MS,
    max_msg_size: MAX_BODY_BYTES + HEADER_ALLOWANCE_BYTES,
  };
}

/** The hosted redirect stream: one message per token, forgotten after an hour. */
export function redirectStreamConfig(replicas: number): Partial<StreamConfig> & { name: string } {
  return {
    name: REDIRECT_STREAM,
    subjects: ['redirects.>'],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    num_replicas: replicas,
    max_age: MAX_REDIRECT_LIFETIME_MS * NANOS_PER_MS,
    max_msgs_per_subject: 1,
    max_msg_size: 256 * 1024,
  };
}

/** What ensuring a stream found. */
export type StreamCheck = {
  readonly name: string;
  readonly created: boolean;
  readonly note?: string;
};

/**
 * Creates the relay's streams where they are missing. An existing stream is left as the
 * operator set it (replicas, limits), but one that is not a work queue for callbacks is
 * refused: acknowledged callbacks would pile up, or vanish before their counter saw them.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  replicas: number,
): Promise<StreamCheck[]> {
  const checks: StreamCheck[] = [];
  for (const wanted of [callbackStreamConfig(replicas), redirectStreamConfig(replicas)]) {
    checks.push(await ensureStream(jsm, wanted));
  }
  return checks;
}

async function ensureStream(
  jsm: JetStreamManager,
  wanted: Partial<StreamConfig> & { name: string },
): Promise<StreamCheck> {
  try {
    const info = await jsm.streams.info(wanted.name);
    if (info.config.retention !== wanted.retention)
      throw new Error(
        `stream ${wanted.name} exists with retention "${info.config.retention}", not "${wanted.retention}": fix or delete it`,
      );
    const ageMs = info.config.max_age / NANOS_PER_MS;
    const note =
      wanted.name === CALLBACK_STREAM && ageMs !== 0 && ageMs < 11 * DAY_MS
        ? `stream ${wanted.name} keeps messages only ${Math.round(ageMs / DAY_MS)} days, less than Gate's 11 days of retries`
        : undefined;
    return { name: wanted.name, created: false, ...(note ? { note } : {}) };
  } catch (error) {
    if (!(error instanceof JetStreamApiError) || error.code !== 10059) throw error;
  }
  await jsm.streams.add(wanted);
  return { name: wanted.name, created: true };
}
