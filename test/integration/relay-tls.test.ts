import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import { LineChild } from '../support/child-lines';
import { pressOnSandbox, tempDataDir, TEST_PROJECT, TEST_SECRET } from '../support/counter-harness';
import { NO_NATS_SERVER, startNatsServer, type NatsServer } from '../support/nats-server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COUNTER_CHILD = fileURLToPath(new URL('../support/relay-counter-child.ts', import.meta.url));
const NO_OPENSSL =
  spawnSync('openssl', ['version']).status === 0
    ? undefined
    : 'no openssl to make a certificate (apt-get install openssl; .ci/run does)';

/** A self-signed certificate for localhost and 127.0.0.1, valid for a day. */
function makeCertificate(dir: string): { certFile: string; keyFile: string } {
  const certFile = join(dir, 'broker.pem');
  const keyFile = join(dir, 'broker-key.pem');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  return { certFile, keyFile };
}

/** Runs `alipay-counter relay` as a merchant does; resolves with its URL, or its last words. */
function startRelayCli(
  natsUrl: string,
  env: Record<string, string>,
): Promise<{ url: string; stop(): void } | { exited: string }> {
  const child = spawn(
    process.execPath,
    ['bin/alipay-counter.mjs', 'relay', '--nats', natsUrl, '--port', '0', '--counters', 'S1/C1'],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ exited: `no answer within 20 s: ${output}` });
    }, 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /relay listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, stop: () => child.kill('SIGTERM') });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve({ exited: output });
    });
  });
}

/**
 * A broker that speaks only TLS, as the README asks of a broker the counters reach over the
 * internet: the relay and a counter (each its own process, trusting the broker's certificate
 * through NODE_EXTRA_CA_CERTS as a merchant's private CA would be trusted) carry a sale's
 * callback over tls://; without the certificate trusted, nothing connects.
 */
describe.skipIf(NO_NATS_SERVER ?? NO_OPENSSL)('relay over TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-tls-'));
  let nats: NatsServer;
  let sandbox: Sandbox;
  let trust: Record<string, string>;
  beforeAll(async () => {
    const tls = makeCertificate(dir);
    trust = { NODE_EXTRA_CA_CERTS: tls.certFile };
    nats = await startNatsServer({ tls });
    sandbox = await createSandbox({ projects: [{ id: TEST_PROJECT, secret: TEST_SECRET }] });
  });
  afterAll(async () => {
    await sandbox?.close();
    await nats?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a paid sale whose final callback reaches the counter through the relay over tls://', async () => {
    expect(nats.url).toMatch(/^tls:\/\//);
    const relay = await startRelayCli(nats.url, trust);
    if ('exited' in relay) throw new Error(`the relay did not start: ${relay.exited}`);
    const counter = new LineChild(COUNTER_CHILD, {
      ...trust,
      DATA_DIR: tempDataDir(),
      SANDBOX_URL: sandbox.url,
      SANDBOX_SECRET: TEST_SECRET,
      NATS_URL: nats.url,
      RELAY_URL: relay.url,
      AMOUNT: '45.00',
    });
    try {
      const paymentId = (await counter.line(/^CHARGED (\S+)/))[1]!;
      await counter.line(new RegExp(`^STATE ${paymentId} awaiting_customer`));
      expect(await pressOnSandbox(sandbox, paymentId, 'success')).toBe(303);
      // Status polling waits a minute here: "succeeded" now can only have come by the relay.
      await counter.line(new RegExp(`^STATE ${paymentId} succeeded`));
    } finally {
      await counter.kill();
      relay.stop();
    }
  }, 60_000);

  it('without the broker certificate trusted, the relay does not start and says why', async () => {
    const relay = await startRelayCli(nats.url, {});
    if (!('exited' in relay)) {
      relay.stop();
      throw new Error('the relay started against a broker it cannot have verified');
    }
    expect(relay.exited).toMatch(/certificate is not trusted .*NODE_EXTRA_CA_CERTS/);
  }, 30_000);
});
