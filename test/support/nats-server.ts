import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's nats-server (`.ci/run` installs it), or NATS_SERVER_PATH. */
export const NATS_SERVER_BINARY = process.env['NATS_SERVER_PATH'] ?? '/usr/sbin/nats-server';

/** Why the relay tests cannot run here, or undefined when they can. */
export const NO_NATS_SERVER = existsSync(NATS_SERVER_BINARY)
  ? undefined
  : `no nats-server at ${NATS_SERVER_BINARY} (apt-get install nats-server; .ci/run does)`;

/** A broker user with the subjects it may publish and subscribe to. */
export interface NatsUser {
  readonly user: string;
  readonly password: string;
  readonly publish?: readonly string[];
  readonly subscribe?: readonly string[];
}

/** A nats-server with JetStream on loopback, its store in a temporary folder. */
export interface NatsServer {
  readonly url: string;
  readonly port: number;
  readonly storeDir: string;
  /** Stops it (SIGTERM, or SIGKILL for a crash); its store stays for `start`. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port with the same store. */
  start(): Promise<void>;
  /** Stops it and deletes its store. */
  close(): Promise<void>;
}

/** A certificate and its key (PEM files) for a broker that speaks only TLS. */
export interface NatsTls {
  readonly certFile: string;
  readonly keyFile: string;
}

function configText(
  port: number,
  storeDir: string,
  users: readonly NatsUser[],
  tls: NatsTls | undefined,
  authorization: string | undefined,
): string {
  const lines = [
    `listen: "127.0.0.1:${port}"`,
    `jetstream { store_dir: ${JSON.stringify(storeDir)} }`,
  ];
  if (tls)
    lines.push(
      `tls { cert_file: ${JSON.stringify(tls.certFile)}, key_file: ${JSON.stringify(tls.keyFile)} }`,
    );
  if (users.length > 0) {
    const list = users.map((u) => {
      const permissions = [
        u.publish ? `publish: ${JSON.stringify(u.publish)}` : '',
        u.subscribe ? `subscribe: ${JSON.stringify(u.subscribe)}` : '',
      ].filter(Boolean);
      return `{ user: ${JSON.stringify(u.user)}, password: ${JSON.stringify(u.password)}${
        permissions.length ? `, permissions: { ${permissions.join(', ')} }` : ''
      } }`;
    });
    lines.push(`authorization { users: [ ${list.join(', ')} ] }`);
  }
  if (authorization) lines.push(authorization);
  return `${lines.join('\n')}\n`;
}

/**
 * Starts a nats-server with JetStream (file storage) on a loopback port it picks itself (`-1`)
 * and reports in its log: no port is guessed beforehand, so none can be taken first.
 */
export async function startNatsServer(
  options: {
    users?: readonly NatsUser[];
    tls?: NatsTls;
    /** An `authorization { … }` block as written, such as `relay nats-config` prints. */
    authorization?: string;
  } = {},
): Promise<NatsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'nats-'));
  const storeDir = join(dir, 'store');
  const configFile = join(dir, 'nats.conf');
  let child: ChildProcess | undefined;

  let port = -1;
  const writeConfig = () =>
    writeFileSync(
      configFile,
      configText(port, storeDir, options.users ?? [], options.tls, options.authorization),
    );
  const start = async () => {
    const started = spawn(NATS_SERVER_BINARY, ['-c', configFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = started;
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`nats-server did not start:\n${log}`)),
        15_000,
      );
      started.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('Server is ready')) {
          clearTimeout(timer);
          port = Number(/Listening for client connections on \S+:(\d+)/.exec(log)?.[1] ?? port);
          resolve();
        }
      });
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`nats-server exited with ${code}:\n${log}`));
      });
    });
    started.stderr!.resume();
  };
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill(signal);
    await exited;
  };
  writeConfig();
  await start();
  if (port < 0) throw new Error('nats-server did not say which port it listens on');
  // A restart (`start`) comes back on the same port, as a broker keeps its address; should
  // another process have taken it meanwhile, nats-server exits saying so and `start` throws.
  writeConfig();
  return {
    url: options.tls ? `tls://localhost:${port}` : `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
