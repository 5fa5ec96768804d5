import { randomBytes } from 'node:crypto';
import {
  CALLBACK_STREAM,
  callbackSubject,
  consumerName,
  counterInboxPrefix,
  counterUser,
  REDIRECT_STREAM,
  RELAY_INBOX_PREFIX,
  type CounterAddress,
} from '../protocol/relay-wire';

/** A broker user and the subjects it may publish and subscribe to (nothing else). */
export interface NatsUserPermissions {
  readonly user: string;
  readonly password: string;
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
}

const API = '$JS.API';

/**
 * The relay's user: it stores callbacks for any counter, creates the two streams (and brings
 * their limits in line when asked), and reads hosted redirect pages. It never reads callbacks.
 */
export function relayUserPermissions(user: string, password: string): NatsUserPermissions {
  return {
    user,
    password,
    publish: [
      'callbacks.*.*',
      `${API}.INFO`,
      ...[CALLBACK_STREAM, REDIRECT_STREAM].flatMap((stream) => [
        `${API}.STREAM.INFO.${stream}`,
        `${API}.STREAM.CREATE.${stream}`,
        `${API}.STREAM.UPDATE.${stream}`,
      ]),
      `${API}.STREAM.MSG.GET.${REDIRECT_STREAM}`,
    ],
    subscribe: [`${RELAY_INBOX_PREFIX}.>`],
  };
}

/**
 * One counter's user: it may create and read its own durable consumer, filtered to its own
 * subject (the filter is part of the subject the server checks), ack its own messages, and
 * publish hosted pages under its own subjects; replies reach it on an inbox only it may
 * subscribe to. It can neither see nor touch another counter's callbacks, nor the streams.
 */
export function counterUserPermissions(
  address: CounterAddress,
  password: string,
): NatsUserPermissions {
  const consumer = consumerName(address);
  return {
    user: counterUser(address),
    password,
    publish: [
      `${API}.INFO`,
      `${API}.CONSUMER.CREATE.${CALLBACK_STREAM}.${consumer}.${callbackSubject(address)}`,
      `${API}.CONSUMER.INFO.${CALLBACK_STREAM}.${consumer}`,
      `${API}.CONSUMER.MSG.NEXT.${CALLBACK_STREAM}.${consumer}`,
      `$JS.ACK.${CALLBACK_STREAM}.${consumer}.>`,
      `redirects.${address.store}.${address.counter}.*`,
    ],
    subscribe: [`${counterInboxPrefix(address)}.>`],
  };
}

/** A fresh broker password: 192 random bits. */
export function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

/** The `authorization` block of a nats-server configuration for these users. */
export function authorizationBlock(users: readonly NatsUserPermissions[]): string {
  const list = (subjects: readonly string[]) => `[${subjects.map(quote).join(', ')}]`;
  const lines = users.map(
    (u) =>
      `    { user: ${quote(u.user)}, password: ${quote(u.password)}, permissions: { ` +
      `publish: { allow: ${list(u.publish)} }, subscribe: { allow: ${list(u.subscribe)} } } }`,
  );
  return ['authorization {', '  users: [', ...lines, '  ]', '}'].join('\n');
}

/** nats-server's configuration strings: double-quoted, with `"` and `\` escaped. */
function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * The whole file `relay nats-config` prints: the users for a relay and its counters with fresh
 * passwords, and, as comments, what to give each counter.
 */
export function natsUsersFile(
  relayUser: string,
  counters: readonly CounterAddress[],
  password: () => string = newPassword,
): string {
  const users = [
    relayUserPermissions(relayUser, password()),
    ...counters.map((address) => counterUserPermissions(address, password())),
  ];
  return [
    '# NATS users for the Alipay Counter callback relay (alipay-counter relay nats-config).',
    '# It holds passwords: keep it readable by nats-server only, and include it in its',
    '# configuration (include ./counter-users.conf), where no other authorization block is.',
    `# The relay runs with RELAY_NATS_USER=${users[0]!.user} and RELAY_NATS_PASSWORD from below.`,
    '# Each counter takes its own user and password in Settings → Callback relay.',
    authorizationBlock(users),
    '',
  ].join('\n');
}
